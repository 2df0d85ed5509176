package dev.cwmp.session.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately plain, separate implementation of the RFC 7616 formulas (qop=auth), used by the
 * tests as the client (or server) on the other side, so that the production code is checked against
 * something it shares no code with.
 */
public final class IndependentDigest {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    private IndependentDigest() {
    }

    /** Lower-case hex of {@code javaAlgorithm(text)}. */
    public static String h(String javaAlgorithm, String text) {
        try {
            byte[] digest = MessageDigest.getInstance(javaAlgorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The request-digest for qop=auth, non-session algorithm. */
    public static String response(String javaAlgorithm, String user, String realm, String password,
            String method, String uri, String nonce, String nc, String cnonce) {
        String ha1 = h(javaAlgorithm, user + ":" + realm + ":" + password);
        String ha2 = h(javaAlgorithm, method + ":" + uri);
        return h(javaAlgorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
    }

    /** The parameters of a Digest challenge or credentials header (simple regex, test use only). */
    public static Map<String, String> params(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header.substring(header.indexOf(' ') + 1));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return params;
    }

    /** The Java MessageDigest name for a Digest algorithm token. */
    public static String javaName(String token) {
        return token.toUpperCase().startsWith("SHA-256") ? "SHA-256" : "MD5";
    }

    /** An Authorization header answering {@code challenge} for the given request, with nonce count {@code nc}. */
    public static String authorization(String challenge, String user, String password, String method, String uri,
            String nc, String cnonce) {
        Map<String, String> c = params(challenge);
        String algorithm = c.getOrDefault("algorithm", "MD5");
        String response = response(javaName(algorithm), user, c.get("realm"), password, method, uri,
                c.get("nonce"), nc, cnonce);
        return "Digest username=\"" + user + "\", realm=\"" + c.get("realm") + "\", nonce=\"" + c.get("nonce")
                + "\", uri=\"" + uri + "\", algorithm=" + algorithm + ", qop=auth, nc=" + nc + ", cnonce=\""
                + cnonce + "\", response=\"" + response + "\", opaque=\"" + c.get("opaque") + "\"";
    }
}
