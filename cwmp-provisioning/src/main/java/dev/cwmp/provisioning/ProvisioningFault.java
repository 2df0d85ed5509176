package dev.cwmp.provisioning;

import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.Objects;

/**
 * Why provisioning a device stopped in a session: a bound reached, a provision that threw or is
 * not registered, an extension that failed or timed out, or a CWMP fault of the CPE.
 *
 * @param deviceId the device
 * @param code {@code too_many_iterations}, {@code too_many_requests}, {@code script},
 *     {@code unknown_provision}, {@code ext}, or {@code cwmp.<fault code>} (e.g. {@code cwmp.9007})
 * @param message what happened, for people
 * @param timestamp when (the ACS's clock)
 */
public record ProvisioningFault(DeviceId deviceId, String code, String message, Instant timestamp) {

    public ProvisioningFault {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
