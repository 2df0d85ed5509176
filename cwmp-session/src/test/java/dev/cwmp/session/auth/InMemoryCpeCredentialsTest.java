package dev.cwmp.session.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryCpeCredentialsTest {

    @Nested
    class SingleCredential extends CpeCredentialsContract {
        @Override
        protected CpeCredentials storeWith(CpeCredential credential) {
            return CpeCredentials.single(credential);
        }
    }

    @Nested
    class ByUsername extends CpeCredentialsContract {
        @Override
        protected CpeCredentials storeWith(CpeCredential credential) {
            return CpeCredentials.of(List.of(CpeCredential.of("someone-else", Secret.of("x")), credential));
        }
    }

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
