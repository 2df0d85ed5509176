package dev.cwmp.session.internal.engine;

import dev.cwmp.session.AcsListener;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.session.TaskQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcomes the application waits for: one future per task queued through this ACS. A task
 * queued by another node (a shared queue) has no future here; it still ends in the queue.
 */
public final class TaskTracker {

    private static final Logger LOG = LoggerFactory.getLogger(TaskTracker.class);

    private final TaskQueue queue;
    private final AcsListener listener;
    private final ConcurrentHashMap<String, CompletableFuture<TaskOutcome>> waiting = new ConcurrentHashMap<>();

    public TaskTracker(TaskQueue queue, AcsListener listener) {
        this.queue = queue;
        this.listener = listener;
    }

    /** Queues a task and returns the stage its outcome completes. */
    public CompletionStage<TaskOutcome> add(Task task) {
        CompletableFuture<TaskOutcome> future = new CompletableFuture<>();
        waiting.put(task.id(), future);
        try {
            queue.add(task);
        } catch (RuntimeException e) {
            waiting.remove(task.id());
            throw e;
        }
        return future;
    }

    /** Removes the task from the queue and completes its outcome; false when it was no longer queued. */
    public boolean end(TaskOutcome outcome) {
        boolean removed = queue.remove(outcome.task().id());
        CompletableFuture<TaskOutcome> future = waiting.remove(outcome.task().id());
        if (future != null) {
            future.complete(outcome);
        }
        if (removed) {
            try {
                listener.taskEnded(outcome);
            } catch (RuntimeException e) {
                LOG.warn("listener failed on taskEnded", e);
            }
        }
        return removed;
    }
}
