package dev.cwmp.session.internal.auth;

import dev.cwmp.session.auth.CpeAuthRequest;
import dev.cwmp.session.auth.CpeAuthResult;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.DigestAlgorithm;
import dev.cwmp.session.auth.DigestOptions;
import dev.cwmp.session.auth.RejectionReason;
import dev.cwmp.session.auth.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic (RFC 7617) and/or Digest (RFC 7616) against a {@link CpeCredentials}.
 *
 * <p>Digest: qop=auth only, a nonce per challenge from {@link NonceService}, the nonce count must
 * increase per nonce, an expired or forgotten nonce is answered with a fresh challenge and
 * {@code stale=true}. Passwords and hashes are compared in constant time; an unknown user costs the
 * same work as a known one.
 */
public final class PasswordAuthenticator implements CpeAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cwmp.session.auth");
    private static final Secret DUMMY_PASSWORD = Secret.of("not-a-real-password-0123456789");

    private final CpeCredentials credentials;
    private final Optional<DigestOptions> digest;
    private final Optional<NonceService> nonces;
    private final boolean basicAllowed;
    private final String realm;
    private final String opaque;

    public PasswordAuthenticator(CpeCredentials credentials, Optional<DigestOptions> digest,
            boolean basicAllowed, String realm) {
        if (digest.isEmpty() && !basicAllowed) {
            throw new IllegalArgumentException("neither Digest nor Basic enabled");
        }
        this.credentials = credentials;
        this.digest = digest;
        this.nonces = digest.map(o -> new NonceService(o.clock(), o.nonceLifetime(), o.maxTrackedNonces()));
        this.basicAllowed = basicAllowed;
        this.realm = checkRealm(realm);
        byte[] opaqueBytes = new byte[16];
        new SecureRandom().nextBytes(opaqueBytes);
        this.opaque = Base64.getUrlEncoder().withoutPadding().encodeToString(opaqueBytes);
    }

    @Override
    public CpeAuthResult authenticate(CpeAuthRequest request) {
        Optional<AuthHeader> chosen = Optional.empty();
        boolean malformed = false;
        String otherScheme = null;
        for (String value : request.authorizationHeaders()) {
            AuthHeader header;
            try {
                header = AuthHeader.parseOne(value);
            } catch (AuthHeader.MalformedException e) {
                malformed = true;
                continue;
            }
            if ((header.hasScheme("Digest") && digest.isPresent()) || (header.hasScheme("Basic") && basicAllowed)) {
                chosen = Optional.of(header);
                break;
            }
            otherScheme = header.scheme();
        }
        if (chosen.isEmpty()) {
            if (malformed) {
                return reject(request, RejectionReason.MALFORMED_CREDENTIALS, "");
            }
            if (otherScheme != null) {
                return reject(request, RejectionReason.UNSUPPORTED_SCHEME, "scheme " + LogSafe.of(otherScheme));
            }
            LOG.debug("CPE authentication: challenging request without credentials from {}", request.peerAddress());
            return new CpeAuthResult.Challenge(challenges(false));
        }
        AuthHeader header = chosen.get();
        return header.hasScheme("Digest") ? authenticateDigest(request, header) : authenticateBasic(request, header);
    }

    private CpeAuthResult authenticateBasic(CpeAuthRequest request, AuthHeader header) {
        if (header.token68().isEmpty()) {
            return reject(request, RejectionReason.MALFORMED_CREDENTIALS, "Basic without token68");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.token68().get());
        } catch (IllegalArgumentException e) {
            return reject(request, RejectionReason.MALFORMED_CREDENTIALS, "Basic credentials not base64");
        }
        char[] userPass;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded));
            userPass = new char[chars.remaining()];
            chars.get(userPass);
            Arrays.fill(chars.array(), '\0');
        } catch (CharacterCodingException e) {
            return reject(request, RejectionReason.MALFORMED_CREDENTIALS, "Basic credentials not UTF-8");
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        int colon = -1;
        for (int k = 0; k < userPass.length; k++) {
            if (userPass[k] == ':') {
                colon = k;
                break;
            }
        }
        if (colon < 0) {
            Arrays.fill(userPass, '\0');
            return reject(request, RejectionReason.MALFORMED_CREDENTIALS, "Basic credentials without ':'");
        }
        String username = new String(userPass, 0, colon);
        Secret presented = Secret.of(Arrays.copyOfRange(userPass, colon + 1, userPass.length));
        Arrays.fill(userPass, '\0');

        Optional<CpeCredential> credential = credentials.lookup(username, request);
        Secret expected = credential.map(CpeCredential::password).orElse(DUMMY_PASSWORD);
        boolean passwordMatches = hashedEquals(presented, expected);
        if (credential.isEmpty()) {
            return reject(request, RejectionReason.UNKNOWN_USER, "user " + LogSafe.of(username));
        }
        if (!passwordMatches) {
            return reject(request, RejectionReason.INVALID_CREDENTIALS, "user " + LogSafe.of(username));
        }
        return authenticated(request, credential.get(), "Basic");
    }

    private CpeAuthResult authenticateDigest(CpeAuthRequest request, AuthHeader header) {
        DigestOptions options = digest.orElseThrow();
        NonceService nonceService = nonces.orElseThrow();
        Optional<String> username = header.param("username");
        Optional<String> headerRealm = header.param("realm");
        Optional<String> nonce = header.param("nonce");
        Optional<String> uri = header.param("uri");
        Optional<String> response = header.param("response");
        Optional<String> qop = header.param("qop");
        Optional<String> nc = header.param("nc");
        Optional<String> cnonce = header.param("cnonce");
        String who = "user " + LogSafe.of(username.orElse("?"));
        if (username.isEmpty() || headerRealm.isEmpty() || nonce.isEmpty() || uri.isEmpty()
                || response.isEmpty() || qop.isEmpty() || nc.isEmpty() || cnonce.isEmpty()) {
            return reject(request, RejectionReason.MALFORMED_CREDENTIALS, who + ", Digest parameter missing");
        }
        Optional<DigestAlgorithm> algorithm = header.param("algorithm")
                .map(DigestAlgorithm::fromToken)
                .orElse(Optional.of(DigestAlgorithm.MD5));
        if (algorithm.isEmpty() || !options.algorithms().contains(algorithm.get())) {
            return reject(request, RejectionReason.UNSUPPORTED_SCHEME,
                    who + ", algorithm " + LogSafe.of(header.param("algorithm").orElse("MD5")));
        }
        if (!qop.get().trim().equalsIgnoreCase("auth")) {
            return reject(request, RejectionReason.UNSUPPORTED_SCHEME, who + ", qop " + LogSafe.of(qop.get()));
        }
        long nonceCount = NonceService.parseNonceCount(nc.get().trim());
        if (nonceCount < 0) {
            return reject(request, RejectionReason.MALFORMED_CREDENTIALS, who + ", bad nc");
        }
        NonceService.Status nonceStatus = nonceService.check(nonce.get());
        if (nonceStatus == NonceService.Status.FORGED) {
            return reject(request, RejectionReason.INVALID_NONCE, who);
        }
        if (header.param("opaque").isPresent() && !header.param("opaque").get().equals(opaque)) {
            return reject(request, RejectionReason.INVALID_NONCE, who + ", opaque mismatch");
        }
        if (!headerRealm.get().equals(realm)) {
            return reject(request, RejectionReason.INVALID_CREDENTIALS, who + ", realm mismatch");
        }
        if (!uriMatches(uri.get(), request.requestUri())) {
            return reject(request, RejectionReason.INVALID_CREDENTIALS, who + ", uri mismatch");
        }

        Optional<CpeCredential> credential = credentials.lookup(username.get(), request);
        Secret password = credential.map(CpeCredential::password).orElse(DUMMY_PASSWORD);
        String ha1 = DigestComputation.ha1(algorithm.get(), username.get(), realm, password, nonce.get(), cnonce.get());
        String expected = DigestComputation.response(algorithm.get(), ha1, nonce.get(), nc.get().trim(),
                cnonce.get(), qop.get().trim(), request.method(), uri.get());
        boolean responseMatches = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                response.get().trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (credential.isEmpty()) {
            return reject(request, RejectionReason.UNKNOWN_USER, who);
        }
        if (!responseMatches) {
            return reject(request, RejectionReason.INVALID_CREDENTIALS, who + ", wrong Digest response");
        }
        if (nonceStatus == NonceService.Status.STALE) {
            LOG.debug("CPE authentication: stale nonce from {} at {}, challenging again", who, request.peerAddress());
            return new CpeAuthResult.Challenge(challenges(true));
        }
        NonceService.Status counted = nonceService.advance(nonce.get(), nonceCount);
        if (counted == NonceService.Status.STALE) {
            LOG.debug("CPE authentication: forgotten nonce from {} at {}, challenging again", who, request.peerAddress());
            return new CpeAuthResult.Challenge(challenges(true));
        }
        if (counted == NonceService.Status.REPLAYED) {
            return reject(request, RejectionReason.REPLAYED_NONCE_COUNT, who + ", nc " + LogSafe.of(nc.get()));
        }
        return authenticated(request, credential.get(), "Digest " + algorithm.get().token());
    }

    /** {@code realm} if it can be sent as a quoted-string as is: non-empty printable ASCII without {@code "} or {@code \}. */
    public static String checkRealm(String realm) {
        if (realm.isEmpty() || !realm.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("realm must be non-empty printable ASCII without quotes or backslashes");
        }
        return realm;
    }

    /**
     * Whether the Digest {@code uri} parameter names the request target. Tolerated: an absolute URI,
     * and a query present on one side only (some CPEs drop it, some proxies add it).
     */
    static boolean uriMatches(String digestUri, String requestUri) {
        String fromDigest = pathAndQuery(digestUri.trim());
        String fromRequest = pathAndQuery(requestUri.trim());
        if (fromDigest.equals(fromRequest)) {
            return true;
        }
        boolean digestHasQuery = fromDigest.indexOf('?') >= 0;
        boolean requestHasQuery = fromRequest.indexOf('?') >= 0;
        if (digestHasQuery && requestHasQuery) {
            return false;
        }
        return pathOnly(fromDigest).equals(pathOnly(fromRequest));
    }

    private static String pathAndQuery(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                URI parsed = new URI(uri);
                String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
                return parsed.getRawQuery() == null ? path : path + "?" + parsed.getRawQuery();
            } catch (URISyntaxException e) {
                return uri;
            }
        }
        return uri.isEmpty() ? "/" : uri;
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private List<String> challenges(boolean stale) {
        List<String> headers = new ArrayList<>();
        if (digest.isPresent()) {
            String nonce = nonces.orElseThrow().issue();
            for (DigestAlgorithm algorithm : digest.get().algorithms()) {
                headers.add("Digest realm=\"" + realm + "\", qop=\"auth\", algorithm=" + algorithm.token()
                        + ", nonce=\"" + nonce + "\", opaque=\"" + opaque + "\"" + (stale ? ", stale=true" : ""));
            }
        }
        if (basicAllowed) {
            headers.add("Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        }
        return headers;
    }

    private CpeAuthResult authenticated(CpeAuthRequest request, CpeCredential credential, String scheme) {
        LOG.debug("CPE authenticated: user {} (device {}) at {} with {}", LogSafe.of(credential.username()),
                credential.deviceId().map(LogSafe::of).orElse("unbound"), request.peerAddress(), scheme);
        return new CpeAuthResult.Authenticated(credential.username(), credential.deviceId());
    }

    private CpeAuthResult reject(CpeAuthRequest request, RejectionReason reason, String detail) {
        LOG.warn("CPE authentication rejected ({}): {} at {}", reason, detail.isEmpty() ? "-" : detail,
                request.peerAddress());
        return new CpeAuthResult.Rejected(reason, challenges(false));
    }

    private static boolean hashedEquals(Secret presented, Secret expected) {
        byte[] a = presented.toUtf8();
        byte[] b = expected.toUtf8();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] ha = sha256.digest(a);
            byte[] hb = sha256.digest(b);
            return MessageDigest.isEqual(ha, hb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        } finally {
            Arrays.fill(a, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "PasswordAuthenticator[realm=" + realm + ", digest=" + digest.map(DigestOptions::algorithms)
                .map(Object::toString).orElse("off") + ", basic=" + basicAllowed + "]";
    }
}
