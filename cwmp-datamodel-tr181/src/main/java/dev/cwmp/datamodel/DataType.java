package dev.cwmp.datamodel;

import dev.cwmp.datamodel.Validation.Rule;
import dev.cwmp.datamodel.Validation.Violation;
import dev.cwmp.datamodel.internal.ValueSyntax;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The type of a parameter: a TR-106 base type with its facets (sizes, ranges, enumerations, patterns,
 * units, the list facet) and, when the model uses one, the named data type it comes from (e.g.
 * {@code IPv4Address}, with its ancestors such as {@code IPAddress}). Facets of a named type are already
 * resolved: inherited facets are included, and a facet kind that a derived type or a parameter refines
 * replaces the inherited one.
 *
 * <p>Immutable and thread-safe; parameters of the same type share one instance. Patterns are compiled
 * on first use.
 */
public final class DataType {

    private final BaseType baseType;
    private final List<String> namedTypes;
    private final Optional<ListFacet> list;
    private final List<Size> sizes;
    private final List<Range> ranges;
    private final List<String> enumerations;
    private final List<String> readOnlyEnumerations;
    private final List<String> patterns;
    private final Optional<String> units;
    private final Optional<String> enumerationReference;
    private final NamedCheck namedCheck;
    private volatile Pattern[] compiledPatterns;

    private DataType(Builder builder) {
        this.baseType = builder.baseType;
        this.namedTypes = List.copyOf(builder.namedTypes);
        this.list = builder.list;
        this.sizes = List.copyOf(builder.sizes);
        this.ranges = List.copyOf(builder.ranges);
        this.enumerations = List.copyOf(builder.enumerations);
        this.readOnlyEnumerations = List.copyOf(builder.readOnlyEnumerations);
        this.patterns = List.copyOf(builder.patterns);
        this.units = builder.units;
        this.enumerationReference = builder.enumerationReference;
        this.namedCheck = NamedCheck.of(namedTypes);
    }

    /** A builder for a type of the given base type. */
    public static Builder builder(BaseType baseType) {
        return new Builder(baseType);
    }

    /** A type with no facet. */
    public static DataType of(BaseType baseType) {
        return builder(baseType).build();
    }

    /** The base type (of the items, for a list). */
    public BaseType baseType() {
        return baseType;
    }

    /**
     * The type to put on the wire ({@code xsi:type} in SetParameterValues), e.g. {@code xsd:unsignedInt};
     * a list travels as {@code xsd:string}.
     */
    public String xsdType() {
        return list.isPresent() ? BaseType.STRING.xsdName() : baseType.xsdName();
    }

    /** The named data type this type is, e.g. {@code IPv4Address}; empty for an anonymous type. */
    public Optional<String> name() {
        return namedTypes.isEmpty() ? Optional.empty() : Optional.of(namedTypes.get(0));
    }

    /** The named data type and its ancestors, most derived first (e.g. IPv4Address, IPAddress). */
    public List<String> namedTypes() {
        return namedTypes;
    }

    /** Whether this type is, or derives from, the named data type. */
    public boolean isA(String namedType) {
        return namedTypes.contains(namedType);
    }

    /** The list facet: present when the value is a comma-separated list of items of this type. */
    public Optional<ListFacet> list() {
        return list;
    }

    /** Whether values are comma-separated lists. */
    public boolean isList() {
        return list.isPresent();
    }

    /** The size facets (of each item, for a list); a value must fit one of them. */
    public List<Size> sizes() {
        return sizes;
    }

    /** The range facets; a value must fall in one of them. */
    public List<Range> ranges() {
        return ranges;
    }

    /**
     * The enumerated values (empty when not an enumeration). Validation also accepts vendor values
     * ({@code X_<vendor>_...}), which TR-106 allows to extend any enumeration.
     */
    public List<String> enumerations() {
        return enumerations;
    }

    /**
     * The enumerated values a device may report but the ACS may not write (e.g. {@code None} and
     * {@code Complete} of a DiagnosticsState); a subset of {@link #enumerations()}.
     */
    public List<String> readOnlyEnumerations() {
        return readOnlyEnumerations;
    }

    /** The patterns (XML Schema regular expressions, whole-value match); a value must match one. */
    public List<String> patterns() {
        return patterns;
    }

    /** The units, e.g. {@code seconds}. */
    public Optional<String> units() {
        return units;
    }

    /**
     * The parameter whose value lists the allowed values ({@code enumerationRef}); such values are not
     * checked here, since they depend on the device.
     */
    public Optional<String> enumerationReference() {
        return enumerationReference;
    }

    /** The largest allowed length of a (non-list) value, when a size facet bounds it. */
    public OptionalInt maxLength() {
        int max = -1;
        for (Size size : sizes) {
            if (size.maxLength().isEmpty()) {
                return OptionalInt.empty();
            }
            max = Math.max(max, size.maxLength().getAsInt());
        }
        return max < 0 ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /**
     * Converts wire text to a typed value, after checking every facet.
     *
     * @throws DataModelException when the value is not valid for this type, with the failed rules
     */
    public TypedValue parse(String wireText) {
        Objects.requireNonNull(wireText, "wireText");
        List<Violation> violations = new ArrayList<>(0);
        TypedValue value = check(wireText, violations);
        if (!violations.isEmpty()) {
            throw new DataModelException("invalid " + this + " value: " + new Validation(violations));
        }
        return value;
    }

    /** Checks wire text against the base type and every facet. */
    public Validation validate(String wireText) {
        Objects.requireNonNull(wireText, "wireText");
        List<Violation> violations = new ArrayList<>(0);
        check(wireText, violations);
        return violations.isEmpty() ? Validation.valid() : new Validation(violations);
    }

    private TypedValue check(String text, List<Violation> violations) {
        if (list.isEmpty()) {
            return checkItem(text, violations, "");
        }
        ListFacet facet = list.get();
        if (facet.size().isPresent()) {
            Size size = facet.size().get();
            int length = text.codePointCount(0, text.length());
            if (size.maxLength().isPresent() && length > size.maxLength().getAsInt()) {
                violations.add(new Violation(Rule.LIST_LENGTH, "list maxLength " + size.maxLength().getAsInt()
                        + " exceeded: " + length + " characters"));
            }
            if (length < size.minLength()) {
                violations.add(new Violation(Rule.LIST_LENGTH, "list minLength " + size.minLength()
                        + " not met: " + length + " characters"));
            }
        }
        List<String> itemTexts = ValueSyntax.splitList(text);
        if (itemTexts.size() < facet.minItems()) {
            violations.add(new Violation(Rule.LIST_ITEMS,
                    "minItems " + facet.minItems() + " not met: " + itemTexts.size() + " items"));
        }
        if (facet.maxItems().isPresent() && itemTexts.size() > facet.maxItems().getAsInt()) {
            violations.add(new Violation(Rule.LIST_ITEMS,
                    "maxItems " + facet.maxItems().getAsInt() + " exceeded: " + itemTexts.size() + " items"));
        }
        List<TypedValue> items = new ArrayList<>(itemTexts.size());
        for (int i = 0; i < itemTexts.size(); i++) {
            TypedValue item = checkItem(itemTexts.get(i), violations, "item " + (i + 1) + ": ");
            if (item != null) {
                items.add(item);
            }
        }
        return violations.isEmpty() ? new TypedValue.ListValue(baseType, items) : null;
    }

    /** Checks one scalar; returns the typed value, or null after adding at least one violation. */
    private TypedValue checkItem(String text, List<Violation> violations, String prefix) {
        TypedValue value;
        try {
            value = ValueSyntax.parse(baseType, text);
        } catch (ValueSyntax.OutOfRangeException e) {
            violations.add(new Violation(Rule.RANGE, prefix + e.getMessage()));
            return null;
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(Rule.SYNTAX, prefix + e.getMessage()));
            return null;
        }
        int before = violations.size();
        checkSize(text, value, violations, prefix);
        checkRange(value, violations, prefix);
        checkEnumeration(text, violations, prefix);
        String namedProblem = namedCheck.problem(text);
        if (namedProblem != null) {
            violations.add(new Violation(Rule.NAMED_TYPE, prefix + namedProblem));
        } else {
            checkPatterns(text, violations, prefix);
        }
        return violations.size() == before ? value : null;
    }

    private void checkSize(String text, TypedValue value, List<Violation> violations, String prefix) {
        if (sizes.isEmpty()) {
            return;
        }
        int length;
        String unit;
        if (value instanceof TypedValue.Base64Value binary) {
            length = binary.length();
            unit = " bytes";
        } else if (value instanceof TypedValue.HexBinaryValue binary) {
            length = binary.length();
            unit = " bytes";
        } else {
            length = text.codePointCount(0, text.length());
            unit = " characters";
        }
        Violation first = null;
        for (Size size : sizes) {
            if (length < size.minLength()) {
                first = first != null ? first : new Violation(Rule.MIN_LENGTH,
                        prefix + "minLength " + size.minLength() + " not met: " + length + unit);
            } else if (size.maxLength().isPresent() && length > size.maxLength().getAsInt()) {
                first = first != null ? first : new Violation(Rule.MAX_LENGTH,
                        prefix + "maxLength " + size.maxLength().getAsInt() + " exceeded: " + length + unit);
            } else {
                return;
            }
        }
        violations.add(first);
    }

    private void checkRange(TypedValue value, List<Violation> violations, String prefix) {
        if (ranges.isEmpty()) {
            return;
        }
        BigDecimal number = ValueSyntax.numberOf(value);
        if (number == null) {
            return;
        }
        for (Range range : ranges) {
            if (range.contains(number)) {
                return;
            }
        }
        StringBuilder reason = new StringBuilder(prefix).append(value.wireText())
                .append(ranges.size() == 1 ? " is not in range " : " is in none of the ranges ");
        for (int i = 0; i < ranges.size(); i++) {
            reason.append(i == 0 ? "" : ", ").append(ranges.get(i));
        }
        violations.add(new Violation(Rule.RANGE, reason.toString()));
    }

    private void checkEnumeration(String text, List<Violation> violations, String prefix) {
        if (enumerations.isEmpty() || enumerations.contains(text) || text.startsWith("X_")) {
            // TR-106 lets a vendor extend an enumeration with values named X_<vendor>_...
            return;
        }
        StringBuilder reason = new StringBuilder(prefix).append('"').append(text)
                .append("\" is not one of the enumerated values (");
        for (int i = 0; i < enumerations.size(); i++) {
            if (i == 12) {
                reason.append(", ... ").append(enumerations.size() - 12).append(" more");
                break;
            }
            reason.append(i == 0 ? "" : ", ").append(enumerations.get(i));
        }
        violations.add(new Violation(Rule.ENUMERATION, reason.append(')').toString()));
    }

    private void checkPatterns(String text, List<Violation> violations, String prefix) {
        if (patterns.isEmpty()) {
            return;
        }
        for (Pattern pattern : compiledPatterns()) {
            if (pattern.matcher(text).matches()) {
                return;
            }
        }
        violations.add(new Violation(Rule.PATTERN, prefix + '"' + text + "\" matches none of the patterns "
                + String.join(" | ", patterns.stream().map(p -> p.isEmpty() ? "(empty)" : p).toList())));
    }

    private Pattern[] compiledPatterns() {
        Pattern[] compiled = compiledPatterns;
        if (compiled == null) {
            compiled = new Pattern[patterns.size()];
            for (int i = 0; i < compiled.length; i++) {
                try {
                    compiled[i] = Pattern.compile(patterns.get(i));
                } catch (PatternSyntaxException e) {
                    throw new DataModelException("pattern of " + this + " does not compile: " + patterns.get(i), e);
                }
            }
            compiledPatterns = compiled;
        }
        return compiled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataType that
                && baseType == that.baseType
                && namedTypes.equals(that.namedTypes)
                && list.equals(that.list)
                && sizes.equals(that.sizes)
                && ranges.equals(that.ranges)
                && enumerations.equals(that.enumerations)
                && readOnlyEnumerations.equals(that.readOnlyEnumerations)
                && patterns.equals(that.patterns)
                && units.equals(that.units)
                && enumerationReference.equals(that.enumerationReference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseType, namedTypes, list, sizes, ranges, enumerations, readOnlyEnumerations, patterns, units,
                enumerationReference);
    }

    /** A short description, e.g. {@code IPv4Address(string)} or {@code list of unsignedInt}. */
    @Override
    public String toString() {
        String base = namedTypes.isEmpty() ? baseType.xmlName() : namedTypes.get(0) + "(" + baseType.xmlName() + ")";
        return list.isPresent() ? "list of " + base : base;
    }

    /**
     * A size facet: length in characters (in bytes for base64 and hexBinary).
     *
     * @param minLength the smallest allowed length (0 when the facet has none)
     * @param maxLength the largest allowed length, empty when unbounded
     */
    public record Size(int minLength, OptionalInt maxLength) {
        public Size {
            Objects.requireNonNull(maxLength, "maxLength");
            if (minLength < 0 || (maxLength.isPresent() && maxLength.getAsInt() < minLength)) {
                throw new IllegalArgumentException("bad size: " + minLength + ".." + maxLength);
            }
        }

        @Override
        public String toString() {
            return minLength + ".." + (maxLength.isPresent() ? Integer.toString(maxLength.getAsInt()) : "");
        }
    }

    /**
     * A range facet for numbers.
     *
     * @param minInclusive the smallest allowed value, empty when the base type's minimum applies
     * @param maxInclusive the largest allowed value, empty when the base type's maximum applies
     * @param step allowed values are {@code minInclusive + k * step} (1 when any integer is allowed)
     */
    public record Range(OptionalLong minInclusive, OptionalLong maxInclusive, long step) {
        public Range {
            Objects.requireNonNull(minInclusive, "minInclusive");
            Objects.requireNonNull(maxInclusive, "maxInclusive");
            if (step < 1) {
                throw new IllegalArgumentException("step must be positive: " + step);
            }
        }

        /** Whether the number lies in the range and on its step. */
        public boolean contains(BigDecimal number) {
            if (minInclusive.isPresent() && number.compareTo(BigDecimal.valueOf(minInclusive.getAsLong())) < 0) {
                return false;
            }
            if (maxInclusive.isPresent() && number.compareTo(BigDecimal.valueOf(maxInclusive.getAsLong())) > 0) {
                return false;
            }
            if (step == 1) {
                return true;
            }
            BigDecimal offset = number.subtract(BigDecimal.valueOf(minInclusive.orElse(0)));
            return offset.remainder(BigDecimal.valueOf(step)).signum() == 0;
        }

        @Override
        public String toString() {
            return "[" + (minInclusive.isPresent() ? Long.toString(minInclusive.getAsLong()) : "")
                    + ".." + (maxInclusive.isPresent() ? Long.toString(maxInclusive.getAsLong()) : "")
                    + (step == 1 ? "]" : "] step " + step);
        }
    }

    /**
     * The list facet: the value is a comma-separated list of items.
     *
     * @param minItems the fewest items
     * @param maxItems the most items, empty when unbounded
     * @param size the allowed length of the whole list text, when the model bounds it
     */
    public record ListFacet(int minItems, OptionalInt maxItems, Optional<Size> size) {
        public ListFacet {
            Objects.requireNonNull(maxItems, "maxItems");
            Objects.requireNonNull(size, "size");
            if (minItems < 0) {
                throw new IllegalArgumentException("minItems must not be negative: " + minItems);
            }
        }

        /** A list with no bound. */
        public static ListFacet unbounded() {
            return new ListFacet(0, OptionalInt.empty(), Optional.empty());
        }
    }

    /** Builds a {@link DataType}. */
    public static final class Builder {
        private final BaseType baseType;
        private List<String> namedTypes = List.of();
        private Optional<ListFacet> list = Optional.empty();
        private final List<Size> sizes = new ArrayList<>(1);
        private final List<Range> ranges = new ArrayList<>(1);
        private final List<String> enumerations = new ArrayList<>();
        private final List<String> readOnlyEnumerations = new ArrayList<>(0);
        private final List<String> patterns = new ArrayList<>(1);
        private Optional<String> units = Optional.empty();
        private Optional<String> enumerationReference = Optional.empty();

        private Builder(BaseType baseType) {
            this.baseType = Objects.requireNonNull(baseType, "baseType");
        }

        /** The named data type and its ancestors, most derived first. */
        public Builder namedTypes(List<String> names) {
            this.namedTypes = List.copyOf(names);
            return this;
        }

        public Builder list(ListFacet facet) {
            this.list = Optional.of(facet);
            return this;
        }

        public Builder size(Size size) {
            sizes.add(size);
            return this;
        }

        public Builder range(Range range) {
            ranges.add(range);
            return this;
        }

        public Builder enumeration(String value) {
            enumerations.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** An enumerated value the device may report but the ACS may not write. */
        public Builder readOnlyEnumeration(String value) {
            enumeration(value);
            readOnlyEnumerations.add(value);
            return this;
        }

        public Builder pattern(String regex) {
            patterns.add(Objects.requireNonNull(regex, "regex"));
            return this;
        }

        public Builder units(String value) {
            this.units = Optional.of(value);
            return this;
        }

        public Builder enumerationReference(String targetParameter) {
            this.enumerationReference = Optional.of(targetParameter);
            return this;
        }

        public DataType build() {
            return new DataType(this);
        }
    }

    /** Checks that the facets alone cannot express: IP addresses and prefixes, MAC addresses. */
    private enum NamedCheck {
        NONE, IPV4_ADDRESS, IPV6_ADDRESS, IP_ADDRESS, IPV4_PREFIX, IPV6_PREFIX, IP_PREFIX, MAC_ADDRESS;

        static NamedCheck of(List<String> namedTypes) {
            for (String name : namedTypes) {
                switch (name) {
                    case "IPv4Address": return IPV4_ADDRESS;
                    case "IPv6Address": return IPV6_ADDRESS;
                    case "IPAddress": return IP_ADDRESS;
                    case "IPv4Prefix": return IPV4_PREFIX;
                    case "IPv6Prefix": return IPV6_PREFIX;
                    case "IPPrefix": return IP_PREFIX;
                    case "MACAddress": return MAC_ADDRESS;
                    default: break;
                }
            }
            return NONE;
        }

        /** Why the text is not a value of the named type (empty text is "unspecified", allowed), or null. */
        String problem(String text) {
            if (this == NONE || text.isEmpty()) {
                return null;
            }
            switch (this) {
                case IPV4_ADDRESS:
                    return ValueSyntax.isIpv4(text) ? null : "\"" + text + "\" is not an IPv4 address";
                case IPV6_ADDRESS:
                    return ValueSyntax.isIpv6(text) ? null : "\"" + text + "\" is not an IPv6 address";
                case IP_ADDRESS:
                    return ValueSyntax.isIpv4(text) || ValueSyntax.isIpv6(text)
                            ? null : "\"" + text + "\" is not an IPv4 or IPv6 address";
                case IPV4_PREFIX:
                    return ValueSyntax.isPrefix(text, false) ? null : "\"" + text + "\" is not an IPv4 prefix";
                case IPV6_PREFIX:
                    return ValueSyntax.isPrefix(text, true) ? null : "\"" + text + "\" is not an IPv6 prefix";
                case IP_PREFIX:
                    return ValueSyntax.isPrefix(text, false) || ValueSyntax.isPrefix(text, true)
                            ? null : "\"" + text + "\" is not an IPv4 or IPv6 prefix";
                case MAC_ADDRESS:
                    return ValueSyntax.isMac(text) ? null
                            : "\"" + text + "\" is not a MAC address (six colon-separated pairs of hex digits)";
                default:
                    return null;
            }
        }
    }
}
