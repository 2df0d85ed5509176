package dev.cwmp.protocol.saaj;

/**
 * Placeholder so that the exported package is not empty until {@code SaajBridge} lands (javac refuses
 * to export an empty package). Delete it together with the first commit of {@code SaajBridge}.
 */
final class SaajPlaceholder {
    private SaajPlaceholder() {
    }
}
