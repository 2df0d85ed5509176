package dev.cwmp.testkit.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A scheduler whose time moves only when a test says so: {@link #runDue()} runs what is due now,
 * {@link #advance(Duration)} moves the clock and runs what falls due on the way, in time order.
 * Tasks run on the calling thread. Thread-safe (tasks may be scheduled from other threads, e.g. a
 * connection request).
 */
public final class ManualScheduler implements SimScheduler, InstantSource {

    private record Timer(Instant at, long sequence, Runnable task) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> {
        int c = a.at().compareTo(b.at());
        return c != 0 ? c : Long.compare(a.sequence(), b.sequence());
    });
    private Instant now;
    private long sequence;

    /** A scheduler whose clock starts at {@code start}. */
    public ManualScheduler(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public InstantSource clock() {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        timers.add(new Timer(now.plus(delay), sequence++, Objects.requireNonNull(task, "task")));
    }

    /** How many timers wait. */
    public synchronized int pending() {
        return timers.size();
    }

    /** When the next timer is due, if any. */
    public synchronized java.util.Optional<Instant> nextDue() {
        return timers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(timers.peek().at());
    }

    /** Runs every timer due now, including those the tasks schedule for now; returns how many ran. */
    public int runDue() {
        int ran = 0;
        while (true) {
            Runnable task;
            synchronized (this) {
                Timer t = timers.peek();
                if (t == null || t.at().isAfter(now)) {
                    return ran;
                }
                timers.poll();
                task = t.task();
            }
            task.run();
            ran++;
        }
    }

    /** Moves the clock forward by {@code step}, running each timer at its own time on the way; returns how many ran. */
    public int advance(Duration step) {
        Instant end;
        synchronized (this) {
            end = now.plus(step);
        }
        int ran = runDue();
        while (true) {
            synchronized (this) {
                Timer t = timers.peek();
                if (t == null || t.at().isAfter(end)) {
                    now = end;
                    break;
                }
                now = t.at();
            }
            ran += runDue();
        }
        return ran + runDue();
    }

    /** The timers' due times, earliest first (for diagnostics). */
    public synchronized List<Instant> dueTimes() {
        List<Instant> out = new ArrayList<>();
        timers.stream().sorted((a, b) -> a.at().compareTo(b.at())).forEach(t -> out.add(t.at()));
        return out;
    }
}
