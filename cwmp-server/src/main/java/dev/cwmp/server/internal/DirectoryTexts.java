package dev.cwmp.server.internal;

import dev.cwmp.store.jdbc.StoredTexts;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link StoredTexts} in a directory of the embedded server, one file per key (the key on the first
 * line, the text after it). One process writes the directory: the texts are kept in memory too, and
 * the version counts this process's changes.
 */
final class DirectoryTexts implements StoredTexts {

    private final TextDirectory files;
    private final Map<String, String> texts = new TreeMap<>();
    private final AtomicLong version = new AtomicLong();

    DirectoryTexts(Path dir, String extension) {
        this.files = new TextDirectory(dir, extension);
        for (String stored : files.readAll()) {
            int newline = stored.indexOf('\n');
            if (newline > 0) {
                texts.put(stored.substring(0, newline), stored.substring(newline + 1));
            }
        }
    }

    @Override
    public synchronized Map<String, String> all() {
        return new TreeMap<>(texts);
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(texts.get(key));
    }

    @Override
    public synchronized void put(String key, String text) {
        Objects.requireNonNull(text, "text");
        if (key.isEmpty() || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a name must be non-empty and on one line");
        }
        files.write(key, key + "\n" + text);
        texts.put(key, text);
        version.incrementAndGet();
    }

    @Override
    public synchronized boolean delete(String key) {
        files.delete(key);
        version.incrementAndGet();
        return texts.remove(key) != null;
    }

    @Override
    public long version() {
        return version.get();
    }
}
