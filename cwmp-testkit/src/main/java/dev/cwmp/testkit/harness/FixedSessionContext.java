package dev.cwmp.testkit.harness;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.SessionContext;
import dev.cwmp.session.TaskOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A {@link SessionContext} made up front, without an ACS: a device's record, the Inform it opened the
 * session with and its parameter tree, at a fixed instant. For unit tests and benchmarks of code that
 * reads a session (preset evaluation, preconditions, a driver's first decision); to run sessions
 * against a real ACS use {@link AcsHarness}.
 *
 * <pre>{@code
 * SessionContext session = FixedSessionContext.builder(DeviceRecord.registered(id, "MikroTik", now).withTag("PENDING"))
 *         .events("1 BOOT", "M Reboot")
 *         .parameters(tree)
 *         .build();
 * }</pre>
 *
 * <p>{@link #updateDevice} changes the record {@link #device()} returns (nothing is saved); the
 * attributes are one mutable map per context; no ACS request was sent and no task completed. Not
 * thread-safe, as a session's context is used on one thread.
 */
public final class FixedSessionContext implements SessionContext {

    private final String sessionId;
    private final CwmpVersion version;
    private final Inform inform;
    private final ParameterTree parameters;
    private final Instant now;
    private final Map<String, Object> attributes = new HashMap<>();
    private DeviceRecord device;

    private FixedSessionContext(Builder b) {
        this.sessionId = b.sessionId;
        this.version = b.version;
        this.device = b.device;
        this.parameters = b.parameters;
        this.now = b.now;
        DeviceId id = b.device.id();
        List<EventStruct> events = b.events.stream().map(EventStruct::of).toList();
        this.inform = new Inform(new DeviceIdStruct(b.device.manufacturer(), id.oui(), id.productClass(),
                id.serialNumber()), events, 1, b.now, 0, List.of());
    }

    /** Starts a builder for a session of the device this record describes. */
    public static Builder builder(DeviceRecord device) {
        return new Builder(device);
    }

    @Override
    public DeviceId deviceId() {
        return device.id();
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public CwmpVersion cwmpVersion() {
        return version;
    }

    /** An Inform from the record's identity and manufacturer with the builder's events, at {@link #now()}. */
    @Override
    public Inform inform() {
        return inform;
    }

    @Override
    public DeviceRecord device() {
        return device;
    }

    @Override
    public ParameterTree parameters() {
        return parameters;
    }

    @Override
    public void updateDevice(UnaryOperator<DeviceRecord> change) {
        DeviceRecord changed = change.apply(device);
        if (!changed.id().equals(device.id())) {
            throw new IllegalArgumentException("a session cannot change the device's id: " + changed.id());
        }
        device = changed;
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Always 0: no request is sent. */
    @Override
    public int acsRequestCount() {
        return 0;
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** Always empty: no task runs. */
    @Override
    public List<TaskOutcome> completedTasks() {
        return List.of();
    }

    @Override
    public String toString() {
        return "FixedSessionContext[" + device.id() + ", " + sessionId + " at " + now + "]";
    }

    /** Builds a {@link FixedSessionContext}. */
    public static final class Builder {
        private final DeviceRecord device;
        private final List<String> events = new ArrayList<>();
        private ParameterTree parameters = new ParameterTree();
        private Instant now;
        private String sessionId = "fixed";
        private CwmpVersion version = CwmpVersion.V1_2;

        private Builder(DeviceRecord device) {
            this.device = Objects.requireNonNull(device, "device");
            this.now = device.lastInform();
        }

        /** Event codes the Inform carries, e.g. {@code "1 BOOT"} (default: none). */
        public Builder events(String... eventCodes) {
            for (String code : eventCodes) {
                events.add(Objects.requireNonNull(code, "event code"));
            }
            return this;
        }

        /** The device's parameter tree (default: empty); the context hands out this very tree. */
        public Builder parameters(ParameterTree parameters) {
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /** The session's instant (default: the record's last inform). */
        public Builder now(Instant now) {
            this.now = Objects.requireNonNull(now, "now");
            return this;
        }

        /** The session's id (default {@code "fixed"}). */
        public Builder sessionId(String sessionId) {
            this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
            return this;
        }

        /** The negotiated CWMP version (default 1.2). */
        public Builder cwmpVersion(CwmpVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Builds the context. */
        public FixedSessionContext build() {
            return new FixedSessionContext(this);
        }
    }
}
