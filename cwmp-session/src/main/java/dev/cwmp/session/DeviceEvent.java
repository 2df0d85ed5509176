package dev.cwmp.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One event a device reported in an Inform, with when the ACS received it.
 *
 * @param receivedAt when the Inform arrived (ACS clock)
 * @param eventCode the event code, e.g. {@code "1 BOOT"}
 * @param commandKey the command key that came with it (often empty)
 */
public record DeviceEvent(Instant receivedAt, String eventCode, String commandKey) {

    public DeviceEvent {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(eventCode, "eventCode");
        Objects.requireNonNull(commandKey, "commandKey");
    }
}
