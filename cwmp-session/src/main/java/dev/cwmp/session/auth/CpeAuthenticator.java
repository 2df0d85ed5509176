package dev.cwmp.session.auth;

import dev.cwmp.session.internal.auth.ClientCertificateAuthenticator;
import dev.cwmp.session.internal.auth.NoAuthenticator;
import dev.cwmp.session.internal.auth.PasswordAuthenticator;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether an HTTP request from a CPE is authentic. There is no default: choose one of the
 * factories. Implementations are thread-safe.
 *
 * <p>Failures are logged through SLF4J (logger {@code dev.cwmp.session.auth}) with the username and
 * the peer address, never with a password or a hash.
 */
@FunctionalInterface
public interface CpeAuthenticator {

    /** Authenticates one request. */
    CpeAuthResult authenticate(CpeAuthRequest request);

    /**
     * Accepts every request as user {@code anonymous}, unbound to any device. <strong>Insecure</strong>:
     * anyone who can reach the ACS can impersonate any CPE. For labs and tests only.
     */
    static CpeAuthenticator none() {
        return NoAuthenticator.INSTANCE;
    }

    /**
     * HTTP Basic (RFC 7617, UTF-8). Preemptive credentials are accepted (some CPEs treat a 401 as
     * fatal). Basic sends the password in clear: use it over TLS only.
     */
    static CpeAuthenticator basic(CpeCredentials credentials) {
        return basic(credentials, "cwmp");
    }

    /**
     * HTTP Basic with the given realm in its challenge.
     *
     * @throws IllegalArgumentException if the realm is empty or not printable ASCII without quotes
     */
    static CpeAuthenticator basic(CpeCredentials credentials, String realm) {
        Objects.requireNonNull(credentials, "credentials");
        return new PasswordAuthenticator(credentials, Optional.empty(), true, realm);
    }

    /** HTTP Digest (RFC 7616, qop=auth) with the given options. */
    static CpeAuthenticator digest(CpeCredentials credentials, DigestOptions options) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(options, "options");
        return new PasswordAuthenticator(credentials, Optional.of(options), false, options.realm());
    }

    /**
     * Digest or Basic, whichever the CPE sends; without credentials, challenges with every Digest
     * algorithm of the options and then Basic (several {@code WWW-Authenticate} headers).
     */
    static CpeAuthenticator basicOrDigest(CpeCredentials credentials, DigestOptions options) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(options, "options");
        return new PasswordAuthenticator(credentials, Optional.of(options), true, options.realm());
    }

    /**
     * TLS client certificates: the CPE's certificate (first in the chain, already verified by the TLS
     * layer against its trust store) must be valid now, and {@code deviceIdMapper} must map its
     * identity to a device id, to which the session is then bound.
     */
    static CpeAuthenticator clientCertificate(Function<CertificateIdentity, Optional<String>> deviceIdMapper) {
        return clientCertificate(deviceIdMapper, InstantSource.system());
    }

    /** {@link #clientCertificate(Function)} with a clock for the validity check. */
    static CpeAuthenticator clientCertificate(
            Function<CertificateIdentity, Optional<String>> deviceIdMapper, InstantSource clock) {
        Objects.requireNonNull(deviceIdMapper, "deviceIdMapper");
        Objects.requireNonNull(clock, "clock");
        return new ClientCertificateAuthenticator(deviceIdMapper, clock);
    }
}
