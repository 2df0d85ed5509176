package dev.cwmp.server.internal;

import dev.cwmp.nbi.ScriptCatalog;
import dev.cwmp.store.jdbc.StoredTexts;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scripts checked (compiled) by another catalog and kept in {@link StoredTexts}: in the data
 * directory for the embedded server, in the database when several nodes share one. A node reads the
 * texts again when their version has moved, looking at most once per {@code refreshEvery}, so a
 * script put through one node's NBI runs on every node within that time.
 */
public final class StoredScriptCatalog implements ScriptCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(StoredScriptCatalog.class);

    private final String what;
    private final StoredTexts texts;
    private final ScriptCatalog checked;
    private final VersionWatch watch;

    private StoredScriptCatalog(String what, StoredTexts texts, ScriptCatalog checked, InstantSource clock,
            Duration refreshEvery) {
        this.what = what;
        this.texts = texts;
        this.checked = checked;
        this.watch = new VersionWatch(texts, clock, refreshEvery);
    }

    /** The catalog of the scripts in {@code texts}, each put into {@code checked} now. */
    public static StoredScriptCatalog open(String what, StoredTexts texts, ScriptCatalog checked, InstantSource clock,
            Duration refreshEvery) {
        StoredScriptCatalog catalog = new StoredScriptCatalog(what, Objects.requireNonNull(texts),
                Objects.requireNonNull(checked), Objects.requireNonNull(clock), Objects.requireNonNull(refreshEvery));
        catalog.refresh();
        return catalog;
    }

    /** The catalog of the scripts in a directory of the data directory. */
    public static StoredScriptCatalog inDirectory(String what, java.nio.file.Path dir, ScriptCatalog checked,
            InstantSource clock) {
        return open(what, new DirectoryTexts(dir, ".script"), checked, clock, Duration.ofSeconds(1));
    }

    /** Reads the texts again if another node (or this one) changed them since the last look. */
    public synchronized void refresh() {
        if (!watch.changed()) {
            return;
        }
        Map<String, String> stored = texts.all();
        Set<String> gone = new HashSet<>(checked.names());
        gone.removeAll(stored.keySet());
        gone.forEach(checked::delete);
        stored.forEach((name, source) -> {
            if (!checked.get(name).equals(Optional.of(source))) {
                try {
                    checked.put(name, source);
                } catch (RuntimeException e) {
                    LOG.warn("{} '{}' not loaded: {}", what, name, e.getMessage());
                }
            }
        });
    }

    @Override
    public List<String> names() {
        refresh();
        return checked.names();
    }

    @Override
    public Optional<String> get(String name) {
        refresh();
        return checked.get(name);
    }

    @Override
    public synchronized void put(String name, String source) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isEmpty() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a script name must be non-empty and on one line");
        }
        checked.put(name, source);
        texts.put(name, source);
    }

    @Override
    public synchronized boolean delete(String name) {
        boolean stored = texts.delete(name);
        return checked.delete(name) || stored;
    }
}
