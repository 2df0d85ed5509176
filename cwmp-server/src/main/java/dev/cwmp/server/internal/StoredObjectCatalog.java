package dev.cwmp.server.internal;

import dev.cwmp.nbi.ObjectCatalog;
import dev.cwmp.nbi.ObjectJson;
import dev.cwmp.provisioning.PresetObject;
import dev.cwmp.store.jdbc.StoredTexts;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects put over the NBI ({@code /objects}), as GenieACS object documents in
 * {@link StoredTexts} (the data directory, or the database shared by several nodes), read into
 * memory and read again when their version moves (looked at most once per {@code refreshEvery}).
 */
public final class StoredObjectCatalog implements ObjectCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(StoredObjectCatalog.class);

    private final StoredTexts texts;
    private final VersionWatch watch;
    private volatile ObjectCatalog objects = ObjectCatalog.inMemory();

    private StoredObjectCatalog(StoredTexts texts, InstantSource clock, Duration refreshEvery) {
        this.texts = texts;
        this.watch = new VersionWatch(texts, clock, refreshEvery);
    }

    /** The catalog of the objects in {@code texts}. */
    public static StoredObjectCatalog open(StoredTexts texts, InstantSource clock, Duration refreshEvery) {
        StoredObjectCatalog catalog = new StoredObjectCatalog(Objects.requireNonNull(texts),
                Objects.requireNonNull(clock), Objects.requireNonNull(refreshEvery));
        catalog.refresh();
        return catalog;
    }

    /** The catalog of the objects in a directory of the data directory. */
    public static StoredObjectCatalog inDirectory(java.nio.file.Path dir, InstantSource clock) {
        return open(new DirectoryTexts(dir, ".object"), clock, Duration.ofSeconds(1));
    }

    /** Reads the objects again if they changed since the last look. */
    public synchronized void refresh() {
        if (!watch.changed()) {
            return;
        }
        ObjectCatalog next = ObjectCatalog.inMemory();
        for (Map.Entry<String, String> e : texts.all().entrySet()) {
            try {
                next.put(ObjectJson.read(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException bad) {
                LOG.warn("object '{}' not loaded: {}", e.getKey(), bad.getMessage());
            }
        }
        objects = next;
    }

    @Override
    public List<PresetObject> all() {
        refresh();
        return objects.all();
    }

    @Override
    public Optional<PresetObject> get(String id) {
        refresh();
        return objects.get(id);
    }

    @Override
    public synchronized void put(PresetObject object) {
        Objects.requireNonNull(object, "object");
        if (object.id().indexOf('\n') >= 0 || object.id().indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an object's id is on one line");
        }
        texts.put(object.id(), ObjectJson.write(object));
        objects.put(object);
    }

    @Override
    public synchronized boolean delete(String id) {
        boolean stored = texts.delete(id);
        return objects.delete(id) || stored;
    }
}
