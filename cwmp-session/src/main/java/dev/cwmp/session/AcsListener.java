package dev.cwmp.session;

import java.time.Duration;

/**
 * Events of the ACS, for logs and metrics (SPI). Every method has a no-op default; {@link #NONE}
 * ignores everything. Called synchronously on the session's thread: keep implementations quick
 * and never throw (a listener's exception is logged and ignored).
 */
public interface AcsListener {

    /** Ignores every event. */
    AcsListener NONE = new AcsListener() {
    };

    /** A device informed for the first time. */
    default void deviceRegistered(DeviceId deviceId) {
    }

    /** A session started (its Inform was accepted). */
    default void sessionStarted(DeviceId deviceId, String sessionId) {
    }

    /** A session ended. */
    default void sessionEnded(DeviceId deviceId, String sessionId, SessionEnd end, Duration duration,
            int httpRequests) {
    }

    /**
     * A request was refused before or outside a session (bad credentials, bad envelope, no session,
     * a second session for a device). {@code deviceId} is empty when it was not known yet.
     */
    default void requestRefused(java.util.Optional<DeviceId> deviceId, String reason) {
    }

    /** A queued task ended. */
    default void taskEnded(TaskOutcome outcome) {
    }
}
