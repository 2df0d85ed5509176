package dev.cwmp.provisioning;

import java.util.Objects;

/**
 * A constant as GenieACS writes one in preconditions and preset JSON: a string, a number (a
 * double, as in JavaScript), a boolean or null.
 */
public sealed interface Literal extends Precondition.Operand {

    /** A string constant. */
    record StringValue(String value) implements Literal {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return dev.cwmp.provisioning.internal.PreconditionPrinter.quote(value);
        }
    }

    /** A number; finite. */
    record NumberValue(double value) implements Literal {
        public NumberValue {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number literal is finite: " + value);
            }
        }

        @Override
        public String toString() {
            return dev.cwmp.provisioning.internal.PreconditionPrinter.number(value);
        }
    }

    /** {@code true} or {@code false}. */
    record BooleanValue(boolean value) implements Literal {
        @Override
        public String toString() {
            return value ? "true" : "false";
        }
    }

    /** {@code NULL}. */
    record NullValue() implements Literal {
        @Override
        public String toString() {
            return "NULL";
        }
    }

    /** The string constant. */
    static Literal of(String value) {
        return new StringValue(value);
    }

    /** The number constant. */
    static Literal of(double value) {
        return new NumberValue(value);
    }

    /** The boolean constant. */
    static Literal of(boolean value) {
        return new BooleanValue(value);
    }

    /** The null constant. */
    static Literal nullValue() {
        return new NullValue();
    }
}
