package dev.cwmp.datamodel.internal;

import dev.cwmp.datamodel.BaseType;
import dev.cwmp.datamodel.TypedValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The lexical rules of the TR-106 base types and of the named address types: parsing wire text to
 * {@link TypedValue}s, splitting lists, recognising IP and MAC addresses. Pure functions, no regex on
 * the hot paths.
 */
public final class ValueSyntax {

    private static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ValueSyntax() {
    }

    /** Thrown by {@link #parse} for an integer that is well formed but outside its base type's range. */
    public static final class OutOfRangeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        OutOfRangeException(String message) {
            super(message);
        }
    }

    /**
     * Parses one (non-list) value.
     *
     * @throws OutOfRangeException for an integer outside the base type's range
     * @throws IllegalArgumentException with the reason, for text that is not a value of the base type
     */
    public static TypedValue parse(BaseType type, String text) {
        switch (type) {
            case STRING:
                return new TypedValue.StringValue(text);
            case BOOLEAN:
                return new TypedValue.BooleanValue(parseBoolean(text));
            case INT: {
                long value = parseInteger(text, "int");
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new OutOfRangeException(text + " is outside the int range [-2147483648..2147483647]");
                }
                return new TypedValue.IntValue((int) value);
            }
            case UNSIGNED_INT: {
                long value = parseInteger(text, "unsignedInt");
                if (value < 0 || value > 0xFFFF_FFFFL) {
                    throw new OutOfRangeException(text + " is outside the unsignedInt range [0..4294967295]");
                }
                return new TypedValue.UnsignedIntValue(value);
            }
            case LONG:
                return new TypedValue.LongValue(parseInteger(text, "long"));
            case UNSIGNED_LONG: {
                BigInteger value = parseBigInteger(text, "unsignedLong");
                if (value.signum() < 0 || value.compareTo(UNSIGNED_LONG_MAX) > 0) {
                    throw new OutOfRangeException(
                            text + " is outside the unsignedLong range [0..18446744073709551615]");
                }
                return new TypedValue.UnsignedLongValue(value);
            }
            case DECIMAL:
                return new TypedValue.DecimalValue(parseDecimal(text));
            case DATE_TIME:
                return parseDateTime(text);
            case BASE64:
                return new TypedValue.Base64Value(parseBase64(text));
            case HEX_BINARY:
                return new TypedValue.HexBinaryValue(parseHex(text));
            default:
                throw new IllegalStateException("unhandled base type " + type);
        }
    }

    /** The numeric value of an integer or decimal value, or null for other values. */
    public static BigDecimal numberOf(TypedValue value) {
        if (value instanceof TypedValue.IntValue v) {
            return BigDecimal.valueOf(v.value());
        } else if (value instanceof TypedValue.UnsignedIntValue v) {
            return BigDecimal.valueOf(v.value());
        } else if (value instanceof TypedValue.LongValue v) {
            return BigDecimal.valueOf(v.value());
        } else if (value instanceof TypedValue.UnsignedLongValue v) {
            return new BigDecimal(v.value());
        } else if (value instanceof TypedValue.DecimalValue v) {
            return v.value();
        }
        return null;
    }

    /** Splits a TR-106 comma-separated list; whitespace around items is dropped; "" is the empty list. */
    public static List<String> splitList(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            String item = comma < 0 ? text.substring(start) : text.substring(start, comma);
            items.add(item.strip());
            if (comma < 0) {
                return items;
            }
            start = comma + 1;
        }
    }

    private static boolean parseBoolean(String text) {
        switch (text) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not a boolean (true, false, 1 or 0)");
        }
    }

    private static long parseInteger(String text, String typeName) {
        if (!isIntegerText(text)) {
            throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not an integer (" + typeName + ")");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new OutOfRangeException(abbreviate(text) + " is outside the " + typeName + " range");
        }
    }

    private static BigInteger parseBigInteger(String text, String typeName) {
        if (!isIntegerText(text)) {
            throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not an integer (" + typeName + ")");
        }
        if (text.length() > 40) {
            throw new OutOfRangeException(abbreviate(text) + " is outside the " + typeName + " range");
        }
        return new BigInteger(text.charAt(0) == '+' ? text.substring(1) : text);
    }

    private static boolean isIntegerText(String text) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal parseDecimal(String text) {
        int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        boolean ok = text.length() <= 100;
        for (; ok && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                ok = false;
            }
        }
        if (!ok || digits == 0) {
            throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not a decimal number");
        }
        return new BigDecimal(text);
    }

    /**
     * Parses {@code YYYY-MM-DDThh:mm:ss[.fraction][Z|(+|-)hh:mm]} (the XML Schema dateTime TR-106 uses).
     */
    private static TypedValue.DateTimeValue parseDateTime(String text) {
        String bad = "\"" + abbreviate(text) + "\" is not a dateTime (YYYY-MM-DDThh:mm:ss[.ffffff][Z|+hh:mm])";
        int n = text.length();
        if (n < 19 || n > 40 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            throw new IllegalArgumentException(bad);
        }
        int year = digits(text, 0, 4, bad);
        int month = digits(text, 5, 7, bad);
        int day = digits(text, 8, 10, bad);
        int hour = digits(text, 11, 13, bad);
        int minute = digits(text, 14, 16, bad);
        int second = digits(text, 17, 19, bad);
        int i = 19;
        int nanos = 0;
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException(bad);
            }
            String fraction = text.substring(start, Math.min(i, start + 9));
            nanos = Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
        }
        Optional<ZoneOffset> offset = Optional.empty();
        if (i < n) {
            char c = text.charAt(i);
            if (c == 'Z' && i + 1 == n) {
                offset = Optional.of(ZoneOffset.UTC);
            } else if ((c == '+' || c == '-') && i + 6 == n && text.charAt(i + 3) == ':') {
                int hours = digits(text, i + 1, i + 3, bad);
                int minutes = digits(text, i + 4, i + 6, bad);
                try {
                    offset = Optional.of(ZoneOffset.ofHoursMinutes(c == '-' ? -hours : hours,
                            c == '-' ? -minutes : minutes));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(bad);
                }
            } else {
                throw new IllegalArgumentException(bad);
            }
        }
        try {
            return new TypedValue.DateTimeValue(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(bad + ": " + e.getMessage());
        }
    }

    private static int digits(String text, int from, int to, String bad) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(bad);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static byte[] parseBase64(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        if (compact.length() % 4 != 0) {
            throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not base64: "
                    + compact.length() + " characters, not a multiple of 4");
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not base64: " + e.getMessage());
        }
    }

    private static byte[] parseHex(String text) {
        if (text.length() % 2 != 0) {
            throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not hexBinary: odd number of digits");
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not hexBinary: not a hex digit");
        }
    }

    /** Whether the text is an IPv4 address in dotted-decimal notation (no leading zeros beyond 3 digits). */
    public static boolean isIpv4(String text) {
        int n = text.length();
        if (n < 7 || n > 15) {
            return false;
        }
        int parts = 0;
        int i = 0;
        while (true) {
            int start = i;
            int value = 0;
            while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return false;
            }
            parts++;
            if (i == n) {
                return parts == 4;
            }
            if (text.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
        }
    }

    /**
     * Whether the text is an IPv6 address in one of the RFC 4291 section 2.2 forms (full, compressed with
     * "::", or with an embedded dotted IPv4 tail); zone identifiers are not allowed.
     */
    public static boolean isIpv6(String text) {
        int n = text.length();
        if (n < 2 || n > 45) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (text.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == n) {
                return true;
            }
        } else if (text.charAt(0) == ':') {
            return false;
        }
        while (i < n) {
            int start = i;
            while (i < n && isHex(text.charAt(i)) && i - start < 5) {
                i++;
            }
            if (i < n && text.charAt(i) == '.') {
                // embedded IPv4 tail: takes the place of two groups
                if (!isIpv4(text.substring(start))) {
                    return false;
                }
                groups += 2;
                i = n;
                break;
            }
            int length = i - start;
            if (length == 0 || length > 4) {
                return false;
            }
            groups++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < n && text.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
            } else if (i == n) {
                return false;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    /**
     * Whether the text is a CIDR prefix {@code address/length}; the address part may be empty ("/n"),
     * as TR-106 allows.
     */
    public static boolean isPrefix(String text, boolean ipv6) {
        int slash = text.lastIndexOf('/');
        if (slash < 0 || slash == text.length() - 1 || text.length() - slash > 4) {
            return false;
        }
        int length = 0;
        for (int i = slash + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            length = length * 10 + (c - '0');
        }
        String address = text.substring(0, slash);
        if (ipv6) {
            return length <= 128 && (address.isEmpty() || isIpv6(address));
        }
        return length <= 32 && (address.isEmpty() || isIpv4(address));
    }

    /** Whether the text is a MAC address: six pairs of hex digits separated by colons. */
    public static boolean isMac(String text) {
        if (text.length() != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = text.charAt(i);
            if (i % 3 == 2 ? c != ':' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
