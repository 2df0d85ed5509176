package dev.cwmp.provisioning.internal;

import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link PresetStore#inMemory}: a map under a lock, and a version counter. */
public final class InMemoryPresetStore implements PresetStore {

    private final Map<String, Preset> presets = new LinkedHashMap<>();
    private long version;

    public InMemoryPresetStore(Collection<Preset> initial) {
        for (Preset p : initial) {
            Objects.requireNonNull(p, "preset");
            if (presets.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("two presets are named '" + p.name() + "'");
            }
        }
    }

    @Override
    public synchronized List<Preset> all() {
        return List.copyOf(presets.values());
    }

    @Override
    public synchronized Optional<Preset> get(String name) {
        return Optional.ofNullable(presets.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public synchronized void put(Preset preset) {
        presets.put(preset.name(), preset);
        version++;
    }

    @Override
    public synchronized boolean delete(String name) {
        boolean removed = presets.remove(Objects.requireNonNull(name, "name")) != null;
        if (removed) {
            version++;
        }
        return removed;
    }

    @Override
    public synchronized long version() {
        return version;
    }
}
