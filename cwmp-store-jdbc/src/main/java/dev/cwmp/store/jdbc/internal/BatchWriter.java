package dev.cwmp.store.jdbc.internal;

import dev.cwmp.store.jdbc.JdbcStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit on a thread of its own: callers queue a piece of work and wait; the writer takes
 * everything queued so far and hands it to {@code commit} as one batch (one transaction, so the
 * embedded engine writes its file once for the lot), then wakes each caller of the batch.
 *
 * <p>Only the callers of a finished batch are woken, each on its own, so a commit is never followed
 * by a chain of waiters taking a lock one after the other just to find their work already done
 * (which is what a lock shared by all writers did). While one batch commits, the next one fills up.
 *
 * @param <T> what a caller queues (its outcome is up to {@code commit})
 */
final class BatchWriter<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> commit;
    private final Thread thread;
    private volatile boolean closed;

    private static final class Pending<T> {
        final T work;
        final Thread caller = Thread.currentThread();
        volatile boolean done;

        Pending(T work) {
            this.work = work;
        }
    }

    /**
     * @param commit runs on the writer's thread with each batch, in the order the work was queued;
     *     whatever it throws is logged and the batch's callers return (commit records each outcome in
     *     the work itself)
     */
    BatchWriter(String threadName, Consumer<List<T>> commit) {
        this.commit = commit;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code work} and returns once the batch holding it has been committed (or refused). */
    void submitAndWait(T work) {
        if (closed) {
            throw new JdbcStoreException("the store is closed");
        }
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        boolean interrupted = false;
        while (!pending.done) {
            if (!thread.isAlive() && queue.remove(pending)) {
                // Closed between the check above and the queueing: nobody will commit it.
                throw new JdbcStoreException("the store is closed");
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
            if (Thread.interrupted()) {
                // The work is queued and will be committed: wait for it, then keep the interrupt.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>();
        List<T> works = new ArrayList<>();
        while (true) {
            Pending<T> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch);
            for (Pending<T> p : batch) {
                works.add(p.work);
            }
            try {
                commit.accept(works);
            } catch (RuntimeException | Error e) {
                LOG.error("a batch of {} writes failed", works.size(), e);
            } finally {
                for (Pending<T> p : batch) {
                    p.done = true;
                    LockSupport.unpark(p.caller);
                }
                batch.clear();
                works.clear();
            }
        }
    }

    /** Commits what is queued, then stops the writer's thread; later submissions are refused. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
