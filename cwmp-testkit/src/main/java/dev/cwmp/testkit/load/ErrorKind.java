package dev.cwmp.testkit.load;

import java.util.Locale;

/** Why a simulated session failed. A failed session is counted once, by its first error. */
public enum ErrorKind {

    /** The TCP connection could not be opened. */
    CONNECT,

    /** The ACS did not answer within the per-request timeout. */
    TIMEOUT,

    /** The ACS answered with an HTTP status the session did not expect (e.g. 500 instead of 200 or 204). */
    UNEXPECTED_STATUS,

    /** The ACS's answer broke HTTP framing or CWMP (no InformResponse, an unknown request, too many requests). */
    PROTOCOL,

    /** The connection failed mid-exchange (reset, closed before the answer). */
    IO;

    /** The name used in {@code RESULT} lines: {@code connect}, {@code unexpected_status}, ... */
    public String resultName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
