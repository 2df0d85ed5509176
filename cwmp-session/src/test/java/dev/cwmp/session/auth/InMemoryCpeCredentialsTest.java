package dev.cwmp.session.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory credential stores refuse what they cannot hold. (They run the {@code CpeCredentialsContract}
 * in cwmp-testkit, which depends on this module.)
 */
class InMemoryCpeCredentialsTest {

    @Test
    void refuses_two_credentials_with_one_username() {
        assertThatThrownBy(() -> CpeCredentials.of(List.of(
                CpeCredential.of("same", Secret.of("a")), CpeCredential.of("same", Secret.of("b")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
    }

    @Test
    void a_credential_rejects_usernames_basic_cannot_carry() {
        assertThatThrownBy(() -> CpeCredential.of("a:b", Secret.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpeCredential.of("", Secret.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(CpeCredential.of("ok", Secret.of("")).password().isEmpty()).isTrue();
    }
}
