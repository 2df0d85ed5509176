package dev.cwmp.nbi;

import dev.cwmp.session.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How NBI clients prove who they are, chosen explicitly when the server is built: a bearer token
 * ({@code Authorization: Bearer <token>}), Basic credentials, or nothing at all ({@link #open()},
 * which the server accepts only on a loopback address). Credentials are compared in constant time
 * (digests of equal length); {@link #toString()} never shows them.
 */
public final class NbiAuthentication {

    private enum Kind { BEARER, BASIC, OPEN }

    private final Kind kind;
    private final byte[] expectedDigest;

    private NbiAuthentication(Kind kind, byte[] expectedDigest) {
        this.kind = kind;
        this.expectedDigest = expectedDigest;
    }

    /** Clients send {@code Authorization: Bearer <token>}; the token must not be empty. */
    public static NbiAuthentication bearerToken(Secret token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the NBI token must not be empty");
        }
        byte[] utf8 = token.toUtf8();
        try {
            return new NbiAuthentication(Kind.BEARER, sha256(utf8));
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** Clients send {@code Authorization: Basic base64(user:password)}; the password must not be empty. */
    public static NbiAuthentication basic(String user, Secret password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the NBI user name must be non-empty and without ':'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the NBI password must not be empty");
        }
        byte[] name = (user + ":").getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.toUtf8();
        byte[] joined = new byte[name.length + secret.length];
        System.arraycopy(name, 0, joined, 0, name.length);
        System.arraycopy(secret, 0, joined, name.length, secret.length);
        try {
            return new NbiAuthentication(Kind.BASIC, sha256(joined));
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(joined, (byte) 0);
        }
    }

    /** No authentication: every request is accepted. Only allowed when the server binds to loopback. */
    public static NbiAuthentication open() {
        return new NbiAuthentication(Kind.OPEN, new byte[0]);
    }

    /** Whether every request is accepted. */
    public boolean isOpen() {
        return kind == Kind.OPEN;
    }

    /**
     * Whether a request with this {@code Authorization} header value is let in. The comparison
     * takes the same time wherever the credential differs.
     */
    public boolean accepts(Optional<String> authorization) {
        if (kind == Kind.OPEN) {
            return true;
        }
        if (authorization.isEmpty()) {
            return false;
        }
        String header = authorization.get().strip();
        String scheme = kind == Kind.BEARER ? "Bearer " : "Basic ";
        if (!header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return false;
        }
        String credential = header.substring(scheme.length()).strip();
        byte[] presented;
        if (kind == Kind.BEARER) {
            presented = credential.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                presented = Base64.getDecoder().decode(credential);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        try {
            return MessageDigest.isEqual(sha256(presented), expectedDigest);
        } finally {
            Arrays.fill(presented, (byte) 0);
        }
    }

    /** The {@code WWW-Authenticate} challenge sent with a 401. */
    public String challenge() {
        return kind == Kind.BASIC ? "Basic realm=\"cwmp-nbi\", charset=\"UTF-8\"" : "Bearer realm=\"cwmp-nbi\"";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "NbiAuthentication[" + kind.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
