package dev.cwmp.session.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of authenticating one request: {@link Authenticated}, {@link Challenge} or
 * {@link Rejected}. None of them carries a secret.
 */
public sealed interface CpeAuthResult {

    /**
     * The CPE proved who it is.
     *
     * @param username the authenticated username; for a client certificate, the identity taken from
     *                 it (subject CN or SAN); {@code "anonymous"} for {@link CpeAuthenticator#none()}
     * @param deviceId the device id the identity is bound to, if any: the session engine must refuse
     *                 an Inform whose DeviceId does not match
     */
    record Authenticated(String username, Optional<String> deviceId) implements CpeAuthResult {
        public Authenticated {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /**
     * The request carried no usable credentials (or a stale nonce): answer {@code 401} with one
     * {@code WWW-Authenticate} header per value, most preferred first.
     */
    record Challenge(List<String> wwwAuthenticateHeaders) implements CpeAuthResult {
        public Challenge {
            wwwAuthenticateHeaders = List.copyOf(wwwAuthenticateHeaders);
            if (wwwAuthenticateHeaders.isEmpty()) {
                throw new IllegalArgumentException("a challenge needs at least one WWW-Authenticate value");
            }
        }

        /** Always 401. */
        public int httpStatus() {
            return 401;
        }
    }

    /**
     * The request was refused. With challenges, answer {@code 401} and send them (a client may try
     * again with other credentials); without, answer {@code 403}. The reason is for logs and metrics;
     * telling it to the client is the transport's choice (it helps attackers enumerate users).
     */
    record Rejected(RejectionReason reason, List<String> wwwAuthenticateHeaders) implements CpeAuthResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            wwwAuthenticateHeaders = List.copyOf(wwwAuthenticateHeaders);
        }

        /** 401 when there are challenges to send, else 403. */
        public int httpStatus() {
            return wwwAuthenticateHeaders.isEmpty() ? 403 : 401;
        }
    }
}
