package dev.cwmp.provisioning;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The desired state of a declaration (GenieACS's {@code declare} values).
 *
 * @param value the value every parameter the path covers should have (set when it differs)
 * @param instances how many instances the path (ending with {@code *} or with instance keys
 *     {@code [Key:value]}) should match: instances are added or deleted to reach the count
 */
public record Values(Optional<String> value, OptionalInt instances) {

    public Values {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(instances, "instances");
        if (instances.isPresent() && instances.getAsInt() < 0) {
            throw new IllegalArgumentException("an instance count is not negative: " + instances.getAsInt());
        }
    }

    /** Nothing desired: the declaration only reads. */
    public static Values none() {
        return new Values(Optional.empty(), OptionalInt.empty());
    }

    /**
     * This value: a string, a boolean ({@code true}/{@code false}) or a number (whole numbers
     * without a fraction).
     */
    public static Values value(Object value) {
        return new Values(Optional.of(text(value)), OptionalInt.empty());
    }

    /** This many instances. */
    public static Values instances(int count) {
        return new Values(Optional.empty(), OptionalInt.of(count));
    }

    static String text(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Float f && f == Math.rint(f) && Math.abs(f) < 1e7) {
            return Long.toString(f.longValue());
        }
        return value.toString();
    }
}
