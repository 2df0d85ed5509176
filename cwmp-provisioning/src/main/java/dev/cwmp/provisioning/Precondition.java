package dev.cwmp.provisioning;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.provisioning.internal.LegacyPrecondition;
import dev.cwmp.provisioning.internal.PreconditionEvaluator;
import dev.cwmp.provisioning.internal.PreconditionParser;
import dev.cwmp.provisioning.internal.PreconditionPrinter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A preset's precondition: GenieACS's expression language, as an immutable syntax tree.
 *
 * <p>Syntax (keywords in any case): {@code OR} binds loosest, then {@code AND}, then {@code NOT};
 * then the predicates {@code a = b}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code a LIKE b}, {@code a NOT LIKE b}, {@code a IS NULL}, {@code a IS NOT NULL}, and a bare
 * operand ({@code Tags.PENDING}); parentheses group. Operands are string literals ({@code 'it''s'}
 * in SQL style or {@code "line\n"} with JSON-style escapes), numbers ({@code -1.5e3}),
 * {@code true}, {@code false}, {@code NULL}, parameter paths (instance numbers and {@code *}
 * wildcards allowed: {@code Device.WiFi.SSID.*.SSID}), {@code Tags.<name>} (a tag name with other
 * characters than {@code A-Z a-z 0-9 _ -} writes them percent-encoded as UTF-8),
 * {@code DeviceID.<ID|Manufacturer|OUI|ProductClass|SerialNumber>} and {@code Events.<code>} (the
 * event code with {@code _} for spaces: {@code Events.1_BOOT}). GenieACS's arithmetic, {@code ||},
 * functions, {@code CASE} and {@code {...}} interpolation are not part of this language.
 *
 * <p>Semantics, as GenieACS: values are typed (a parameter by its xsd type: booleans, numbers for
 * the integer types, epoch milliseconds for {@code xsd:dateTime} (UTC when it has no offset),
 * strings otherwise; a value that does not read as its type is a string); comparisons
 * treat booleans as 0 and 1, compare numbers with numbers and strings with strings (UTF-16 code
 * units), and order every string after every number (so {@code '5' = 5} is false). A missing
 * parameter, an absent tag or event, and {@code NULL} are null; a comparison, {@code LIKE} or
 * {@code NOT} of null is null, and {@code AND}/{@code OR} follow SQL's three-valued logic
 * ({@code false AND null} is false, {@code true OR null} is true). {@code Tags.X} and
 * {@code Events.X} are {@code true} when present. A bare operand holds when it is true, a non-zero
 * number or a non-empty string. A preset applies only when its precondition is true: null does not
 * apply it, so {@code NOT Tags.X} never holds (write {@code Tags.X IS NULL}). {@code LIKE} matches the
 * whole string, {@code %} any run of characters and {@code _} one character, case-sensitively.
 *
 * <p>{@code toString()} prints the canonical text (keywords upper case, strings double-quoted,
 * parentheses only where needed); parsing it gives back an equal tree.
 */
public sealed interface Precondition {

    /**
     * Parses an expression, or GenieACS's legacy MongoDB-style JSON form (text starting with
     * <code>{</code>, e.g. <code>{"_tags": "PENDING", "DeviceID.OUI": {"$ne": "001122"}}</code>).
     * Empty or blank text is {@link #always()}.
     *
     * @throws PreconditionSyntaxException with the column and what was expected
     */
    static Precondition parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return always();
        }
        if (trimmed.charAt(0) == '{') {
            return LegacyPrecondition.parse(text);
        }
        return PreconditionParser.parse(text);
    }

    /** The precondition that always holds ({@code true}). */
    static Precondition always() {
        return PreconditionParser.ALWAYS;
    }

    /** Whether this is {@link #always()}. */
    default boolean isAlways() {
        return equals(always());
    }

    /** Whether the precondition holds for the device (true; null and false do not). */
    default boolean test(DeviceView device) {
        return PreconditionEvaluator.evaluate(this, device) == PreconditionEvaluator.TRUE;
    }

    /** The three-valued result: true, false, or empty for null. */
    default Optional<Boolean> evaluate(DeviceView device) {
        int result = PreconditionEvaluator.evaluate(this, device);
        return result == PreconditionEvaluator.NULL ? Optional.empty() : Optional.of(result == PreconditionEvaluator.TRUE);
    }

    /** What a predicate compares: a literal or a value read from the device. */
    sealed interface Operand permits Literal, Parameter, Tag, DeviceIdField, Event {
    }

    /** The six comparison operators. */
    enum ComparisonOperator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written, e.g. {@code <>}. */
        public String symbol() {
            return symbol;
        }

        /** The operator written {@code symbol}, if any. */
        public static Optional<ComparisonOperator> ofSymbol(String symbol) {
            for (ComparisonOperator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }

    /** A parameter's value (a wildcard path reads the first matching parameter, in tree order). */
    record Parameter(ParameterPath path) implements Operand {
        public Parameter {
            Objects.requireNonNull(path, "path");
            if (path.isPartial()) {
                throw new IllegalArgumentException("a precondition reads a parameter, not object " + path);
            }
            String root = path.rootName();
            if (root.equals("Tags") || root.equals("DeviceID") || root.equals("Events")) {
                throw new IllegalArgumentException(root + ". paths are written with Tag, DeviceIdField or Event: " + path);
            }
            if (path.segmentCount() == 1 && PreconditionParser.isKeyword(root)) {
                throw new IllegalArgumentException("a parameter cannot be named like the keyword " + root);
            }
        }

        /** The parameter at the path's text. */
        public static Parameter of(String path) {
            return new Parameter(ParameterPath.parse(path));
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** {@code Tags.<name>}: true when the device has the tag, null otherwise. */
    record Tag(String name) implements Operand {
        public Tag {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a tag name is not empty");
            }
        }

        @Override
        public String toString() {
            return PreconditionPrinter.print(this);
        }
    }

    /** {@code DeviceID.<field>}: a part of the device's identity (strings). */
    enum DeviceIdField implements Operand {
        /** The whole id as GenieACS prints it ({@code OUI-ProductClass-Serial}). */
        ID("ID"),
        MANUFACTURER("Manufacturer"),
        OUI("OUI"),
        PRODUCT_CLASS("ProductClass"),
        SERIAL_NUMBER("SerialNumber");

        private final String fieldName;

        DeviceIdField(String fieldName) {
            this.fieldName = fieldName;
        }

        /** The field's name after {@code DeviceID.}. */
        public String fieldName() {
            return fieldName;
        }

        /** The field named {@code name} (exact case), if any. */
        public static Optional<DeviceIdField> ofFieldName(String name) {
            for (DeviceIdField f : values()) {
                if (f.fieldName.equals(name)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "DeviceID." + fieldName;
        }
    }

    /**
     * {@code Events.<code>}: true when the session's Inform carried the event, null otherwise. The
     * code is kept with {@code _} in place of spaces ({@code 1_BOOT}, {@code M_Download}); it has
     * letters, digits, {@code _} and {@code -} only.
     */
    record Event(String code) implements Operand {
        public Event {
            Objects.requireNonNull(code, "code");
            code = EventFilter.normalize(code);
            if (code.isEmpty()) {
                throw new IllegalArgumentException("an event code is not empty");
            }
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                    throw new IllegalArgumentException("an event code in a precondition has letters, digits, '_', '-'"
                            + " and spaces (written '_'): " + code);
                }
            }
        }

        @Override
        public String toString() {
            return "Events." + code;
        }
    }

    /** All operands hold (at least two). */
    record And(List<Precondition> operands) implements Precondition {
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("AND takes at least two operands");
            }
        }

        @Override
        public String toString() {
            return PreconditionPrinter.print(this);
        }
    }

    /** One operand holds (at least two). */
    record Or(List<Precondition> operands) implements Precondition {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("OR takes at least two operands");
            }
        }

        @Override
        public String toString() {
            return PreconditionPrinter.print(this);
        }
    }

    /** The negation (of null is null). */
    record Not(Precondition operand) implements Precondition {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return PreconditionPrinter.print(this);
        }
    }

    /** {@code left op right}. */
    record Comparison(Operand left, ComparisonOperator operator, Operand right) implements Precondition {
        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return PreconditionPrinter.print(this);
        }
    }

    /** {@code value [NOT] LIKE pattern}. */
    record Like(Operand value, Operand pattern, boolean negated) implements Precondition {
        public Like {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String toString() {
            return PreconditionPrinter.print(this);
        }
    }

    /** {@code operand IS [NOT] NULL}. */
    record IsNull(Operand operand, boolean negated) implements Precondition {
        public IsNull {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return PreconditionPrinter.print(this);
        }
    }

    /** A bare operand: holds when true, a non-zero number or a non-empty string. */
    record Term(Operand operand) implements Precondition {
        public Term {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return PreconditionPrinter.print(this);
        }
    }
}
