package dev.cwmp.provisioning;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds and timings of the provision engine. Reaching a bound in a session records a
 * {@link ProvisioningFault} on the channel that was running and ends that channel's provisioning
 * for the session instead of looping.
 *
 * @param maxIterations how many times the provisions may be run in one session (each run follows
 *     an answer of the CPE)
 * @param maxRequests how many requests the session may have sent before the engine stops
 * @param valuesPerRequest how many parameters one GetParameterValues asks for
 * @param extensionTimeout how long one {@link ProvisionContext#ext} call may take
 * @param faultBackoffBase how long a faulted channel waits after its first fault; doubled on every
 *     further fault in a row
 * @param faultBackoffMax the longest a faulted channel waits
 * @param downloadTimeout how long after a Download its TransferComplete may come before the channel
 *     gets a {@code timeout} fault (checked at the device's next session)
 * @param maxCycles how many evaluations of the presets may run their configurations in one session:
 *     when a run has converged and the device's tags (or a parameter a precondition reads) changed,
 *     the presets are evaluated again and, when some preset applies that did not at the previous
 *     evaluation, a new cycle runs; one needed beyond this bound is the fault {@code too_many_cycles}
 */
public record ProvisioningOptions(int maxIterations, int maxRequests, int valuesPerRequest, Duration extensionTimeout,
        Duration faultBackoffBase, Duration faultBackoffMax, Duration downloadTimeout, int maxCycles) {

    /** The default of {@link #maxCycles()} (GenieACS's {@code MAX_CYCLES} is 4 as well). */
    public static final int DEFAULT_MAX_CYCLES = 4;

    public ProvisioningOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations is at least 1: " + maxIterations);
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests is at least 1: " + maxRequests);
        }
        if (maxCycles < 1) {
            throw new IllegalArgumentException("maxCycles is at least 1: " + maxCycles);
        }
        if (valuesPerRequest < 1) {
            throw new IllegalArgumentException("valuesPerRequest is at least 1: " + valuesPerRequest);
        }
        requirePositive(extensionTimeout, "extensionTimeout");
        requirePositive(faultBackoffBase, "faultBackoffBase");
        requirePositive(faultBackoffMax, "faultBackoffMax");
        requirePositive(downloadTimeout, "downloadTimeout");
        if (faultBackoffMax.compareTo(faultBackoffBase) < 0) {
            throw new IllegalArgumentException("faultBackoffMax " + faultBackoffMax + " is shorter than faultBackoffBase "
                    + faultBackoffBase);
        }
    }

    /** The options with {@link #DEFAULT_MAX_CYCLES} cycles. */
    public ProvisioningOptions(int maxIterations, int maxRequests, int valuesPerRequest, Duration extensionTimeout,
            Duration faultBackoffBase, Duration faultBackoffMax, Duration downloadTimeout) {
        this(maxIterations, maxRequests, valuesPerRequest, extensionTimeout, faultBackoffBase, faultBackoffMax,
                downloadTimeout, DEFAULT_MAX_CYCLES);
    }

    /** The options without the fault and download timings nor the cycle bound (defaults for those). */
    public ProvisioningOptions(int maxIterations, int maxRequests, int valuesPerRequest, Duration extensionTimeout) {
        this(maxIterations, maxRequests, valuesPerRequest, extensionTimeout,
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofHours(1));
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " is positive: " + d);
        }
    }

    /**
     * 32 iterations, 256 requests, 32 values per GetParameterValues, 10 s per extension call, faults
     * waiting 60 s doubling up to 1 h, downloads timing out after 1 h, 4 cycles of the presets.
     */
    public static ProvisioningOptions defaults() {
        return new ProvisioningOptions(32, 256, 32, Duration.ofSeconds(10));
    }

    /**
     * How long a channel waits after a fault when it had failed {@code retries} times in a row
     * before: {@code faultBackoffBase × 2^retries}, at most {@code faultBackoffMax}.
     */
    public Duration backoff(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries is not negative: " + retries);
        }
        Duration d = faultBackoffBase;
        for (int i = 0; i < retries && d.compareTo(faultBackoffMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(faultBackoffMax) > 0 ? faultBackoffMax : d;
    }

    /** These options with another iteration bound. */
    public ProvisioningOptions withMaxIterations(int max) {
        return new ProvisioningOptions(max, maxRequests, valuesPerRequest, extensionTimeout, faultBackoffBase,
                faultBackoffMax, downloadTimeout, maxCycles);
    }

    /** These options with another request bound. */
    public ProvisioningOptions withMaxRequests(int max) {
        return new ProvisioningOptions(maxIterations, max, valuesPerRequest, extensionTimeout, faultBackoffBase,
                faultBackoffMax, downloadTimeout, maxCycles);
    }

    /** These options with another extension timeout. */
    public ProvisioningOptions withExtensionTimeout(Duration timeout) {
        return new ProvisioningOptions(maxIterations, maxRequests, valuesPerRequest, timeout, faultBackoffBase,
                faultBackoffMax, downloadTimeout, maxCycles);
    }

    /** These options with another batch size for GetParameterValues. */
    public ProvisioningOptions withValuesPerRequest(int max) {
        return new ProvisioningOptions(maxIterations, maxRequests, max, extensionTimeout, faultBackoffBase,
                faultBackoffMax, downloadTimeout, maxCycles);
    }

    /** These options with another fault back-off: {@code base} doubling up to {@code max}. */
    public ProvisioningOptions withFaultBackoff(Duration base, Duration max) {
        return new ProvisioningOptions(maxIterations, maxRequests, valuesPerRequest, extensionTimeout, base, max,
                downloadTimeout, maxCycles);
    }

    /** These options with another download timeout. */
    public ProvisioningOptions withDownloadTimeout(Duration timeout) {
        return new ProvisioningOptions(maxIterations, maxRequests, valuesPerRequest, extensionTimeout, faultBackoffBase,
                faultBackoffMax, timeout, maxCycles);
    }

    /** These options with another cycle bound. */
    public ProvisioningOptions withMaxCycles(int max) {
        return new ProvisioningOptions(maxIterations, maxRequests, valuesPerRequest, extensionTimeout, faultBackoffBase,
                faultBackoffMax, downloadTimeout, max);
    }
}
