package dev.cwmp.provisioning.internal;

import dev.cwmp.provisioning.ConfigurationStatus;
import dev.cwmp.provisioning.DeviceProvisioning;
import dev.cwmp.provisioning.ProvisioningFault;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.StatusSummary;
import dev.cwmp.session.DeviceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * {@link ProvisioningStore#inMemory()}: a concurrent map updated with {@code compute} (atomic per
 * device), a counter per state updated with every change (so {@link #summary()} is O(1)), and a
 * sorted index per state for {@link #withState} paging.
 */
public final class InMemoryProvisioningStore implements ProvisioningStore {

    private static final Comparator<DeviceId> BY_TEXT = Comparator.comparing(DeviceId::toString)
            .thenComparing(DeviceId::oui).thenComparing(DeviceId::productClass).thenComparing(DeviceId::serialNumber);

    private final ConcurrentHashMap<DeviceId, DeviceProvisioning> devices = new ConcurrentHashMap<>();
    private final Map<ConfigurationStatus.State, LongAdder> counts = new EnumMap<>(ConfigurationStatus.State.class);
    private final Map<ConfigurationStatus.State, ConcurrentSkipListMap<DeviceId, Boolean>> byState =
            new EnumMap<>(ConfigurationStatus.State.class);

    public InMemoryProvisioningStore() {
        for (ConfigurationStatus.State s : ConfigurationStatus.State.values()) {
            counts.put(s, new LongAdder());
            byState.put(s, new ConcurrentSkipListMap<>(BY_TEXT));
        }
    }

    @Override
    public Optional<DeviceProvisioning> get(DeviceId id) {
        return Optional.ofNullable(devices.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public DeviceProvisioning update(DeviceId id, UnaryOperator<DeviceProvisioning> change) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
        return devices.compute(id, (key, old) -> {
            DeviceProvisioning current = old == null ? DeviceProvisioning.empty(key) : old;
            DeviceProvisioning next = Objects.requireNonNull(change.apply(current), "the change returned null");
            if (!next.deviceId().equals(key)) {
                throw new IllegalArgumentException("the change returned the state of " + next.deviceId()
                        + " for device " + key);
            }
            // Inside compute: the device's entry is locked, the counters move with it.
            if (old != null) {
                unindex(old);
            }
            index(next);
            return next;
        });
    }

    private void index(DeviceProvisioning p) {
        ConfigurationStatus.State s = p.status().state();
        counts.get(s).increment();
        byState.get(s).put(p.deviceId(), Boolean.TRUE);
    }

    private void unindex(DeviceProvisioning p) {
        ConfigurationStatus.State s = p.status().state();
        counts.get(s).decrement();
        byState.get(s).remove(p.deviceId());
    }

    @Override
    public boolean delete(DeviceId id) {
        Objects.requireNonNull(id, "id");
        boolean[] removed = {false};
        devices.computeIfPresent(id, (key, old) -> {
            unindex(old);
            removed[0] = true;
            return null;
        });
        return removed[0];
    }

    @Override
    public List<ProvisioningFault> faults() {
        List<ProvisioningFault> all = new ArrayList<>();
        for (DeviceProvisioning p : devices.values()) {
            all.addAll(p.faults());
        }
        return List.copyOf(all);
    }

    @Override
    public boolean clearFault(DeviceId id, String channel) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        boolean[] cleared = {false};
        devices.computeIfPresent(id, (key, old) -> {
            if (old.fault(channel).isEmpty()) {
                return old;
            }
            cleared[0] = true;
            DeviceProvisioning next = old.withoutFault(channel);
            unindex(old);
            index(next);
            return next;
        });
        return cleared[0];
    }

    @Override
    public StatusSummary summary() {
        return new StatusSummary(
                Math.max(0, counts.get(ConfigurationStatus.State.CONFIGURED).sum()),
                Math.max(0, counts.get(ConfigurationStatus.State.PENDING).sum()),
                Math.max(0, counts.get(ConfigurationStatus.State.FAULTED).sum()));
    }

    @Override
    public List<DeviceProvisioning> withState(ConfigurationStatus.State state, int offset, int limit) {
        Objects.requireNonNull(state, "state");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are not negative: " + offset + ", " + limit);
        }
        List<DeviceProvisioning> page = new ArrayList<>(Math.min(limit, 1024));
        int skipped = 0;
        for (DeviceId id : byState.get(state).keySet()) {
            if (page.size() >= limit) {
                break;
            }
            DeviceProvisioning p = devices.get(id);
            if (p == null || p.status().state() != state) {
                continue; // moved meanwhile
            }
            if (skipped < offset) {
                skipped++;
                continue;
            }
            page.add(p);
        }
        return List.copyOf(page);
    }
}
