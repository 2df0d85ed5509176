package dev.cwmp.provisioning;

import dev.cwmp.provisioning.internal.InMemoryProvisioningStore;
import dev.cwmp.session.DeviceId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the {@link ProvisioningDriver} keeps each device's {@link DeviceProvisioning}: its
 * configuration status, its channels' faults and its pending transfers. An SPI: the default is in
 * memory ({@link #inMemory()}); a database-backed one survives restarts and is shared between ACS
 * instances. Implementations are thread-safe, {@link #update} is atomic per device, and
 * {@link #summary()} is cheap (counters or an index, not a scan). Every implementation should pass
 * {@link dev.cwmp.provisioning.contract.ProvisioningStoreContract}.
 */
public interface ProvisioningStore {

    /** The device's state, if the store has one. */
    Optional<DeviceProvisioning> get(DeviceId id);

    /**
     * Changes the device's state atomically: {@code change} receives the current state
     * ({@link DeviceProvisioning#empty} for a device not seen yet) and returns the new one, which
     * is stored and returned. {@code change} may be called more than once under contention; it
     * must not have side effects nor call the store.
     *
     * @throws IllegalArgumentException when the new state is of another device
     */
    DeviceProvisioning update(DeviceId id, UnaryOperator<DeviceProvisioning> change);

    /** Forgets the device; whether it was known. */
    boolean delete(DeviceId id);

    /** The faults of all devices (for operators), in no particular order. */
    List<ProvisioningFault> faults();

    /**
     * Removes the fault of the device's channel (its presets run at the next session); whether
     * there was one. The device's status is left as it is until its next session writes it again.
     */
    boolean clearFault(DeviceId id, String channel);

    /** How many devices are configured, pending, faulted. */
    StatusSummary summary();

    /**
     * The devices in a state, ordered by their id's text, {@code limit} of them from {@code offset}
     * (for paging through the devices not configured).
     */
    List<DeviceProvisioning> withState(ConfigurationStatus.State state, int offset, int limit);

    /** A store in memory: lost on restart. */
    static ProvisioningStore inMemory() {
        return new InMemoryProvisioningStore();
    }
}
