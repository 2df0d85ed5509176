package dev.cwmp.session.internal.engine;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Ids drawn from the random source at once, per thread: one call per this many sessions. */
    static final int IDS_PER_DRAW = 64;

    private final SecureRandom random;
    /** Each thread's unused random bytes: no lock of ours, and the source's own lock 64 times less often. */
    private final ThreadLocal<Pool> pools = ThreadLocal.withInitial(Pool::new);

    public SessionCookies(SecureRandom random) {
        this.random = random;
    }

    private static final class Pool {
        final byte[] bytes = new byte[16 * IDS_PER_DRAW];
        int next = bytes.length;
    }

    /**
     * A fresh session id: 128 random bits, URL- and cookie-safe. The bits come from the random
     * source 64 ids at a time per thread: the JDK's default (NativePRNG) serializes every call on
     * one global lock, and one call per session made the ACS's threads queue there under load.
     */
    public String newSessionId() {
        Pool pool = pools.get();
        if (pool.next == pool.bytes.length) {
            random.nextBytes(pool.bytes);
            pool.next = 0;
        }
        byte[] bytes = Arrays.copyOfRange(pool.bytes, pool.next, pool.next + 16);
        Arrays.fill(pool.bytes, pool.next, pool.next + 16, (byte) 0); // handed out once, not kept
        pool.next += 16;
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
