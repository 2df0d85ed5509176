package dev.cwmp.server.internal;

import dev.cwmp.nbi.ScriptCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scripts checked by another catalog (e.g. one that compiles them) and written through to a
 * directory, one file each (the name on the first line, the source after it): provisions put over
 * the NBI survive a restart.
 */
public final class DirectoryScriptCatalog implements ScriptCatalog {

    private final TextDirectory files;
    private final ScriptCatalog checked;

    private DirectoryScriptCatalog(TextDirectory files, ScriptCatalog checked) {
        this.files = files;
        this.checked = checked;
    }

    /** Opens the catalog in {@code dir}, putting every script found there into {@code checked}. */
    public static DirectoryScriptCatalog open(Path dir, ScriptCatalog checked) {
        TextDirectory files = new TextDirectory(dir, ".script");
        for (String text : files.readAll()) {
            int newline = text.indexOf('\n');
            if (newline > 0) {
                checked.put(text.substring(0, newline), text.substring(newline + 1));
            }
        }
        return new DirectoryScriptCatalog(files, checked);
    }

    @Override
    public List<String> names() {
        return checked.names();
    }

    @Override
    public Optional<String> get(String name) {
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
        files.write(name, name + "\n" + source);
    }

    @Override
    public synchronized boolean delete(String name) {
        files.delete(name);
        return checked.delete(name);
    }
}
