package dev.cwmp.protocol.rpc;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * CWMP date-times ({@code xsd:dateTime}) as {@link Instant}s.
 *
 * <p>Read leniently: a time without a zone is UTC, fractions and offsets are honoured, and an empty or
 * unparseable value is TR-069's Unknown Time {@link #UNKNOWN} ({@code 0001-01-01T00:00:00Z}). Written
 * as ISO 8601 in UTC ({@code 2024-05-01T12:00:00Z}, with a fraction only when there is one).
 */
public final class CwmpTimes {
    /** TR-069's Unknown Time, 0001-01-01T00:00:00Z. */
    public static final Instant UNKNOWN = Instant.parse("0001-01-01T00:00:00Z");

    private CwmpTimes() {
    }

    /** Whether a time is the Unknown Time. */
    public static boolean isUnknown(Instant time) {
        return UNKNOWN.equals(time);
    }

    /** Formats as ISO 8601 UTC. */
    public static String format(Instant time) {
        return time.toString();
    }

    /** Parses leniently (see the class comment); never throws. */
    public static Instant parse(CharSequence text) {
        String value = text.toString().strip();
        if (value.isEmpty()) {
            return UNKNOWN;
        }
        Instant fast = parseFast(value);
        if (fast != null) {
            return fast;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value,
                    OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime) {
                return ((OffsetDateTime) parsed).toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return UNKNOWN;
        }
    }

    /** yyyy-MM-ddTHH:mm:ss[.fraction][Z|(+|-)HH[[:]mm]]; null when the text has another shape. */
    private static Instant parseFast(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            int scale = 100_000_000;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos += (s.charAt(i) - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start) {
                return null;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' && i + 1 == n) {
                offsetSeconds = 0;
            } else if (c == '+' || c == '-') {
                // +HH:MM, and the +HHMM and +HH some devices write
                int rest = n - i - 1;
                int oh = rest >= 2 ? digits(s, i + 1, i + 3) : -1;
                int om;
                if (rest == 5 && s.charAt(i + 3) == ':') {
                    om = digits(s, i + 4, i + 6);
                } else if (rest == 4) {
                    om = digits(s, i + 3, i + 5);
                } else if (rest == 2) {
                    om = 0;
                } else {
                    return null;
                }
                if ((oh | om) < 0 || oh > 18 || om > 59) {
                    return null;
                }
                offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
            } else {
                return null;
            }
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return UNKNOWN;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
