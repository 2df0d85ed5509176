package dev.cwmp.session.auth;

import dev.cwmp.session.internal.auth.InMemoryCpeCredentials;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the ACS looks up the credential of a CPE (SPI).
 *
 * <p>Contract: {@link #lookup} is called on request threads, possibly concurrently, and must be
 * thread-safe and quick (cache remote stores). It returns empty for an unknown username; it never
 * returns {@code null}. It may use the request (peer address, TLS client certificate) to decide, for
 * example to accept a username only from one network.
 */
@FunctionalInterface
public interface CpeCredentials {

    /**
     * The credential for {@code username}, or empty when there is none.
     *
     * @param username the username the CPE presented
     * @param request  the request being authenticated, for its peer address and TLS identity
     */
    Optional<CpeCredential> lookup(String username, CpeAuthRequest request);

    /** One credential shared by every CPE. */
    static CpeCredentials single(CpeCredential credential) {
        return of(List.of(credential));
    }

    /**
     * An immutable in-memory set of credentials, by username (typically one per device, bound to
     * its device id).
     *
     * @throws IllegalArgumentException if two credentials have the same username
     */
    static CpeCredentials of(Collection<CpeCredential> credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new InMemoryCpeCredentials(credentials);
    }
}
