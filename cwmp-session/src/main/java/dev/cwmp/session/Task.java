package dev.cwmp.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A task queued for one device: what to do, when it was queued and when it stops being worth doing.
 * A task leaves its queue only when the CPE has answered it (or it expired, or was cancelled).
 *
 * @param id the task's id, unique in its queue
 * @param deviceId the device it is for
 * @param action what to do
 * @param createdAt when it was queued
 * @param expiresAt after this instant it is dropped unsent (its outcome {@link TaskOutcome.Expired})
 */
public record Task(String id, DeviceId deviceId, TaskAction action, Instant createdAt, Instant expiresAt) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a task needs an id");
        }
        if (expiresAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a task cannot expire before it is created");
        }
    }

    /** Whether the task has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return now.isAfter(expiresAt);
    }
}
