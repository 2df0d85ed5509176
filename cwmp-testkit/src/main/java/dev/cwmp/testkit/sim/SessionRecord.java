package dev.cwmp.testkit.sim;

import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.CpeMessage;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.Inform;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in one session of a simulated device, for tests and logs.
 *
 * @param serialNumber the device's serial number
 * @param started when the session started (simulator clock)
 * @param inform the Inform the device sent, if it got that far
 * @param cpeRequests the device's own requests after the Inform (TransferComplete, ...)
 * @param acsRequests the ACS's requests, in order
 * @param answers the device's answers to them (responses or faults), in the same order
 * @param outcome how the session ended
 * @param detail a human-readable reason when the session failed, empty otherwise
 */
public record SessionRecord(String serialNumber, Instant started, Optional<Inform> inform,
        List<CpeMessage> cpeRequests, List<AcsMessage> acsRequests, List<CpeMessage> answers, Outcome outcome,
        String detail) {

    /** How a session ended. */
    public enum Outcome {
        /** The ACS ended it with an empty response (204 or 200 without body). */
        COMPLETED,
        /** The ACS refused the credentials, or answered 401 to a device that takes that as fatal. */
        UNAUTHORIZED,
        /** The ACS answered an HTTP status other than 200, 204 and 401. */
        HTTP_ERROR,
        /** Connecting or reading failed. */
        TRANSPORT_ERROR,
        /** The ACS sent something that is not the expected CWMP message. */
        PROTOCOL_ERROR
    }

    public SessionRecord {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(inform, "inform");
        cpeRequests = List.copyOf(cpeRequests);
        acsRequests = List.copyOf(acsRequests);
        answers = List.copyOf(answers);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** The events of the Inform (empty when none was sent). */
    public List<EventStruct> events() {
        return inform.map(Inform::event).orElse(List.of());
    }

    /** The names of the ACS's requests, in order, e.g. {@code [GetParameterNames, GetParameterValues]}. */
    public List<String> acsMethodNames() {
        return acsRequests.stream().map(AcsMessage::methodName).toList();
    }

    /** The ACS's requests of one type, in order, e.g. {@code acsRequestsOf(SetParameterValues.class)}. */
    public <T extends AcsMessage> List<T> acsRequestsOf(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return acsRequests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Whether the Inform carried the event code, e.g. {@code "1 BOOT"}. */
    public boolean hasEvent(String eventCode) {
        return inform.map(i -> i.hasEvent(eventCode)).orElse(false);
    }
}
