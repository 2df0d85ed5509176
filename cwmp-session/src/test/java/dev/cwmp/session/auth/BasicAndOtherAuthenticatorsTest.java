package dev.cwmp.session.auth;

import static dev.cwmp.session.auth.DigestAuthenticationTest.DEVICE;
import static dev.cwmp.session.auth.DigestAuthenticationTest.PEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.testing.IndependentDigest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicAndOtherAuthenticatorsTest {

    private final CpeCredentials credentials = CpeCredentials.of(List.of(
            CpeCredential.boundTo("cpe1", Secret.of("pässwörd"), DEVICE)));

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static CpeAuthRequest post(String... authorization) {
        return CpeAuthRequest.of("POST", "/acs", PEER).withAuthorization(authorization);
    }

    @Test
    void basic_accepts_preemptive_utf8_credentials() {
        CpeAuthResult result = CpeAuthenticator.basic(credentials).authenticate(post(basic("cpe1", "pässwörd")));

        assertThat(result).isEqualTo(new CpeAuthResult.Authenticated("cpe1", Optional.of(DEVICE)));
    }

    @Test
    void basic_challenges_a_request_without_credentials() {
        CpeAuthResult result = CpeAuthenticator.basic(credentials, "acs").authenticate(post());

        assertThat(result).isEqualTo(new CpeAuthResult.Challenge(List.of("Basic realm=\"acs\", charset=\"UTF-8\"")));
    }

    @Test
    void basic_rejects_a_wrong_password_and_an_unknown_user() {
        CpeAuthenticator authenticator = CpeAuthenticator.basic(credentials);

        assertThat(authenticator.authenticate(post(basic("cpe1", "passwoerd"))))
                .isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_CREDENTIALS));
        assertThat(authenticator.authenticate(post(basic("cpe1", "pässwörd-and-more"))))
                .isInstanceOf(CpeAuthResult.Rejected.class);
        assertThat(authenticator.authenticate(post(basic("other", "pässwörd"))))
                .isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectionReason.UNKNOWN_USER));
    }

    @Test
    void basic_rejects_malformed_credentials() {
        CpeAuthenticator authenticator = CpeAuthenticator.basic(credentials);

        assertThat(authenticator.authenticate(post("Basic !!!notbase64")))
                .isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_CREDENTIALS));
        assertThat(authenticator.authenticate(post("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(CpeAuthResult.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_CREDENTIALS));
    }

    @Test
    void basic_or_digest_challenges_with_sha256_md5_and_basic() {
        CpeAuthenticator authenticator = CpeAuthenticator.basicOrDigest(credentials, DigestOptions.defaults());

        CpeAuthResult result = authenticator.authenticate(post());

        assertThat(result).isInstanceOfSatisfying(CpeAuthResult.Challenge.class, c -> assertThat(c.wwwAuthenticateHeaders())
                .satisfiesExactly(
                        h -> assertThat(h).startsWith("Digest ").contains("algorithm=SHA-256"),
                        h -> assertThat(h).startsWith("Digest ").contains("algorithm=MD5"),
                        h -> assertThat(h).startsWith("Basic ")));
    }

    @Test
    void basic_or_digest_accepts_either_scheme() {
        CpeAuthenticator authenticator = CpeAuthenticator.basicOrDigest(credentials, DigestOptions.defaults());
        String sha = ((CpeAuthResult.Challenge) authenticator.authenticate(post())).wwwAuthenticateHeaders().get(0);

        assertThat(authenticator.authenticate(post(basic("cpe1", "pässwörd"))))
                .isInstanceOf(CpeAuthResult.Authenticated.class);
        assertThat(authenticator.authenticate(post(
                IndependentDigest.authorization(sha, "cpe1", "pässwörd", "POST", "/acs", "00000001", "cn"))))
                .isEqualTo(new CpeAuthResult.Authenticated("cpe1", Optional.of(DEVICE)));
    }

    @Test
    void none_accepts_everyone_unbound() {
        CpeAuthResult result = CpeAuthenticator.none().authenticate(post(basic("whoever", "whatever")));

        assertThat(result).isEqualTo(new CpeAuthResult.Authenticated("anonymous", Optional.empty()));
    }

    @Test
    void single_credentials_know_exactly_one_user() {
        CpeCredentials single = CpeCredentials.single(CpeCredential.of("acs-user", Secret.of("pw")));

        assertThat(single.lookup("acs-user", post())).isPresent();
        assertThat(single.lookup("ACS-USER", post())).isEmpty();
    }

    @Test
    void refuses_a_realm_that_cannot_be_sent_as_a_quoted_string() {
        assertThatThrownBy(() -> CpeAuthenticator.basic(credentials, "a\"b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestOptions.builder().realm(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
