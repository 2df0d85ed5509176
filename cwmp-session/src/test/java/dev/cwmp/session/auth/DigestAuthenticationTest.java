package dev.cwmp.session.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.testing.IndependentDigest;
import dev.cwmp.session.testing.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestAuthenticationTest {

    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    static final String DEVICE = "E48D8C-RB951Ui%2D2HnD-HG1234567";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CpeCredentials credentials = CpeCredentials.of(List.of(
            CpeCredential.boundTo("cpe1", Secret.of("s3cret-pass"), DEVICE),
            CpeCredential.of("shared", Secret.of("shared-pass"))));
    private final CpeAuthenticator authenticator = CpeAuthenticator.digest(credentials,
            DigestOptions.builder().realm("cwmp-test").nonceLifetime(Duration.ofMinutes(5)).clock(clock).build());

    private static CpeAuthRequest post(String... authorization) {
        return CpeAuthRequest.of("POST", "/acs", PEER).withAuthorization(authorization);
    }

    private List<String> challenge() {
        CpeAuthResult result = authenticator.authenticate(post());
        assertThat(result).isInstanceOf(CpeAuthResult.Challenge.class);
        return ((CpeAuthResult.Challenge) result).wwwAuthenticateHeaders();
    }

    private static String answer(String challenge, String user, String password, String nc) {
        return IndependentDigest.authorization(challenge, user, password, "POST", "/acs", nc, "0a4f113b");
    }

    @Test
    void challenges_with_sha256_first_then_md5_sharing_one_nonce() {
        List<String> headers = challenge();

        assertThat(headers).hasSize(2);
        Map<String, String> sha = IndependentDigest.params(headers.get(0));
        Map<String, String> md5 = IndependentDigest.params(headers.get(1));
        assertThat(sha).containsEntry("algorithm", "SHA-256").containsEntry("qop", "auth")
                .containsEntry("realm", "cwmp-test").containsKeys("nonce", "opaque").doesNotContainKey("stale");
        assertThat(md5).containsEntry("algorithm", "MD5").containsEntry("nonce", sha.get("nonce"));
        assertThat(headers.get(0)).startsWith("Digest ");
    }

    @Test
    void issues_a_new_unguessable_nonce_per_challenge() {
        String first = IndependentDigest.params(challenge().get(0)).get("nonce");
        String second = IndependentDigest.params(challenge().get(0)).get("nonce");

        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void completes_a_challenge_response_cycle_with_sha256_and_binds_the_device() {
        String sha = challenge().get(0);

        CpeAuthResult result = authenticator.authenticate(post(answer(sha, "cpe1", "s3cret-pass", "00000001")));

        assertThat(result).isEqualTo(new CpeAuthResult.Authenticated("cpe1", Optional.of(DEVICE)));
    }

    @Test
    void completes_a_challenge_response_cycle_with_md5_and_increasing_nonce_counts() {
        String md5 = challenge().get(1);

        assertThat(authenticator.authenticate(post(answer(md5, "shared", "shared-pass", "00000001"))))
                .isEqualTo(new CpeAuthResult.Authenticated("shared", Optional.empty()));
        assertThat(authenticator.authenticate(post(answer(md5, "shared", "shared-pass", "00000002"))))
                .isInstanceOf(CpeAuthResult.Authenticated.class);
    }

    @Test
    void rejects_a_wrong_password_with_a_fresh_challenge() {
        String sha = challenge().get(0);

        CpeAuthResult result = authenticator.authenticate(post(answer(sha, "cpe1", "wrong", "00000001")));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_CREDENTIALS);
            assertThat(rejected.httpStatus()).isEqualTo(401);
            assertThat(rejected.wwwAuthenticateHeaders()).hasSize(2);
        });
    }

    @Test
    void rejects_an_unknown_user() {
        String sha = challenge().get(0);

        CpeAuthResult result = authenticator.authenticate(post(answer(sha, "nobody", "s3cret-pass", "00000001")));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_USER));
    }

    @Test
    void rejects_a_replayed_nonce_count() {
        String sha = challenge().get(0);
        String request = answer(sha, "cpe1", "s3cret-pass", "00000001");
        assertThat(authenticator.authenticate(post(request))).isInstanceOf(CpeAuthResult.Authenticated.class);

        CpeAuthResult replay = authenticator.authenticate(post(request));

        assertThat(replay).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.REPLAYED_NONCE_COUNT));
    }

    @Test
    void answers_an_expired_nonce_with_a_stale_challenge() {
        String sha = challenge().get(0);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        CpeAuthResult result = authenticator.authenticate(post(answer(sha, "cpe1", "s3cret-pass", "00000001")));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Challenge.class, challenge -> {
            assertThat(challenge.wwwAuthenticateHeaders()).allSatisfy(h -> assertThat(h).contains("stale=true"));
            assertThat(IndependentDigest.params(challenge.wwwAuthenticateHeaders().get(0)).get("nonce"))
                    .isNotEqualTo(IndependentDigest.params(sha).get("nonce"));
        });
    }

    @Test
    void a_nonce_still_within_its_lifetime_is_accepted() {
        String sha = challenge().get(0);
        clock.advance(Duration.ofMinutes(4));

        assertThat(authenticator.authenticate(post(answer(sha, "cpe1", "s3cret-pass", "00000001"))))
                .isInstanceOf(CpeAuthResult.Authenticated.class);
    }

    @Test
    void rejects_a_tampered_nonce() {
        String sha = challenge().get(0);
        String nonce = IndependentDigest.params(sha).get("nonce");
        char last = nonce.charAt(10);
        String tampered = nonce.substring(0, 10) + (last == 'A' ? 'B' : 'A') + nonce.substring(11);
        String forgedChallenge = sha.replace(nonce, tampered);

        CpeAuthResult result = authenticator.authenticate(post(answer(forgedChallenge, "cpe1", "s3cret-pass", "00000001")));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_NONCE));
    }

    @Test
    void rejects_a_nonce_made_up_by_the_client() {
        String sha = challenge().get(0);
        String nonce = IndependentDigest.params(sha).get("nonce");
        String madeUp = sha.replace(nonce, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v");

        CpeAuthResult result = authenticator.authenticate(post(answer(madeUp, "cpe1", "s3cret-pass", "00000001")));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_NONCE));
    }

    @Test
    void rejects_a_response_computed_for_another_uri() {
        String sha = challenge().get(0);
        String forOtherUri = IndependentDigest.authorization(sha, "cpe1", "s3cret-pass", "POST", "/other", "00000001", "c");

        CpeAuthResult result = authenticator.authenticate(post(forOtherUri));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_CREDENTIALS));
    }

    @Test
    void tolerates_what_real_cpes_send() {
        // lowercase algorithm, unquoted values, different order, extra spaces, no opaque, uri without the query
        Map<String, String> c = IndependentDigest.params(challenge().get(1));
        String response = IndependentDigest.response("MD5", "cpe1", "cwmp-test", "s3cret-pass", "POST", "/acs",
                c.get("nonce"), "00000001", "xyz");
        String sloppy = "Digest  qop=auth,nc=00000001 , cnonce=xyz, algorithm=md5, uri=\"/acs\","
                + " response=" + response + ",nonce=\"" + c.get("nonce") + "\" ,realm=\"cwmp-test\", username=cpe1";

        CpeAuthResult result = authenticator.authenticate(
                CpeAuthRequest.of("POST", "/acs?session=1", PEER).withAuthorization(sloppy));

        assertThat(result).isInstanceOf(CpeAuthResult.Authenticated.class);
    }

    @Test
    void rejects_an_algorithm_that_was_not_offered() {
        CpeAuthenticator md5Only = CpeAuthenticator.digest(credentials,
                DigestOptions.builder().realm("cwmp-test").algorithms(DigestAlgorithm.MD5).clock(clock).build());
        CpeAuthResult challenge = md5Only.authenticate(post());
        String md5 = ((CpeAuthResult.Challenge) challenge).wwwAuthenticateHeaders().get(0);
        String asSha = md5.replace("algorithm=MD5", "algorithm=SHA-256");

        CpeAuthResult result = md5Only.authenticate(post(answer(asSha, "cpe1", "s3cret-pass", "00000001")));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.UNSUPPORTED_SCHEME));
    }

    @Test
    void rejects_digest_credentials_missing_a_parameter() {
        CpeAuthResult result = authenticator.authenticate(post("Digest username=\"cpe1\", realm=\"cwmp-test\""));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_CREDENTIALS));
    }

    @Test
    void rejects_basic_when_only_digest_is_configured() {
        CpeAuthResult result = authenticator.authenticate(post("Basic Y3BlMTpzM2NyZXQtcGFzcw=="));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectionReason.UNSUPPORTED_SCHEME);
            assertThat(rejected.wwwAuthenticateHeaders()).allSatisfy(h -> assertThat(h).startsWith("Digest "));
        });
    }

    @Test
    void forgets_the_oldest_nonces_beyond_the_cap_and_answers_them_as_stale() {
        CpeAuthenticator small = CpeAuthenticator.digest(credentials,
                DigestOptions.builder().realm("cwmp-test").maxTrackedNonces(2).clock(clock).build());
        String first = ((CpeAuthResult.Challenge) small.authenticate(post())).wwwAuthenticateHeaders().get(0);
        small.authenticate(post());
        small.authenticate(post());

        CpeAuthResult result = small.authenticate(post(answer(first, "cpe1", "s3cret-pass", "00000001")));

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Challenge.class,
                challenge -> assertThat(challenge.wwwAuthenticateHeaders().get(0)).contains("stale=true"));
    }
}
