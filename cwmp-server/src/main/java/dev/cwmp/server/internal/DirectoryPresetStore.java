package dev.cwmp.server.internal;

import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.PresetStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Presets kept in memory and written through to a directory as GenieACS preset JSON, one file each:
 * what the operator puts or deletes over the NBI survives a restart.
 */
public final class DirectoryPresetStore implements PresetStore {

    private final TextDirectory files;
    private final PresetStore memory;

    private DirectoryPresetStore(TextDirectory files, PresetStore memory) {
        this.files = files;
        this.memory = memory;
    }

    /** Opens the store in {@code dir} (created when missing), reading the presets there. */
    public static DirectoryPresetStore open(Path dir) {
        TextDirectory files = new TextDirectory(dir, ".json");
        List<Preset> presets = files.readAll().stream().map(PresetJson::read).toList();
        return new DirectoryPresetStore(files, PresetStore.inMemory(presets));
    }

    @Override
    public List<Preset> all() {
        return memory.all();
    }

    @Override
    public Optional<Preset> get(String name) {
        return memory.get(name);
    }

    @Override
    public synchronized void put(Preset preset) {
        Objects.requireNonNull(preset, "preset");
        files.write(preset.name(), PresetJson.write(preset));
        memory.put(preset);
    }

    @Override
    public synchronized boolean delete(String name) {
        files.delete(name);
        return memory.delete(name);
    }

    @Override
    public long version() {
        return memory.version();
    }
}
