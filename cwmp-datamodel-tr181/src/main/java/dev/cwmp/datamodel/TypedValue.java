package dev.cwmp.datamodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parameter value converted from its wire text by {@link DataType#parse(String)}; {@link #wireText()}
 * prints it back in canonical form (booleans as {@code true}/{@code false}, numbers without leading
 * zeros, hexBinary in lower case, dateTime with {@code Z} for UTC).
 */
public sealed interface TypedValue {

    /** The base type of this value (for a list, the base type of its items). */
    BaseType baseType();

    /** The canonical wire text of the value. */
    String wireText();

    /** A {@code string} value. */
    record StringValue(String value) implements TypedValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public BaseType baseType() {
            return BaseType.STRING;
        }

        @Override
        public String wireText() {
            return value;
        }
    }

    /** An {@code int} value (32-bit signed). */
    record IntValue(int value) implements TypedValue {
        @Override
        public BaseType baseType() {
            return BaseType.INT;
        }

        @Override
        public String wireText() {
            return Integer.toString(value);
        }
    }

    /** An {@code unsignedInt} value (0 to 4294967295). */
    record UnsignedIntValue(long value) implements TypedValue {
        public UnsignedIntValue {
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("unsignedInt out of range: " + value);
            }
        }

        @Override
        public BaseType baseType() {
            return BaseType.UNSIGNED_INT;
        }

        @Override
        public String wireText() {
            return Long.toString(value);
        }
    }

    /** A {@code long} value (64-bit signed). */
    record LongValue(long value) implements TypedValue {
        @Override
        public BaseType baseType() {
            return BaseType.LONG;
        }

        @Override
        public String wireText() {
            return Long.toString(value);
        }
    }

    /** An {@code unsignedLong} value (0 to 18446744073709551615). */
    record UnsignedLongValue(BigInteger value) implements TypedValue {
        static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

        public UnsignedLongValue {
            Objects.requireNonNull(value, "value");
            if (value.signum() < 0 || value.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("unsignedLong out of range: " + value);
            }
        }

        @Override
        public BaseType baseType() {
            return BaseType.UNSIGNED_LONG;
        }

        @Override
        public String wireText() {
            return value.toString();
        }
    }

    /** A {@code decimal} value. */
    record DecimalValue(BigDecimal value) implements TypedValue {
        public DecimalValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public BaseType baseType() {
            return BaseType.DECIMAL;
        }

        @Override
        public String wireText() {
            return value.toPlainString();
        }
    }

    /** A {@code boolean} value; the wire accepts {@code true}/{@code false}/{@code 1}/{@code 0}. */
    record BooleanValue(boolean value) implements TypedValue {
        @Override
        public BaseType baseType() {
            return BaseType.BOOLEAN;
        }

        @Override
        public String wireText() {
            return value ? "true" : "false";
        }
    }

    /**
     * A {@code dateTime} value. TR-106 gives the year 0001 a special meaning: {@code 0001-01-01T00:00:00Z}
     * is the unknown time, and other times in 0001 are relative to boot (e.g. {@code 0001-01-01T00:05:00Z}
     * is five minutes after boot); {@code 9999-12-31T23:59:59Z} means "infinite" (never).
     *
     * @param dateTime the local date and time as written
     * @param offset the time zone offset, absent when the value had none (local time of the CPE)
     */
    record DateTimeValue(LocalDateTime dateTime, Optional<ZoneOffset> offset) implements TypedValue {
        /** The TR-106 unknown time. */
        public static final DateTimeValue UNKNOWN =
                new DateTimeValue(LocalDateTime.of(1, 1, 1, 0, 0, 0), Optional.of(ZoneOffset.UTC));
        /** The TR-106 infinite time. */
        public static final DateTimeValue INFINITE =
                new DateTimeValue(LocalDateTime.of(9999, 12, 31, 23, 59, 59), Optional.of(ZoneOffset.UTC));

        public DateTimeValue {
            Objects.requireNonNull(dateTime, "dateTime");
            Objects.requireNonNull(offset, "offset");
        }

        /** Whether this is the unknown time ({@code 0001-01-01T00:00:00}). */
        public boolean isUnknown() {
            return dateTime.equals(UNKNOWN.dateTime);
        }

        /** Whether this is a time relative to boot (year 0001, other than the unknown time). */
        public boolean isRelative() {
            return dateTime.getYear() == 1 && !isUnknown();
        }

        /** Whether this is the infinite time ({@code 9999-12-31T23:59:59}). */
        public boolean isInfinite() {
            return dateTime.equals(INFINITE.dateTime);
        }

        /** The absolute instant, when the value has an offset and is neither unknown, relative nor infinite. */
        public Optional<Instant> toInstant() {
            if (offset.isEmpty() || dateTime.getYear() == 1 || isInfinite()) {
                return Optional.empty();
            }
            return Optional.of(dateTime.toInstant(offset.get()));
        }

        @Override
        public BaseType baseType() {
            return BaseType.DATE_TIME;
        }

        @Override
        public String wireText() {
            StringBuilder text = new StringBuilder(32);
            pad(text, dateTime.getYear(), 4).append('-');
            pad(text, dateTime.getMonthValue(), 2).append('-');
            pad(text, dateTime.getDayOfMonth(), 2).append('T');
            pad(text, dateTime.getHour(), 2).append(':');
            pad(text, dateTime.getMinute(), 2).append(':');
            pad(text, dateTime.getSecond(), 2);
            int nanos = dateTime.getNano();
            if (nanos != 0) {
                String fraction = String.format("%09d", nanos);
                int end = fraction.length();
                while (fraction.charAt(end - 1) == '0') {
                    end--;
                }
                text.append('.').append(fraction, 0, end);
            }
            offset.ifPresent(zone -> text.append(zone.getTotalSeconds() == 0 ? "Z" : zone.getId()));
            return text.toString();
        }

        private static StringBuilder pad(StringBuilder text, int value, int width) {
            String digits = Integer.toString(value);
            for (int i = digits.length(); i < width; i++) {
                text.append('0');
            }
            return text.append(digits);
        }
    }

    /** A {@code base64} value; {@link #bytes()} returns a copy. */
    record Base64Value(byte[] bytes) implements TypedValue {
        public Base64Value {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The number of decoded bytes. */
        public int length() {
            return bytes.length;
        }

        @Override
        public BaseType baseType() {
            return BaseType.BASE64;
        }

        @Override
        public String wireText() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Base64Value that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Base64Value[" + wireText() + "]";
        }
    }

    /** A {@code hexBinary} value; {@link #bytes()} returns a copy. */
    record HexBinaryValue(byte[] bytes) implements TypedValue {
        public HexBinaryValue {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The number of decoded bytes. */
        public int length() {
            return bytes.length;
        }

        @Override
        public BaseType baseType() {
            return BaseType.HEX_BINARY;
        }

        @Override
        public String wireText() {
            return HexFormat.of().formatHex(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HexBinaryValue that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "HexBinaryValue[" + wireText() + "]";
        }
    }

    /** A comma-separated list value (the TR-106 {@code list} facet); items are of the item base type. */
    record ListValue(BaseType baseType, List<TypedValue> items) implements TypedValue {
        public ListValue {
            Objects.requireNonNull(baseType, "baseType");
            items = List.copyOf(items);
        }

        @Override
        public String wireText() {
            StringBuilder text = new StringBuilder();
            for (TypedValue item : items) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(item.wireText());
            }
            return text.toString();
        }
    }
}
