package dev.cwmp.scripting.internal;

import dev.cwmp.scripting.ScriptLimitException;
import dev.cwmp.scripting.ScriptLimits;
import java.lang.management.ManagementFactory;

/**
 * The CPU time and allocation of one run, measured on its thread. Checked by the engine every few
 * instructions: the allocation counter is cheap (no system call) and read every time. The thread's
 * CPU time needs a system call, which on a busy machine can cost the thread its core: so a run
 * starts counting CPU time only once it has passed {@link #FREE_CHECKS} checks (a few thousand
 * instructions, well under a millisecond), and reads it again only once the wall-clock time since
 * then has passed the bound, since CPU time never runs ahead of it. Short runs make no system call.
 */
final class RunBudget {

    /** Checks (of {@code OBSERVE_EVERY} instructions each) before the CPU time is read at all. */
    static final int FREE_CHECKS = 50;

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final long cpuLimitNanos;
    private final long memoryLimit;
    private final long startAllocated;
    private int checks;
    private long startWall;
    private long startCpu;

    RunBudget(ScriptLimits limits) {
        this.cpuLimitNanos = limits.cpuTime().toNanos();
        this.memoryLimit = limits.memoryBytes();
        this.startAllocated = allocated();
    }

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun) {
            if (sun.isThreadAllocatedMemorySupported() && !sun.isThreadAllocatedMemoryEnabled()) {
                sun.setThreadAllocatedMemoryEnabled(true);
            }
            return sun;
        }
        return null;
    }

    private static long cpuTime() {
        if (THREADS != null && THREADS.isCurrentThreadCpuTimeSupported()) {
            return THREADS.getCurrentThreadCpuTime();
        }
        return System.nanoTime(); // no per-thread CPU clock: bound the wall-clock time instead
    }

    private static long allocated() {
        return THREADS != null && THREADS.isThreadAllocatedMemorySupported() ? THREADS.getCurrentThreadAllocatedBytes() : 0;
    }

    /** Throws {@link RunAborted} when the run has gone past a bound. */
    void check() {
        long bytes = allocated() - startAllocated;
        if (bytes > memoryLimit) {
            throw new RunAborted(ScriptLimitException.Limit.MEMORY,
                    "allocated " + (bytes >> 20) + " MiB, more than the " + (memoryLimit >> 20) + " MiB a run may");
        }
        if (++checks <= FREE_CHECKS) {
            if (checks == FREE_CHECKS) {
                startWall = System.nanoTime();
                startCpu = cpuTime();
            }
            return;
        }
        if (System.nanoTime() - startWall > cpuLimitNanos) {
            long cpu = cpuTime() - startCpu;
            if (cpu > cpuLimitNanos) {
                throw new RunAborted(ScriptLimitException.Limit.CPU_TIME,
                        "used " + cpu / 1_000_000 + " ms of CPU time, more than the " + cpuLimitNanos / 1_000_000
                                + " ms a run may");
            }
        }
    }
}
