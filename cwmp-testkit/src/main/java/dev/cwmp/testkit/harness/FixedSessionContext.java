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
 * A read-only {@link SessionContext} made up front, without an ACS: a device's record, the Inform it
 * opened the session with and its parameter tree, at a fixed instant. For unit tests and benchmarks
 * of code that reads a session (preset evaluation, preconditions, a device view); to run sessions
 * against a real ACS use {@link AcsHarness}.
 *
 * <pre>{@code
 * SessionContext session = FixedSessionContext.builder(DeviceRecord.registered(id, "MikroTik", now).withTag("PENDING"))
 *         .events("1 BOOT", "M Reboot")
 *         .parameters(tree)
 *         .build();
 * }</pre>
 *
 * <p>The session speaks CWMP 1.2, has sent no request and completed no task; {@link #updateDevice}
 * throws. The attributes are a mutable map of this context.
 *
 * @param device the device's record (its tags, ...)
 * @param inform the Inform that opened the session
 * @param parameters the device's parameter tree, handed out as it is
 * @param now the session's instant
 * @param attributes the drivers' per-session state
 */
public record FixedSessionContext(DeviceRecord device, Inform inform, ParameterTree parameters, Instant now,
        Map<String, Object> attributes) implements SessionContext {

    /** Checks that the Inform is the device's. */
    public FixedSessionContext {
        DeviceIdStruct informed = inform.deviceId();
        if (!new DeviceId(informed.oui(), informed.productClass(), informed.serialNumber()).equals(device.id())) {
            throw new IllegalArgumentException("the Inform is of " + informed.serialNumber() + ", the record of "
                    + device.id());
        }
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** Starts a builder for a session of the device this record describes. */
    public static Builder builder(DeviceRecord device) {
        return new Builder(device);
    }

    @Override
    public DeviceId deviceId() {
        return device.id();
    }

    /** {@code fixed-} and the device's id. */
    @Override
    public String sessionId() {
        return "fixed-" + device.id();
    }

    /** CWMP 1.2. */
    @Override
    public CwmpVersion cwmpVersion() {
        return CwmpVersion.V1_2;
    }

    /**
     * Refuses: the session is fixed.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void updateDevice(UnaryOperator<DeviceRecord> change) {
        throw new UnsupportedOperationException("a FixedSessionContext is read-only");
    }

    /** Always 0: no request is sent. */
    @Override
    public int acsRequestCount() {
        return 0;
    }

    /** Always empty: no task runs. */
    @Override
    public List<TaskOutcome> completedTasks() {
        return List.of();
    }

    /** Builds a {@link FixedSessionContext}. */
    public static final class Builder {
        private final DeviceRecord device;
        private final List<EventStruct> events = new ArrayList<>();
        private ParameterTree parameters = new ParameterTree();
        private Instant now;

        private Builder(DeviceRecord device) {
            this.device = Objects.requireNonNull(device, "device");
            this.now = device.lastInform();
        }

        /** Event codes the Inform carries, e.g. {@code "1 BOOT"} (default: none). */
        public Builder events(String... eventCodes) {
            for (String code : eventCodes) {
                events.add(EventStruct.of(code));
            }
            return this;
        }

        /** The device's parameter tree (default: empty). */
        public Builder parameters(ParameterTree parameters) {
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /** The session's instant, also the Inform's CurrentTime (default: the record's last inform). */
        public Builder now(Instant now) {
            this.now = Objects.requireNonNull(now, "now");
            return this;
        }

        /** The context: its Inform has the record's identity and manufacturer and the events given. */
        public FixedSessionContext build() {
            DeviceId id = device.id();
            Inform inform = new Inform(new DeviceIdStruct(device.manufacturer(), id.oui(), id.productClass(),
                    id.serialNumber()), events, 1, now, 0, List.of());
            return new FixedSessionContext(device, inform, parameters, now, new HashMap<>());
        }
    }
}
