package dev.cwmp.provisioning;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of the provision engine in one session. Reaching one records a
 * {@link ProvisioningFault} and ends the provisioning of the session instead of looping.
 *
 * @param maxIterations how many times the provisions may be run in one session (each run follows
 *     an answer of the CPE)
 * @param maxRequests how many requests the session may have sent before the engine stops
 * @param valuesPerRequest how many parameters one GetParameterValues asks for
 * @param extensionTimeout how long one {@link ProvisionContext#ext} call may take
 */
public record ProvisioningOptions(int maxIterations, int maxRequests, int valuesPerRequest, Duration extensionTimeout) {

    public ProvisioningOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations is at least 1: " + maxIterations);
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests is at least 1: " + maxRequests);
        }
        if (valuesPerRequest < 1) {
            throw new IllegalArgumentException("valuesPerRequest is at least 1: " + valuesPerRequest);
        }
        Objects.requireNonNull(extensionTimeout, "extensionTimeout");
        if (extensionTimeout.isNegative() || extensionTimeout.isZero()) {
            throw new IllegalArgumentException("extensionTimeout is positive: " + extensionTimeout);
        }
    }

    /** 32 iterations, 256 requests, 32 values per GetParameterValues, 10 s per extension call. */
    public static ProvisioningOptions defaults() {
        return new ProvisioningOptions(32, 256, 32, Duration.ofSeconds(10));
    }

    /** These options with another iteration bound. */
    public ProvisioningOptions withMaxIterations(int max) {
        return new ProvisioningOptions(max, maxRequests, valuesPerRequest, extensionTimeout);
    }

    /** These options with another request bound. */
    public ProvisioningOptions withMaxRequests(int max) {
        return new ProvisioningOptions(maxIterations, max, valuesPerRequest, extensionTimeout);
    }

    /** These options with another extension timeout. */
    public ProvisioningOptions withExtensionTimeout(Duration timeout) {
        return new ProvisioningOptions(maxIterations, maxRequests, valuesPerRequest, timeout);
    }

    /** These options with another batch size for GetParameterValues. */
    public ProvisioningOptions withValuesPerRequest(int max) {
        return new ProvisioningOptions(maxIterations, maxRequests, max, extensionTimeout);
    }
}
