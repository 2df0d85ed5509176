package dev.cwmp.session.connreq;

import dev.cwmp.session.auth.Secret;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection request to send: which device, its {@code ConnectionRequestURL} and the
 * {@code ConnectionRequestUsername}/{@code ConnectionRequestPassword} the ACS configured on it.
 *
 * @param deviceId the device id, for logs and results
 * @param url      the ConnectionRequestURL: absolute {@code http} or {@code https} with a host, no
 *                 user-info, no fragment
 * @param username the ConnectionRequestUsername, if any
 * @param password the ConnectionRequestPassword; present only with a username (may be empty)
 */
public record ConnectionRequest(String deviceId, URI url, Optional<String> username, Optional<Secret> password) {

    public ConnectionRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId must not be blank");
        }
        // messages name the problem, not the URL, which might carry credentials
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ConnectionRequestURL must not carry user-info");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("ConnectionRequestURL must be an absolute http or https URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("ConnectionRequestURL must name a host");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("ConnectionRequestURL must not carry a fragment");
        }
        if (username.isEmpty() && password.isPresent()) {
            throw new IllegalArgumentException("a password needs a username");
        }
    }

    /**
     * A request without credentials.
     *
     * @throws IllegalArgumentException if {@code url} is not a valid http(s) URL
     */
    public static ConnectionRequest of(String deviceId, String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("ConnectionRequestURL is not a URI: " + e.getReason()
                    + " at index " + e.getIndex());
        }
        return new ConnectionRequest(deviceId, uri, Optional.empty(), Optional.empty());
    }

    /** This request with the device's ConnectionRequestUsername and ConnectionRequestPassword. */
    public ConnectionRequest withCredentials(String username, Secret password) {
        return new ConnectionRequest(deviceId, url, Optional.of(username), Optional.of(password));
    }
}
