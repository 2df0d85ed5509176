package dev.cwmp.provisioning;

import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.Objects;

/**
 * A Download the CPE accepted whose TransferComplete has not come yet. Matched by
 * {@link #commandKey()} when the TransferComplete arrives (in the same or a later session); when
 * {@link #expires()} has passed at a later session the channel gets a {@code timeout} fault.
 *
 * @param deviceId the device
 * @param commandKey the Download's CommandKey (unique, chosen by the driver)
 * @param channel the channel of the preset that asked for the download
 * @param fileType e.g. {@code 1 Firmware Upgrade Image}
 * @param url where the CPE fetches the file
 * @param sent when the Download was sent (the ACS's clock)
 * @param expires when the transfer counts as failed if no TransferComplete came
 */
public record PendingTransfer(DeviceId deviceId, String commandKey, String channel, String fileType,
        String url, Instant sent, Instant expires) {

    public PendingTransfer {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(commandKey, "commandKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(expires, "expires");
        if (commandKey.isEmpty()) {
            throw new IllegalArgumentException("a pending transfer's CommandKey is not empty");
        }
        if (expires.isBefore(sent)) {
            throw new IllegalArgumentException("expires " + expires + " is before sent " + sent);
        }
    }

    /** Whether the transfer has timed out at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expires);
    }
}
