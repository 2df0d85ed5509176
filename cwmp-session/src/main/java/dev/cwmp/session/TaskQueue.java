package dev.cwmp.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tasks waiting for devices (SPI). The default keeps them in memory
 * ({@link #inMemory()}); a persistent one keeps them across restarts.
 *
 * <p>Contract, checked by {@code TaskQueueContract} in the test kit:
 * <ul>
 *   <li>{@link #pending} returns a device's tasks in the order they were added, never another
 *       device's, never an expired one (expired ones are left for {@link #removeExpired}).</li>
 *   <li>A task stays until {@link #remove} (the CPE answered it, or it was cancelled) or
 *       {@link #removeExpired}: reading it does not consume it, so a crash mid-session loses nothing.</li>
 *   <li>Adding a task whose id is already queued is an {@link IllegalArgumentException}.</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface TaskQueue {

    /** Queues a task. */
    void add(Task task);

    /** The device's tasks not expired at {@code now}, oldest first. */
    List<Task> pending(DeviceId deviceId, Instant now);

    /** The task with this id, if queued. */
    Optional<Task> get(String taskId);

    /** Every queued task, oldest first (for operators; may be costly on large queues). */
    List<Task> all();

    /** Removes a task; false when it was not queued. */
    boolean remove(String taskId);

    /** Removes and returns every task expired at {@code now}. */
    List<Task> removeExpired(Instant now);

    /** A thread-safe queue in memory. */
    static TaskQueue inMemory() {
        return new dev.cwmp.session.internal.engine.InMemoryTaskQueue();
    }
}
