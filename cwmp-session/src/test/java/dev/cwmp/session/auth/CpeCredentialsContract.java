package dev.cwmp.session.auth;

import static dev.cwmp.session.auth.DigestAuthenticationTest.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CpeCredentials} must keep. A store in another module extends this class
 * and supplies an instance holding the credentials of {@link #storeWith}.
 */
public abstract class CpeCredentialsContract {

    protected static final CpeCredential BOUND = CpeCredential.boundTo("cpe-0001", Secret.of("pw-1"), "device-1");

    /** A store that knows exactly {@code credential}. */
    protected abstract CpeCredentials storeWith(CpeCredential credential);

    private static final CpeAuthRequest REQUEST = CpeAuthRequest.of("POST", "/acs", PEER);

    @Test
    void finds_a_known_username_with_its_password_and_device_binding() {
        Optional<CpeCredential> found = storeWith(BOUND).lookup("cpe-0001", REQUEST);

        assertThat(found).hasValueSatisfying(credential -> {
            assertThat(credential.username()).isEqualTo("cpe-0001");
            assertThat(credential.password().matches(Secret.of("pw-1"))).isTrue();
            assertThat(credential.deviceId()).contains("device-1");
        });
    }

    @Test
    void returns_empty_for_an_unknown_username() {
        assertThat(storeWith(BOUND).lookup("cpe-0002", REQUEST)).isEmpty();
    }

    @Test
    void usernames_are_case_sensitive() {
        assertThat(storeWith(BOUND).lookup("CPE-0001", REQUEST)).isEmpty();
    }

    @Test
    void works_with_a_username_that_is_not_a_valid_identifier() {
        assertThat(storeWith(BOUND).lookup("", REQUEST)).isEmpty();
        assertThat(storeWith(BOUND).lookup("cpe-0001\u0000", REQUEST)).isEmpty();
    }
}
