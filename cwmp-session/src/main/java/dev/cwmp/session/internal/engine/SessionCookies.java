package dev.cwmp.session.internal.engine;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The session cookie: 128 random bits, written {@code Path=/; HttpOnly} (and {@code Secure} over
 * TLS), and read tolerantly: CPEs send back the whole Set-Cookie value with its attributes, use
 * {@code ,} instead of {@code ;} between cookies, or send several cookies of the same name (a stale
 * one among them).
 */
public final class SessionCookies {

    /** The cookie's name. */
    public static final String NAME = "cwmp_session";

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    /** 128 bits in 6-bit characters: 22 characters. */
    static final int ID_LENGTH = 22;

    private final SecureRandom random;

    public SessionCookies(SecureRandom random) {
        this.random = random;
    }

    /** A fresh session id: 128 random bits, URL- and cookie-safe. */
    public String newSessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // 16 bytes = 128 bits, written 6 bits at a time: the last character carries the remaining 2 bits.
        char[] out = new char[ID_LENGTH];
        int acc = 0;
        int bits = 0;
        int n = 0;
        for (byte b : bytes) {
            acc = (acc << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                out[n++] = ALPHABET[(acc >> bits) & 0x3F];
            }
        }
        out[n++] = ALPHABET[(acc << (6 - bits)) & 0x3F];
        return new String(out, 0, n);
    }

    /** The Set-Cookie header value for a session id. */
    public static String setCookieValue(String sessionId, boolean secure) {
        return NAME + "=" + sessionId + "; Path=/; HttpOnly" + (secure ? "; Secure" : "");
    }

    /**
     * Every well-formed session id found in the request's Cookie headers, in order. Attributes
     * ({@code Path}, {@code Domain}, ...) and other cookies are ignored; {@code ;} and {@code ,} both
     * separate cookies; values may be quoted.
     */
    public static List<String> sessionIds(List<String> cookieHeaders) {
        List<String> ids = new ArrayList<>(1);
        for (String header : cookieHeaders) {
            int start = 0;
            int len = header.length();
            while (start < len) {
                int end = start;
                while (end < len && header.charAt(end) != ';' && header.charAt(end) != ',') {
                    end++;
                }
                String token = header.substring(start, end).trim();
                int eq = token.indexOf('=');
                if (eq > 0 && token.substring(0, eq).trim().equals(NAME)) {
                    String value = token.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                        value = value.substring(1, value.length() - 1);
                    }
                    if (isWellFormed(value) && !ids.contains(value)) {
                        ids.add(value);
                    }
                }
                start = end + 1;
            }
        }
        return ids;
    }

    static boolean isWellFormed(String id) {
        if (id.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
