package dev.cwmp.session.internal.connreq;

import dev.cwmp.session.auth.DigestAlgorithm;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.internal.auth.AuthHeader;
import dev.cwmp.session.internal.auth.DigestComputation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Picks the challenge to answer among a CPE's {@code WWW-Authenticate} headers and builds the answer. */
final class DigestChallengeResponder {

    /** The preference among Digest algorithms: SHA-256 first. */
    private static final List<DigestAlgorithm> PREFERENCE = List.of(
            DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_256_SESS, DigestAlgorithm.MD5, DigestAlgorithm.MD5_SESS);

    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestChallengeResponder() {
    }

    /** The Authorization value answering the best challenge, or empty when none can be answered. */
    static Optional<String> answer(List<String> wwwAuthenticate, boolean basicAllowed, String method,
            String requestTarget, String username, Secret password) {
        List<AuthHeader> challenges = new ArrayList<>();
        for (String value : wwwAuthenticate) {
            try {
                challenges.addAll(AuthHeader.parseAll(value));
            } catch (AuthHeader.MalformedException e) {
                // ignore a header we cannot read; another may do
            }
        }
        for (DigestAlgorithm algorithm : PREFERENCE) {
            for (AuthHeader challenge : challenges) {
                if (challenge.hasScheme("Digest") && algorithmOf(challenge).equals(Optional.of(algorithm))
                        && challenge.param("nonce").isPresent()) {
                    Optional<String> answer = digest(challenge, algorithm, method, requestTarget, username, password);
                    if (answer.isPresent()) {
                        return answer;
                    }
                }
            }
        }
        if (basicAllowed && username.indexOf(':') < 0) {
            for (AuthHeader challenge : challenges) {
                if (challenge.hasScheme("Basic")) {
                    return Optional.of(basic(username, password));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<DigestAlgorithm> algorithmOf(AuthHeader challenge) {
        return challenge.param("algorithm").map(DigestAlgorithm::fromToken).orElse(Optional.of(DigestAlgorithm.MD5));
    }

    private static Optional<String> digest(AuthHeader challenge, DigestAlgorithm algorithm, String method,
            String uri, String username, Secret password) {
        String realm = challenge.param("realm").orElse("");
        String nonce = challenge.param("nonce").orElseThrow();
        Optional<String> qopOffered = challenge.param("qop");
        boolean auth = qopOffered.map(q -> Arrays.stream(q.split(","))
                .anyMatch(t -> t.trim().equalsIgnoreCase("auth"))).orElse(false);
        if (qopOffered.isPresent() && !auth) {
            return Optional.empty(); // only auth-int offered: not supported
        }
        byte[] cnonceBytes = new byte[16];
        RANDOM.nextBytes(cnonceBytes);
        String cnonce = HexFormat.of().formatHex(cnonceBytes);
        String nc = "00000001";
        if (algorithm.isSessionVariant() && !auth) {
            return Optional.empty(); // -sess needs a cnonce, hence qop
        }
        String ha1 = DigestComputation.ha1(algorithm, username, realm, password, nonce, cnonce);
        StringBuilder b = new StringBuilder("Digest username=\"").append(quote(username))
                .append("\", realm=\"").append(quote(realm))
                .append("\", nonce=\"").append(quote(nonce))
                .append("\", uri=\"").append(quote(uri)).append('"');
        if (challenge.param("algorithm").isPresent()) {
            b.append(", algorithm=").append(algorithm.token());
        }
        if (auth) {
            String response = DigestComputation.response(algorithm, ha1, nonce, nc, cnonce, "auth", method, uri);
            b.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce)
                    .append("\", response=\"").append(response).append('"');
        } else {
            String response = DigestComputation.responseWithoutQop(algorithm, ha1, nonce, method, uri);
            b.append(", response=\"").append(response).append('"');
        }
        challenge.param("opaque").ifPresent(opaque -> b.append(", opaque=\"").append(quote(opaque)).append('"'));
        return Optional.of(b.toString());
    }

    private static String basic(String username, Secret password) {
        char[] secret = password.toCharArray();
        char[] userPass = new char[username.length() + 1 + secret.length];
        username.getChars(0, username.length(), userPass, 0);
        userPass[username.length()] = ':';
        System.arraycopy(secret, 0, userPass, username.length() + 1, secret.length);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(userPass));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        String encoded = Base64.getEncoder().encodeToString(raw);
        Arrays.fill(secret, '\0');
        Arrays.fill(userPass, '\0');
        Arrays.fill(raw, (byte) 0);
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return "Basic " + encoded;
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
