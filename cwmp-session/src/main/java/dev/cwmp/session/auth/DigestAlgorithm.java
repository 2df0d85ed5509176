package dev.cwmp.session.auth;

import java.util.Locale;
import java.util.Optional;

/** The HTTP Digest algorithms of RFC 7616 that this module speaks. */
public enum DigestAlgorithm {
    /** {@code SHA-256}: preferred. */
    SHA_256("SHA-256", "SHA-256", false),
    /** {@code SHA-256-sess}. */
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    /** {@code MD5}: what most CPEs speak; also the meaning of an absent algorithm parameter. */
    MD5("MD5", "MD5", false),
    /** {@code MD5-sess}. */
    MD5_SESS("MD5-sess", "MD5", true);

    private final String token;
    private final String javaName;
    private final boolean session;

    DigestAlgorithm(String token, String javaName, boolean session) {
        this.token = token;
        this.javaName = javaName;
        this.session = session;
    }

    /** The name on the wire, e.g. {@code SHA-256}. */
    public String token() {
        return token;
    }

    /** The {@link java.security.MessageDigest} algorithm name. */
    public String messageDigestName() {
        return javaName;
    }

    /** Whether this is a {@code -sess} variant (HA1 also covers nonce and cnonce). */
    public boolean isSessionVariant() {
        return session;
    }

    /** The algorithm named {@code token}, ignoring case (CPEs send {@code md5}). */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        String wanted = token.trim().toLowerCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
