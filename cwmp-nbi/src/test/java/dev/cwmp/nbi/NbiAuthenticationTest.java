package dev.cwmp.nbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The NBI's credentials: accepted only exactly, never shown. */
class NbiAuthenticationTest {

    @Test
    void a_bearer_token_is_accepted_only_exactly_and_in_the_bearer_scheme() {
        NbiAuthentication auth = NbiAuthentication.bearerToken(Secret.of("tok-123"));

        assertThat(auth.accepts(Optional.of("Bearer tok-123"))).isTrue();
        assertThat(auth.accepts(Optional.of("bearer tok-123"))).isTrue();
        assertThat(auth.accepts(Optional.of("Bearer tok-1234"))).isFalse();
        assertThat(auth.accepts(Optional.of("Bearer tok-12"))).isFalse();
        assertThat(auth.accepts(Optional.of("tok-123"))).isFalse();
        assertThat(auth.accepts(Optional.empty())).isFalse();
        assertThat(auth.challenge()).startsWith("Bearer");
    }

    @Test
    void basic_credentials_need_the_user_and_the_password() {
        NbiAuthentication auth = NbiAuthentication.basic("ops", Secret.of("pw:with:colons"));

        assertThat(auth.accepts(Optional.of("Basic " + base64("ops:pw:with:colons")))).isTrue();
        assertThat(auth.accepts(Optional.of("Basic " + base64("admin:pw:with:colons")))).isFalse();
        assertThat(auth.accepts(Optional.of("Basic " + base64("ops:pw")))).isFalse();
        assertThat(auth.accepts(Optional.of("Basic not-base64!"))).isFalse();
        assertThat(auth.challenge()).startsWith("Basic");
    }

    @Test
    void empty_secrets_and_bad_user_names_are_refused() {
        assertThatThrownBy(() -> NbiAuthentication.bearerToken(Secret.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NbiAuthentication.basic("a:b", Secret.of("pw"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NbiAuthentication.basic("ops", Secret.of(""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_description_never_shows_the_secret() {
        assertThat(NbiAuthentication.bearerToken(Secret.of("tok-123")).toString()).doesNotContain("tok-123")
                .contains("bearer");
        assertThat(NbiAuthentication.basic("ops", Secret.of("pw-456")).toString()).doesNotContain("pw-456");
        assertThat(NbiAuthentication.open().isOpen()).isTrue();
        assertThat(NbiAuthentication.open().accepts(Optional.empty())).isTrue();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
