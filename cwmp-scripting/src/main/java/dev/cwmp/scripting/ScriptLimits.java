package dev.cwmp.scripting;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one run of a script. A run that goes past one stops with a
 * {@link ScriptLimitException}, which the provision engine records as a fault.
 *
 * @param cpuTime the CPU time of the run's thread (GenieACS uses 50 ms)
 * @param memoryBytes the bytes the run may allocate (counted by the JVM per thread, garbage included)
 * @param maxLength the longest array or string the sandbox's built-ins make or walk
 */
public record ScriptLimits(Duration cpuTime, long memoryBytes, int maxLength) {

    public ScriptLimits {
        Objects.requireNonNull(cpuTime, "cpuTime");
        if (cpuTime.isNegative() || cpuTime.isZero()) {
            throw new IllegalArgumentException("cpuTime must be positive: " + cpuTime);
        }
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive: " + memoryBytes);
        }
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
    }

    /** 50 ms of CPU time, 64 MiB allocated, arrays and strings up to 1,000,000 elements or characters. */
    public static ScriptLimits defaults() {
        return new ScriptLimits(Duration.ofMillis(50), 64L << 20, 1_000_000);
    }

    /** These limits with another CPU time. */
    public ScriptLimits withCpuTime(Duration newCpuTime) {
        return new ScriptLimits(newCpuTime, memoryBytes, maxLength);
    }

    /** These limits with another allocation bound. */
    public ScriptLimits withMemoryBytes(long newMemoryBytes) {
        return new ScriptLimits(cpuTime, newMemoryBytes, maxLength);
    }
}
