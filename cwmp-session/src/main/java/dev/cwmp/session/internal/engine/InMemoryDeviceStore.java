package dev.cwmp.session.internal.engine;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** {@link DeviceStore#inMemory()}: a concurrent map; each device's entry is replaced atomically. */
public final class InMemoryDeviceStore implements DeviceStore {

    private record Stored(DeviceRecord record, ParameterTree parameters) {
    }

    private final ConcurrentHashMap<DeviceId, Stored> devices = new ConcurrentHashMap<>();

    @Override
    public Optional<DeviceRecord> record(DeviceId id) {
        Stored s = devices.get(id);
        return s == null ? Optional.empty() : Optional.of(s.record());
    }

    @Override
    public Optional<ParameterTree> parameters(DeviceId id) {
        Stored s = devices.get(id);
        if (s == null) {
            return Optional.empty();
        }
        // The stored tree is never mutated after it is stored, so copying it without a lock is safe.
        return Optional.of(s.parameters().copy());
    }

    @Override
    public Optional<DeviceRecord> update(DeviceId id, Function<Optional<DeviceRecord>, Optional<DeviceRecord>> change) {
        Stored after = devices.compute(id, (key, stored) -> {
            Optional<DeviceRecord> next = change.apply(stored == null ? Optional.empty() : Optional.of(stored.record()));
            if (next.isEmpty()) {
                return stored;
            }
            checkId(id, next.get());
            return new Stored(next.get(), stored == null ? new ParameterTree() : stored.parameters());
        });
        return after == null ? Optional.empty() : Optional.of(after.record());
    }

    @Override
    public void saveSession(DeviceId id, UnaryOperator<DeviceRecord> recordChange, DeviceRecord ifAbsent,
            ParameterTree parameters) {
        ParameterTree copy = parameters.copy();
        devices.compute(id, (key, stored) -> {
            DeviceRecord next = recordChange.apply(stored == null ? ifAbsent : stored.record());
            checkId(id, next);
            return new Stored(next, copy);
        });
    }

    @Override
    public boolean delete(DeviceId id) {
        return devices.remove(id) != null;
    }

    @Override
    public List<DeviceId> ids() {
        return List.copyOf(devices.keySet());
    }

    /** Every record is in memory: the exact matches, one pass over the map (no index needed). */
    @Override
    public List<DeviceId> candidates(DeviceFilter filter) {
        if (filter.matchesNothing()) {
            return List.of();
        }
        List<DeviceId> out = new ArrayList<>();
        if (filter.ids().isPresent()) {
            for (DeviceId id : filter.ids().get()) {
                Stored s = devices.get(id);
                if (s != null && filter.matches(s.record())) {
                    out.add(id);
                }
            }
            return out;
        }
        devices.forEach((id, s) -> {
            if (filter.matches(s.record())) {
                out.add(id);
            }
        });
        return out;
    }

    private static void checkId(DeviceId id, DeviceRecord record) {
        if (!record.id().equals(id)) {
            throw new IllegalArgumentException("record of " + record.id() + " stored under " + id);
        }
    }
}
