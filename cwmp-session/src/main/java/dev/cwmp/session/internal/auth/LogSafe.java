package dev.cwmp.session.internal.auth;

/** Makes client-supplied text safe for a log line: no control characters, bounded length. */
public final class LogSafe {

    private static final int MAX = 128;

    private LogSafe() {
    }

    /** {@code text} with control characters replaced by {@code ?} and cut to 128 characters. */
    public static String of(String text) {
        int length = Math.min(text.length(), MAX);
        StringBuilder b = new StringBuilder(length + 3);
        for (int k = 0; k < length; k++) {
            char c = text.charAt(k);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX) {
            b.append("...");
        }
        return b.toString();
    }
}
