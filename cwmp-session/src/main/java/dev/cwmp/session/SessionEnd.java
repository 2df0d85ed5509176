package dev.cwmp.session;

/** Why a session ended. */
public enum SessionEnd {
    /** Both sides had nothing more to say: the ACS answered 204. */
    COMPLETED,
    /** The CPE stopped talking; the session expired on the clock. */
    TIMED_OUT,
    /** The CPE sent something unreadable or out of order; the session was closed. */
    PROTOCOL_ERROR,
    /** The session reached its bound on HTTP requests. */
    REQUEST_LIMIT,
    /** The session driver threw; see the log. */
    DRIVER_ERROR,
    /** The ACS was shut down. */
    SHUTDOWN
}
