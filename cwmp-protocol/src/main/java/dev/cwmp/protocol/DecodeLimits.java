package dev.cwmp.protocol;

/**
 * Bounds the decoder enforces on every body, so that hostile or broken input fails promptly with a
 * {@link CwmpDecodeException} instead of exhausting memory.
 *
 * @param maxBytes the most bytes read from the body (before charset decoding); more is {@code BODY_TOO_LARGE}
 * @param maxDepth the deepest element nesting; deeper is {@code TOO_DEEP}
 * @param maxTextLength the longest text node or attribute value in characters; longer is {@code TEXT_TOO_LONG}
 * @param maxListItems the most items in one list (array) of a message; more is {@code TOO_MANY_ITEMS}
 */
public record DecodeLimits(long maxBytes, int maxDepth, int maxTextLength, int maxListItems) {

    /** 8 MiB, depth 64, text 256 KiB, 100,000 list items. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(8L * 1024 * 1024, 64, 256 * 1024, 100_000);

    // Validates: every bound positive, depth at least 8 (a CWMP envelope needs about 7 levels).
    public DecodeLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxDepth < 8) {
            throw new IllegalArgumentException("maxDepth must be at least 8: " + maxDepth);
        }
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive: " + maxTextLength);
        }
        if (maxListItems < 1) {
            throw new IllegalArgumentException("maxListItems must be positive: " + maxListItems);
        }
    }

    /** These limits with another {@code maxBytes}. */
    public DecodeLimits withMaxBytes(long newMaxBytes) {
        return new DecodeLimits(newMaxBytes, maxDepth, maxTextLength, maxListItems);
    }

    /** These limits with another {@code maxDepth}. */
    public DecodeLimits withMaxDepth(int newMaxDepth) {
        return new DecodeLimits(maxBytes, newMaxDepth, maxTextLength, maxListItems);
    }

    /** These limits with another {@code maxTextLength}. */
    public DecodeLimits withMaxTextLength(int newMaxTextLength) {
        return new DecodeLimits(maxBytes, maxDepth, newMaxTextLength, maxListItems);
    }

    /** These limits with another {@code maxListItems}. */
    public DecodeLimits withMaxListItems(int newMaxListItems) {
        return new DecodeLimits(maxBytes, maxDepth, maxTextLength, newMaxListItems);
    }
}
