package dev.cwmp.provisioning;

import dev.cwmp.provisioning.internal.InMemoryPresetStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The presets, changeable while the ACS runs (e.g. by the northbound API's
 * {@code PUT /presets/<name>}). An SPI: the default is in memory ({@link #inMemory}). The
 * {@link ProvisioningDriver} reads {@link #version()} at the start of each session and rebuilds its
 * {@link PresetEvaluator} when it has moved. Implementations are thread-safe and should pass
 * {@link dev.cwmp.provisioning.contract.PresetStoreContract}.
 */
public interface PresetStore {

    /** All presets, in no particular order. */
    List<Preset> all();

    /** The preset of that name. */
    Optional<Preset> get(String name);

    /** Adds the preset, or replaces the one of the same name. */
    void put(Preset preset);

    /** Removes the preset of that name; whether there was one. */
    boolean delete(String name);

    /** A number that increases on every change ({@link #put}, a {@link #delete} that removed something). */
    long version();

    /** A store in memory holding {@code initial} (names must be unique). */
    static PresetStore inMemory(Collection<Preset> initial) {
        return new InMemoryPresetStore(initial);
    }
}
