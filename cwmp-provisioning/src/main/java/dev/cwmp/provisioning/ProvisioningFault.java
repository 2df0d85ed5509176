package dev.cwmp.provisioning;

import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.Objects;

/**
 * A fault of a device's channel, as GenieACS keeps them: why provisioning the presets of one
 * {@linkplain Preset#effectiveChannel() channel} stopped, and when the channel is tried again.
 * While the session's time is before {@link #retryAfter()} the presets of the channel are skipped
 * (the device's other channels go on); the fault is removed when a later session succeeds for the
 * channel, or when an operator clears it ({@link ProvisioningStore#clearFault}).
 *
 * @param deviceId the device
 * @param channel the preset's channel ({@code default} when the preset has none; {@code task_<id>} for a task)
 * @param code {@code too_many_iterations}, {@code too_many_requests}, {@code script},
 *     {@code unknown_provision}, {@code ext}, {@code timeout}, {@code download.<fault code>}, or
 *     {@code cwmp.<fault code>} (e.g. {@code cwmp.9007})
 * @param message what happened, for people
 * @param timestamp when (the ACS's clock)
 * @param retries how many times the channel failed in a row before this fault (0 on the first)
 * @param retryAfter when the channel is tried again: {@code timestamp} plus the back-off of
 *     {@code retries} ({@link ProvisioningOptions#backoff(int)})
 */
public record ProvisioningFault(DeviceId deviceId, String channel, String code, String message,
        Instant timestamp, int retries, Instant retryAfter) {

    public ProvisioningFault {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (channel.isEmpty()) {
            throw new IllegalArgumentException("a fault's channel is not empty (use \"default\")");
        }
        if (code.isEmpty()) {
            throw new IllegalArgumentException("a fault's code is not empty");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries is not negative: " + retries);
        }
        if (retryAfter.isBefore(timestamp)) {
            throw new IllegalArgumentException("retryAfter " + retryAfter + " is before the fault's timestamp " + timestamp);
        }
    }

    /** GenieACS's fault id: {@code <deviceId>:<channel>}. */
    public String id() {
        return deviceId + ":" + channel;
    }

    /** Whether the channel is still waiting at {@code now} (its presets are skipped). */
    public boolean isWaiting(Instant now) {
        return now.isBefore(retryAfter);
    }
}
