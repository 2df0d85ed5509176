package dev.cwmp.session;

import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.CpeRequest;
import dev.cwmp.protocol.rpc.CpeResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import java.util.Optional;

/**
 * Decides what the ACS asks of a device in a session (SPI): the provisioning engine implements it.
 *
 * <p>The engine calls it on the session's thread, one call at a time per session, so an
 * implementation keeps per-session state in {@link SessionContext#attributes()} without locking.
 * Queued tasks run first, before the driver is asked for anything (as GenieACS does). The engine
 * itself merges every CPE answer into the device's parameter tree before the driver hears of it.
 *
 * <p>Exceptions thrown by a driver end the session (logged with the device id); the device record
 * keeps what the CPE confirmed up to then.
 */
public interface SessionDriver {

    /** A driver that asks nothing: sessions run only queued tasks. */
    SessionDriver NONE = session -> Optional.empty();

    /** The Inform was accepted and answered; the device record is loaded. */
    default void sessionStarted(SessionContext session) {
    }

    /**
     * The CPE sent a request of its own (TransferComplete, AutonomousTransferComplete, RequestDownload,
     * Kicked, DUStateChangeComplete, ...). The engine answers it as the standard says.
     */
    default void cpeRequestReceived(SessionContext session, CpeRequest<?> request) {
    }

    /**
     * The next request to send, or empty when the driver has nothing more for this session (the
     * engine then ends it with 204).
     */
    Optional<AcsRequest<?>> nextRequest(SessionContext session);

    /** The CPE answered {@code request}; the parameter tree already holds what the answer says. */
    default void responseReceived(SessionContext session, AcsRequest<?> request, CpeResponse response) {
    }

    /** The CPE answered {@code request} with a fault. */
    default void faultReceived(SessionContext session, AcsRequest<?> request, CwmpFault fault) {
    }

    /** The session ended, by completion or otherwise; its record is saved. */
    default void sessionEnded(SessionContext session, SessionEnd end) {
    }
}
