package dev.cwmp.provisioning;

import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A Download the CPE accepted whose TransferComplete has not come yet. Matched by
 * {@link #commandKey()} when the TransferComplete arrives (in the same or a later session); when
 * {@link #expires()} has passed at a later session the channel gets a {@code timeout} fault.
 *
 * <p>The transfer keeps the tag changes its channel made in the session that sent the Download
 * ({@link #tagsAdded()}, {@link #tagsRemoved()}): when it fails (a TransferComplete with a fault, or
 * the timeout) the driver undoes them, as it undoes the tag changes of a channel that faults within a
 * session, so that the presets that sent the Download apply again after the back-off. A tag that a
 * later session changed again is dropped from these sets: the later change wins.
 *
 * @param deviceId the device
 * @param commandKey the Download's CommandKey (unique, chosen by the driver)
 * @param channel the channel of the preset that asked for the download
 * @param fileType e.g. {@code 1 Firmware Upgrade Image}
 * @param url where the CPE fetches the file
 * @param sent when the Download was sent (the ACS's clock)
 * @param expires when the transfer counts as failed if no TransferComplete came
 * @param tagsAdded the tags the channel added in the session that sent the Download
 * @param tagsRemoved the tags the channel removed in the session that sent the Download
 */
public record PendingTransfer(DeviceId deviceId, String commandKey, String channel, String fileType,
        String url, Instant sent, Instant expires, Set<String> tagsAdded, Set<String> tagsRemoved) {

    public PendingTransfer {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(commandKey, "commandKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(expires, "expires");
        tagsAdded = Set.copyOf(tagsAdded);
        tagsRemoved = Set.copyOf(tagsRemoved);
        if (commandKey.isEmpty()) {
            throw new IllegalArgumentException("a pending transfer's CommandKey is not empty");
        }
        if (expires.isBefore(sent)) {
            throw new IllegalArgumentException("expires " + expires + " is before sent " + sent);
        }
        for (String tag : tagsAdded) {
            if (tag.isBlank() || tagsRemoved.contains(tag)) {
                throw new IllegalArgumentException("a tag changed by a transfer's session is not blank and either "
                        + "added or removed: '" + tag + "'");
            }
        }
        for (String tag : tagsRemoved) {
            if (tag.isBlank()) {
                throw new IllegalArgumentException("a tag removed by a transfer's session is not blank");
            }
        }
    }

    /** A transfer whose session changed no tag. */
    public PendingTransfer(DeviceId deviceId, String commandKey, String channel, String fileType, String url,
            Instant sent, Instant expires) {
        this(deviceId, commandKey, channel, fileType, url, sent, expires, Set.of(), Set.of());
    }

    /** Whether the transfer has timed out at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expires);
    }
}
