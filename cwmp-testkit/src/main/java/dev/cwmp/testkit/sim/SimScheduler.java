package dev.cwmp.testkit.sim;

import dev.cwmp.testkit.internal.sim.SystemScheduler;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The simulator's time: its clock, and when to run timers (periodic informs, scheduled informs,
 * boots after a reboot, retries). {@link #system()} runs on real time; {@link ManualScheduler} is
 * stepped by tests.
 */
public interface SimScheduler {

    /** The clock the devices read (CurrentTime, transfer times). */
    InstantSource clock();

    /** Runs {@code task} once, after {@code delay} (zero: as soon as possible). */
    void schedule(Duration delay, Runnable task);

    /** Real time: the system clock and one timer thread (daemon) that hands tasks on. */
    static SimScheduler system() {
        return new SystemScheduler();
    }
}
