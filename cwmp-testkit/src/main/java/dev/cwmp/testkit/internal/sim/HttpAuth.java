package dev.cwmp.testkit.internal.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** HTTP Basic (RFC 7617) and Digest (RFC 7616, qop=auth, MD5 and SHA-256) for both sides of the simulator. */
public final class HttpAuth {

    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpAuth() {
    }

    /** One parsed challenge or credentials header: scheme and parameters (names lower-cased). */
    public record Header(String scheme, Map<String, String> params) {
        public Optional<String> param(String name) {
            return Optional.ofNullable(params.get(name));
        }
    }

    /** Parses {@code Scheme k=v, k="v"}; empty when malformed. */
    public static Optional<Header> parse(String value) {
        String s = value.strip();
        int space = s.indexOf(' ');
        String scheme = space < 0 ? s : s.substring(0, space);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (scheme.equalsIgnoreCase("Basic")) {
            if (space > 0) {
                params.put("token", s.substring(space + 1).strip());
            }
            return Optional.of(new Header("Basic", params));
        }
        int i = space < 0 ? s.length() : space + 1;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String v;
            if (i < s.length() && s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                i++;
                v = sb.toString();
            } else {
                int comma = s.indexOf(',', i);
                int end = comma < 0 ? s.length() : comma;
                v = s.substring(i, end).strip();
                i = end;
            }
            params.put(name, v);
        }
        return Optional.of(new Header(scheme.equalsIgnoreCase("Digest") ? "Digest" : scheme, params));
    }

    /** The Basic credentials header value. */
    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers the strongest challenge the simulator can among {@code challenges} (Digest SHA-256, Digest MD5,
     * Basic), or empty when none is usable.
     */
    public static Optional<String> answer(List<String> challenges, String method, String uri, String username,
            String password, int nonceCount) {
        Header best = null;
        int bestRank = 0;
        for (String c : challenges) {
            Optional<Header> h = parse(c);
            if (h.isEmpty()) {
                continue;
            }
            int rank = rank(h.get());
            if (rank > bestRank) {
                best = h.get();
                bestRank = rank;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (best.scheme().equals("Basic")) {
            return Optional.of(basic(username, password));
        }
        String algorithm = best.param("algorithm").orElse("MD5");
        String realm = best.param("realm").orElse("");
        String nonce = best.param("nonce").orElse("");
        boolean qop = best.param("qop").isPresent();
        String cnonce = HexFormat.of().formatHex(randomBytes(8));
        String nc = String.format("%08x", nonceCount);
        String ha1 = hash(algorithm, username + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = qop ? hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
        StringBuilder b = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append('"');
        if (best.param("algorithm").isPresent()) {
            b.append(", algorithm=").append(algorithm);
        }
        best.param("opaque").ifPresent(o -> b.append(", opaque=\"").append(o).append('"'));
        if (qop) {
            b.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        return Optional.of(b.toString());
    }

    private static int rank(Header h) {
        if (h.scheme().equals("Basic")) {
            return 1;
        }
        if (!h.scheme().equals("Digest")) {
            return 0;
        }
        Optional<String> qop = h.param("qop");
        if (qop.isPresent() && !List.of(qop.get().replace(" ", "").split(",")).contains("auth")) {
            return 0;
        }
        String algorithm = h.param("algorithm").orElse("MD5").toUpperCase(Locale.ROOT);
        return algorithm.equals("SHA-256") ? 3 : algorithm.equals("MD5") ? 2 : 0;
    }

    /** A fresh server nonce. */
    public static String newNonce() {
        return HexFormat.of().formatHex(randomBytes(16));
    }

    /** A Digest challenge (qop=auth) for the algorithm ({@code MD5} or {@code SHA-256}). */
    public static String challenge(String realm, String nonce, String algorithm) {
        return "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce + "\", algorithm=" + algorithm;
    }

    /** Checks Digest credentials against a user, a password and the nonce the server issued. */
    public static boolean verifyDigest(Header h, String method, String username, String password, String realm,
            String nonce) {
        if (!h.scheme().equals("Digest")) {
            return false;
        }
        String algorithm = h.param("algorithm").orElse("MD5");
        if (!algorithm.equalsIgnoreCase("MD5") && !algorithm.equalsIgnoreCase("SHA-256")) {
            return false;
        }
        if (!h.param("username").orElse("").equals(username) || !h.param("realm").orElse("").equals(realm)
                || !h.param("nonce").orElse("").equals(nonce)) {
            return false;
        }
        String uri = h.param("uri").orElse("");
        String ha1 = hash(algorithm, username + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String expected = h.param("qop").isPresent()
                ? hash(algorithm, ha1 + ":" + nonce + ":" + h.param("nc").orElse("") + ":"
                        + h.param("cnonce").orElse("") + ":" + h.param("qop").get() + ":" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                h.param("response").orElse("").getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String algorithm, String text) {
        try {
            String name = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5 and SHA-256", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
