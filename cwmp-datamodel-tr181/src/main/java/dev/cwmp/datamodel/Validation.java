package dev.cwmp.datamodel;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a wire value against a {@link DataType}: valid, or the rules it broke.
 *
 * @param violations the failed rules, in the order they were checked; empty when the value is valid
 */
public record Validation(List<Violation> violations) {

    private static final Validation VALID = new Validation(List.of());

    public Validation {
        violations = List.copyOf(violations);
    }

    /** The valid outcome (no violation). */
    public static Validation valid() {
        return VALID;
    }

    /** An outcome with one failed rule. */
    public static Validation invalid(Rule rule, String reason) {
        return new Validation(List.of(new Violation(rule, reason)));
    }

    /** Whether the value passed every rule. */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** The reasons joined with "; ", or "valid". */
    @Override
    public String toString() {
        if (violations.isEmpty()) {
            return "valid";
        }
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(violation.reason());
        }
        return text.toString();
    }

    /** The kinds of rule a value can break. */
    public enum Rule {
        /** The text is not a value of the base type (not a number, not a boolean, bad base64...). */
        SYNTAX,
        /** Shorter than the size facet's minLength (characters, or bytes for base64/hexBinary). */
        MIN_LENGTH,
        /** Longer than the size facet's maxLength. */
        MAX_LENGTH,
        /** Outside every range facet (or not on the range's step), or outside the base type's range. */
        RANGE,
        /** Not one of the enumerated values. */
        ENUMERATION,
        /** Matches none of the patterns. */
        PATTERN,
        /** Not a value of the named data type (e.g. not an IPv6 address for IPv6Address). */
        NAMED_TYPE,
        /** Too few or too many list items. */
        LIST_ITEMS,
        /** The whole list is longer than the list's size facet allows. */
        LIST_LENGTH,
        /** Written to a read-only parameter, or a value the ACS may not write (see {@link ParameterDefinition#validateWrite}). */
        NOT_WRITABLE
    }

    /**
     * One failed rule.
     *
     * @param rule which rule failed
     * @param reason why, for a human (e.g. "maxLength 32 exceeded: 40 characters")
     */
    public record Violation(Rule rule, String reason) {
        public Violation {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
