package dev.cwmp.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How a task is queued: how long it stays worth doing, and whether to ask the device to connect now.
 *
 * @param lifetime how long the task may wait for the device before it expires
 * @param connectionRequest whether to send the device a connection request right away
 */
public record TaskOptions(Duration lifetime, boolean connectionRequest) {

    /** One hour, no connection request: the task waits for the device's next session. */
    public static final TaskOptions DEFAULT = new TaskOptions(Duration.ofHours(1), false);

    public TaskOptions {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a task's lifetime must be positive: " + lifetime);
        }
    }

    /** These options, with a connection request sent when the task is queued. */
    public TaskOptions withConnectionRequest() {
        return new TaskOptions(lifetime, true);
    }

    /** These options, with another lifetime. */
    public TaskOptions withLifetime(Duration newLifetime) {
        return new TaskOptions(newLifetime, connectionRequest);
    }
}
