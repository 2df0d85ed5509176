package dev.cwmp.session.connreq;

import java.util.Objects;

/**
 * How a connection request ended. The CPE opens its session later, on its own connection: an
 * {@link Accepted} result only says it agreed to.
 */
public sealed interface ConnectionRequestResult {

    /** The CPE answered 200 or 204. */
    record Accepted(int status) implements ConnectionRequestResult {
        public Accepted {
            if (status != 200 && status != 204) {
                throw new IllegalArgumentException("accepted means 200 or 204, not " + status);
            }
        }
    }

    /**
     * The CPE demanded authentication that could not be given: no credentials known, a scheme not
     * allowed (Basic without the option), or the credentials were refused.
     */
    record AuthenticationFailed(String reason) implements ConnectionRequestResult {
        public AuthenticationFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The CPE answered with another status (3xx are not followed, 503 when busy, ...). */
    record Refused(int status) implements ConnectionRequestResult {
    }

    /** No HTTP answer: connection refused, no route, TLS failure, reset, ... */
    record Unreachable(String reason) implements ConnectionRequestResult {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No complete answer within the configured time. */
    record TimedOut() implements ConnectionRequestResult {
    }
}
