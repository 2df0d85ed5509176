package dev.cwmp.session;

import dev.cwmp.datamodel.ParameterTree;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The devices the ACS knows (SPI): each device's {@link DeviceRecord} and its parameter tree.
 * The default keeps them in memory ({@link #inMemory()}).
 *
 * <p>Contract, checked by the contract test every implementation can run:
 * <ul>
 *   <li>Reads return independent copies: changing a returned tree changes nothing stored.</li>
 *   <li>{@link #update} is atomic per device: concurrent updates of one device are applied one after
 *       the other, each on the result of the previous, so no update is lost.</li>
 *   <li>{@link #saveSession} stores the record change and the tree together, or neither.</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface DeviceStore {

    /** The record of a device, without its parameters. */
    Optional<DeviceRecord> record(DeviceId id);

    /** A copy of the device's parameter tree, empty when the device is unknown. */
    Optional<ParameterTree> parameters(DeviceId id);

    /**
     * Atomically changes a device's record: {@code change} receives the stored record (empty for an
     * unknown device) and returns the new one, or empty to leave the store as it is.
     *
     * @return the record stored after the call, empty when there is none
     */
    Optional<DeviceRecord> update(DeviceId id, java.util.function.Function<Optional<DeviceRecord>, Optional<DeviceRecord>> change);

    /**
     * Saves what a session learnt, atomically: the record change is applied to the stored record
     * (so changes made meanwhile by others, such as tags, are kept), and the tree replaces the stored
     * one. The store keeps its own copy of {@code parameters}.
     */
    void saveSession(DeviceId id, UnaryOperator<DeviceRecord> recordChange, DeviceRecord ifAbsent,
            ParameterTree parameters);

    /** Forgets a device; false when it was unknown. */
    boolean delete(DeviceId id);

    /** The ids of every device, in no particular order. */
    List<DeviceId> ids();

    /**
     * The ids of the devices that may meet {@code filter}, in no particular order: a superset of the
     * devices whose record meets it (a store answering from its indexes may include a few that do
     * not), never missing one that does. Callers evaluate their whole query on these candidates;
     * the point is to avoid reading every device when the filter is selective.
     *
     * <p>The default reads every record (or, when the filter names ids, those records) and keeps
     * those that meet the filter: correct for any store, but a store with indexes should do better.
     */
    default List<DeviceId> candidates(DeviceFilter filter) {
        if (filter.isAll()) {
            return ids();
        }
        if (filter.matchesNothing()) {
            return List.of();
        }
        List<DeviceId> out = new java.util.ArrayList<>();
        for (DeviceId id : filter.ids().isPresent() ? List.copyOf(filter.ids().get()) : ids()) {
            if (record(id).filter(filter::matches).isPresent()) {
                out.add(id);
            }
        }
        return out;
    }

    /** A thread-safe store in memory. */
    static DeviceStore inMemory() {
        return new dev.cwmp.session.internal.engine.InMemoryDeviceStore();
    }
}
