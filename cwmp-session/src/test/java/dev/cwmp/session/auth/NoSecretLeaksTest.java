package dev.cwmp.session.auth;

import static dev.cwmp.session.auth.DigestAuthenticationTest.PEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.testing.CapturedLogs;
import dev.cwmp.session.testing.IndependentDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No password (nor its Digest HA1) appears in a log line, an exception message or a toString. */
class NoSecretLeaksTest {

    private static final String PASSWORD = "Tr0ub4dor&3-unique";
    private static final String WRONG_PASSWORD = "correct-horse-battery";

    private final CpeCredentials credentials = CpeCredentials.of(List.of(
            CpeCredential.boundTo("cpe1", Secret.of(PASSWORD), "device-1")));

    @Test
    void authentication_logs_name_the_user_and_peer_but_never_a_password_or_hash() {
        CpeAuthenticator authenticator = CpeAuthenticator.basicOrDigest(credentials, DigestOptions.defaults());
        List<Object> results = new ArrayList<>();

        String logs = CapturedLogs.during(() -> {
            CpeAuthResult challenge = authenticator.authenticate(CpeAuthRequest.of("POST", "/acs", PEER));
            String sha = ((CpeAuthResult.Challenge) challenge).wwwAuthenticateHeaders().get(0);
            for (String password : List.of(PASSWORD, WRONG_PASSWORD)) {
                results.add(authenticator.authenticate(post(basic("cpe1", password))));
                results.add(authenticator.authenticate(post(
                        IndependentDigest.authorization(sha, "cpe1", password, "POST", "/acs", "00000001", "c1"))));
            }
            results.add(authenticator.authenticate(post(basic("nobody", PASSWORD))));
            results.add(authenticator.authenticate(post("Basic !!!")));
        });

        assertThat(logs).contains("cpe1").contains("127.0.0.1").contains("INVALID_CREDENTIALS").contains("UNKNOWN_USER");
        for (String secret : secretsAndDerivatives()) {
            assertThat(logs).doesNotContain(secret);
            assertThat(results.toString()).doesNotContain(secret);
        }
    }

    @Test
    void values_holding_a_password_do_not_print_it() {
        CpeCredential credential = CpeCredential.of("cpe1", Secret.of(PASSWORD));

        assertThat(credential.toString()).contains("cpe1").doesNotContain(PASSWORD);
        assertThat(Secret.of(PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(credentials.toString()).doesNotContain(PASSWORD);
        assertThat(CpeAuthenticator.basicOrDigest(credentials, DigestOptions.defaults()).toString())
                .doesNotContain(PASSWORD);
    }

    @Test
    void exception_messages_do_not_carry_the_password() {
        assertThatThrownBy(() -> CpeCredentials.of(List.of(
                CpeCredential.of("dup", Secret.of(PASSWORD)), CpeCredential.of("dup", Secret.of(PASSWORD)))))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThatThrownBy(() -> new CpeCredential("a:b", Secret.of(PASSWORD), java.util.Optional.empty()))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void secrets_compare_by_value_in_constant_time_helpers() {
        assertThat(Secret.of(PASSWORD).matches(Secret.of(PASSWORD.toCharArray()))).isTrue();
        assertThat(Secret.of(PASSWORD).matches(Secret.of(WRONG_PASSWORD))).isFalse();
        assertThat(new String(Secret.of("pässwörd").toUtf8(), StandardCharsets.UTF_8)).isEqualTo("pässwörd");
    }

    private static List<String> secretsAndDerivatives() {
        List<String> all = new ArrayList<>();
        for (String password : List.of(PASSWORD, WRONG_PASSWORD)) {
            all.add(password);
            all.add(Base64.getEncoder().encodeToString(("cpe1:" + password).getBytes(StandardCharsets.UTF_8)));
            all.add(IndependentDigest.h("SHA-256", "cpe1:cwmp:" + password));
            all.add(IndependentDigest.h("MD5", "cpe1:cwmp:" + password));
        }
        return all;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static CpeAuthRequest post(String authorization) {
        return CpeAuthRequest.of("POST", "/acs", PEER).withAuthorization(authorization);
    }
}
