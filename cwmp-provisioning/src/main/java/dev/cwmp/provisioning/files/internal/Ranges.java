package dev.cwmp.provisioning.files.internal;

import java.util.Locale;

/** A {@code Range} request header, for one byte range (RFC 9110 section 14). */
public final class Ranges {

    private Ranges() {
    }

    /** What to send: the whole content, one range (both ends inclusive), or 416. */
    public record Result(boolean partial, boolean unsatisfiable, long first, long last) {

        static Result whole() {
            return new Result(false, false, 0, -1);
        }

        static Result range(long first, long last) {
            return new Result(true, false, first, last);
        }

        static Result none() {
            return new Result(false, true, 0, -1);
        }
    }

    /**
     * The range of a content of {@code length} bytes a header asks for. A header that is not one
     * valid byte range (a syntax error, another unit, several ranges) is ignored: the whole content.
     */
    public static Result parse(String header, long length) {
        String h = header.strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return Result.whole();
        }
        String spec = h.substring("bytes=".length()).strip();
        if (spec.contains(",")) {
            return Result.whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Result.whole();
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            long suffix = number(to);
            if (suffix == -1) {
                return Result.whole();
            }
            if (suffix == 0 || length == 0) {
                return Result.none();
            }
            return Result.range(Math.max(0, length - suffix), length - 1);
        }
        long first = number(from);
        if (first == -1) {
            return Result.whole();
        }
        long last;
        if (to.isEmpty()) {
            last = Long.MAX_VALUE;
        } else {
            last = number(to);
            if (last == -1 || last < first) {
                return Result.whole();
            }
        }
        if (first >= length) {
            return Result.none();
        }
        return Result.range(first, Math.min(last, length - 1));
    }

    /** A non-negative decimal number (too large: Long.MAX_VALUE), or -1 when it is not one. */
    private static long number(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
