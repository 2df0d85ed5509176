package dev.cwmp.testkit.internal.sim;

import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.testkit.sim.FirmwareFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One simulated device's state beyond its parameters: pending events and transfers, whether it has
 * bootstrapped, its session flags. Guarded by the object's monitor.
 */
public final class DeviceState {

    final DeviceIdStruct identity;
    final DeviceParameters params;
    final FirmwareFormat firmwareFormat;
    final String root;
    final List<EventStruct> events = new ArrayList<>(4);
    final List<TransferComplete> transfers = new ArrayList<>(1);
    LinkedHashSet<String> changed;
    boolean bootstrapped;
    boolean started;
    boolean silenced;
    int retryCount;
    long periodicGeneration;
    long scheduledInterval = -1;
    boolean sessionQueued;
    boolean inSession;
    boolean again;
    volatile String connectionRequestNonce;
    String lastScript;
    int boots;
    int sessions;

    DeviceState(DeviceIdStruct identity, DeviceParameters params, FirmwareFormat firmwareFormat) {
        this.identity = identity;
        this.params = params;
        this.firmwareFormat = firmwareFormat;
        this.root = params.table().rootName();
    }

    public DeviceIdStruct identity() {
        return identity;
    }

    public String serialNumber() {
        return identity.serialNumber();
    }

    public synchronized Optional<String> value(String path) {
        return params.value(path);
    }

    public synchronized List<EventStruct> pendingEvents() {
        return List.copyOf(events);
    }

    public synchronized boolean bootstrapped() {
        return bootstrapped;
    }

    public synchronized boolean silenced() {
        return silenced;
    }

    public synchronized int boots() {
        return boots;
    }

    public synchronized int sessions() {
        return sessions;
    }

    public synchronized Optional<String> lastScript() {
        return Optional.ofNullable(lastScript);
    }

    public synchronized int overlaySize() {
        return params.overlaySize();
    }

    /** Adds an event unless one with the same code (and, for method events, key) is pending. */
    void addEvent(EventStruct event) {
        for (EventStruct e : events) {
            if (e.eventCode().equals(event.eventCode())
                    && (!event.isMethodEvent() || e.commandKey().equals(event.commandKey()))) {
                return;
            }
        }
        events.add(event);
    }

    void markChanged(String path) {
        if (changed == null) {
            changed = new LinkedHashSet<>(4);
        }
        changed.add(path);
    }

    String managementServer(String name) {
        return params.value(root + ".ManagementServer." + name).orElse("");
    }
}
