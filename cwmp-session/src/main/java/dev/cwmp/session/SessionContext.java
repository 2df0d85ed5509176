package dev.cwmp.session;

import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.Inform;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@link SessionDriver} sees of one session: the device, the Inform that opened it, the
 * device record as this session has changed it so far, and a place for the driver's own state.
 * Valid only during the call it is passed to, on the session's thread.
 */
public interface SessionContext {

    /** The device in session. */
    DeviceId deviceId();

    /** The session's id (the value of its cookie), for logs. */
    String sessionId();

    /** The CWMP version negotiated for the session. */
    CwmpVersion cwmpVersion();

    /** The Inform that opened the session. */
    Inform inform();

    /** Whether the Inform carried the event code (e.g. {@code "0 BOOTSTRAP"}). */
    default boolean hasEvent(String eventCode) {
        for (EventStruct e : inform().event()) {
            if (e.eventCode().equals(eventCode)) {
                return true;
            }
        }
        return false;
    }

    /** The device record as this session has changed it so far (saved when the session ends). */
    DeviceRecord device();

    /**
     * The device's parameter tree as this session knows it: what was stored, merged with everything
     * the CPE reported in this session. The driver may read it freely; the engine writes it.
     */
    dev.cwmp.datamodel.ParameterTree parameters();

    /** Replaces the device record the session will save (e.g. to change tags). */
    void updateDevice(java.util.function.UnaryOperator<DeviceRecord> change);

    /** The instant now, from the ACS's clock. */
    Instant now();

    /** How many ACS requests this session has sent so far. */
    int acsRequestCount();

    /** Per-session state for drivers, discarded when the session ends. */
    Map<String, Object> attributes();

    /** The queued tasks this session has completed so far. */
    List<TaskOutcome> completedTasks();
}
