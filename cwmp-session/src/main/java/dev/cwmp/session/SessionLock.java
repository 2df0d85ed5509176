package dev.cwmp.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A held per-device session lock (see {@link SessionLocks}).
 *
 * @param deviceId the device
 * @param owner who holds it: the ACS node and its session, e.g. {@code node-1/3f2a...}
 * @param expiresAt when it lapses unless renewed: a node that dies leaves a lock that expires
 */
public record SessionLock(DeviceId deviceId, String owner, Instant expiresAt) {

    public SessionLock {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (owner.isEmpty() || owner.length() > 512) {
            throw new IllegalArgumentException("a lock owner is 1 to 512 characters");
        }
    }
}
