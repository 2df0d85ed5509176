package dev.cwmp.protocol.rpc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens every session: who the CPE is, why it calls, and the values it must report.
 *
 * @param deviceId the CPE's identity
 * @param event why the session was opened
 * @param maxEnvelopes the most envelopes per HTTP response the CPE accepts (1 in practice)
 * @param currentTime the CPE's clock
 * @param retryCount how many times this session has been retried
 * @param parameterList the values the CPE reports
 */
public record Inform(DeviceIdStruct deviceId, List<EventStruct> event, long maxEnvelopes,
        Instant currentTime, long retryCount, List<ParameterValueStruct> parameterList)
        implements CpeRequest<InformResponse> {

    // Validates and copies.
    public Inform {
        Objects.requireNonNull(deviceId, "deviceId");
        event = List.copyOf(event);
        Checks.unsignedInt(maxEnvelopes, "maxEnvelopes");
        Objects.requireNonNull(currentTime, "currentTime");
        Checks.unsignedInt(retryCount, "retryCount");
        parameterList = List.copyOf(parameterList);
    }

    /** Whether the Inform carries this event code (e.g. {@link EventStruct#BOOTSTRAP}), ignoring case and blanks. */
    public boolean hasEvent(String eventCode) {
        for (EventStruct e : event) {
            if (e.is(eventCode)) {
                return true;
            }
        }
        return false;
    }

    /** The value of a parameter the Inform reports, if it does. */
    public Optional<String> parameterValue(String name) {
        for (ParameterValueStruct p : parameterList) {
            if (p.name().equals(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public String methodName() {
        return "Inform";
    }

    @Override
    public Class<InformResponse> responseType() {
        return InformResponse.class;
    }
}
