package dev.cwmp.session.connreq;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cwmp.session.testing.IndependentDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WireMock transformer acting as a CPE's Digest-protected connection request endpoint: without
 * credentials it answers 401 with its challenges; with credentials it recomputes the response hash
 * (with {@link IndependentDigest}, sharing no code with the requester) and answers the stub's own
 * response only if the hash is right, else 401. So a wrong hash fails the test.
 */
final class DigestVerifyingDevice implements ResponseDefinitionTransformerV2 {

    static final String NAME = "digest-verifying-device";
    static final String REALM = "IGD";
    static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
    static final String OPAQUE = "5ccc069c403ebaf9f0171e9517f40e41";

    private final String username;
    private final String password;
    private final List<String> challenges;
    /** Whether each credentialed request had a correct response hash, in order. */
    final List<Boolean> verdicts = new CopyOnWriteArrayList<>();

    DigestVerifyingDevice(String username, String password, List<String> challenges) {
        this.username = username;
        this.password = password;
        this.challenges = List.copyOf(challenges);
    }

    static DigestVerifyingDevice offering(String username, String password, String... algorithms) {
        List<String> challenges = java.util.Arrays.stream(algorithms)
                .map(a -> "Digest realm=\"" + REALM + "\", qop=\"auth\"" + (a.isEmpty() ? "" : ", algorithm=" + a)
                        + ", nonce=\"" + NONCE + "\", opaque=\"" + OPAQUE + "\"")
                .toList();
        return new DigestVerifyingDevice(username, password, challenges);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Digest ")) {
            return challenge(serveEvent);
        }
        boolean correct = verify(IndependentDigest.params(authorization), request);
        verdicts.add(correct);
        return correct ? serveEvent.getResponseDefinition() : challenge(serveEvent);
    }

    private boolean verify(Map<String, String> p, LoggedRequest request) {
        String algorithm = p.getOrDefault("algorithm", "MD5");
        if (!username.equals(p.get("username")) || !REALM.equals(p.get("realm")) || !NONCE.equals(p.get("nonce"))
                || !OPAQUE.equals(p.get("opaque")) || !"auth".equals(p.get("qop"))
                || !request.getUrl().equals(p.get("uri")) || p.get("cnonce") == null || p.get("nc") == null) {
            return false;
        }
        String expected = IndependentDigest.response(IndependentDigest.javaName(algorithm), username, REALM, password,
                request.getMethod().getName(), p.get("uri"), NONCE, p.get("nc"), p.get("cnonce"));
        return expected.equals(p.get("response"));
    }

    private ResponseDefinition challenge(ServeEvent serveEvent) {
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                .withStatus(401)
                .withHeader("WWW-Authenticate", challenges.toArray(String[]::new))
                .build();
    }
}
