package dev.cwmp.session.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The credential a CPE presents to the ACS: a username, its password and, for per-device
 * credentials, the one device id the username is bound to.
 *
 * @param username the username (no {@code ':'}, which HTTP Basic cannot carry)
 * @param password the password; its {@code toString} is redacted
 * @param deviceId the device id this credential is bound to, if any; the session engine then
 *                 refuses an Inform from any other device
 */
public record CpeCredential(String username, Secret password, Optional<String> deviceId) {

    public CpeCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(deviceId, "deviceId");
        if (username.isEmpty()) {
            throw new IllegalArgumentException("username must not be empty");
        }
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("username must not contain ':'");
        }
        if (deviceId.isPresent() && deviceId.get().isBlank()) {
            throw new IllegalArgumentException("deviceId must not be blank");
        }
    }

    /** A credential not bound to a device. */
    public static CpeCredential of(String username, Secret password) {
        return new CpeCredential(username, password, Optional.empty());
    }

    /** A credential bound to one device id. */
    public static CpeCredential boundTo(String username, Secret password, String deviceId) {
        return new CpeCredential(username, password, Optional.of(deviceId));
    }
}
