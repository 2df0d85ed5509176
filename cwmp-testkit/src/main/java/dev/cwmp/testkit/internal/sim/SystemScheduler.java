package dev.cwmp.testkit.internal.sim;

import dev.cwmp.testkit.sim.SimScheduler;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Real time: the system clock and one daemon timer thread. */
public final class SystemScheduler implements SimScheduler, AutoCloseable {

    private final ScheduledExecutorService timer;

    public SystemScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cwmp-sim-timer");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    @Override
    public InstantSource clock() {
        return InstantSource.system();
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the pending timers and stops the timer thread. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
