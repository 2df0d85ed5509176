package dev.cwmp.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.auth.CpeAuthRequest;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.Secret;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CpeCredentials} must keep: a store extends this class in its own tests and
 * returns, from {@link #storeWith}, an instance that knows exactly the credential given.
 *
 * <pre>{@code
 * class JdbcCpeCredentialsTest extends CpeCredentialsContract {
 *     protected CpeCredentials storeWith(CpeCredential credential) { return jdbcStoreHolding(credential); }
 * }
 * }</pre>
 */
public abstract class CpeCredentialsContract {

    /** The credential the tests look up: username {@code cpe-0001}, password {@code pw-1}, bound to {@code device-1}. */
    protected static final CpeCredential BOUND = CpeCredential.boundTo("cpe-0001", Secret.of("pw-1"), "device-1");

    /** A store that knows exactly {@code credential}. */
    protected abstract CpeCredentials storeWith(CpeCredential credential);

    private static final CpeAuthRequest REQUEST =
            CpeAuthRequest.of("POST", "/acs", new InetSocketAddress("127.0.0.1", 40000));

    @Test
    public void finds_a_known_username_with_its_password_and_device_binding() {
        Optional<CpeCredential> found = storeWith(BOUND).lookup("cpe-0001", REQUEST);

        assertThat(found).hasValueSatisfying(credential -> {
            assertThat(credential.username()).isEqualTo("cpe-0001");
            assertThat(credential.password().matches(Secret.of("pw-1"))).isTrue();
            assertThat(credential.deviceId()).contains("device-1");
        });
    }

    @Test
    public void returns_empty_for_an_unknown_username() {
        assertThat(storeWith(BOUND).lookup("cpe-0002", REQUEST)).isEmpty();
    }

    @Test
    public void usernames_are_case_sensitive() {
        assertThat(storeWith(BOUND).lookup("CPE-0001", REQUEST)).isEmpty();
    }

    @Test
    public void works_with_a_username_that_is_not_a_valid_identifier() {
        assertThat(storeWith(BOUND).lookup("", REQUEST)).isEmpty();
        assertThat(storeWith(BOUND).lookup("cpe-0001\u0000", REQUEST)).isEmpty();
    }
}
