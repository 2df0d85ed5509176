package dev.cwmp.nbi.internal;

import dev.cwmp.nbi.ScriptCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link ScriptCatalog#inMemory()}: any source accepted, kept in a sorted concurrent map. */
public final class InMemoryScriptCatalog implements ScriptCatalog {

    private final ConcurrentSkipListMap<String, String> scripts = new ConcurrentSkipListMap<>();

    @Override
    public List<String> names() {
        return new ArrayList<>(scripts.keySet());
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(scripts.get(name));
    }

    @Override
    public void put(String name, String source) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a script needs a name");
        }
        scripts.put(name, source);
    }

    @Override
    public boolean delete(String name) {
        return scripts.remove(name) != null;
    }
}
