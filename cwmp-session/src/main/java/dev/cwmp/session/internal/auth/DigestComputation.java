package dev.cwmp.session.internal.auth;

import dev.cwmp.session.auth.DigestAlgorithm;
import dev.cwmp.session.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** The RFC 7616 section 3.4.1 formulas (qop=auth), shared by the server and the client side. */
public final class DigestComputation {

    private DigestComputation() {
    }

    /** {@code H(data)} as lower-case hex. */
    public static String hash(DigestAlgorithm algorithm, String data) {
        return HexFormat.of().formatHex(newDigest(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** HA1: {@code H(username:realm:password)}, then for -sess {@code H(that:nonce:cnonce)}. */
    public static String ha1(DigestAlgorithm algorithm, String username, String realm, Secret password,
            String nonce, String cnonce) {
        MessageDigest digest = newDigest(algorithm);
        digest.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        byte[] secret = password.toUtf8();
        try {
            digest.update(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        String ha1 = HexFormat.of().formatHex(digest.digest());
        return algorithm.isSessionVariant() ? hash(algorithm, ha1 + ":" + nonce + ":" + cnonce) : ha1;
    }

    /** The request-digest with qop=auth: {@code KD(HA1, nonce:nc:cnonce:qop:H(method:uri))}. */
    public static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc,
            String cnonce, String qop, String method, String uri) {
        String ha2 = hash(algorithm, method + ":" + uri);
        return hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** The RFC 2069 request-digest without qop: {@code KD(HA1, nonce:H(method:uri))}. */
    public static String responseWithoutQop(DigestAlgorithm algorithm, String ha1, String nonce,
            String method, String uri) {
        return hash(algorithm, ha1 + ":" + nonce + ":" + hash(algorithm, method + ":" + uri));
    }

    private static MessageDigest newDigest(DigestAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.messageDigestName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm.messageDigestName(), e);
        }
    }
}
