package dev.cwmp.protocol;

import dev.cwmp.protocol.rpc.CwmpMessage;
import java.util.Objects;

/**
 * One SOAP envelope of a CWMP session: the protocol version (which fixes the namespace), the CWMP
 * headers and the one message in the body.
 *
 * @param version the version the envelope is written in (decoded: see {@link CwmpVersion#detect})
 * @param headers the CWMP SOAP headers
 * @param body the message
 */
public record CwmpEnvelope(CwmpVersion version, CwmpHeaders headers, CwmpMessage body) {

    // Validates.
    public CwmpEnvelope {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** An envelope with only a {@code cwmp:ID} header. */
    public static CwmpEnvelope of(CwmpVersion version, String id, CwmpMessage body) {
        return new CwmpEnvelope(version, CwmpHeaders.withId(id), body);
    }

    /** An envelope without headers. */
    public static CwmpEnvelope of(CwmpVersion version, CwmpMessage body) {
        return new CwmpEnvelope(version, CwmpHeaders.NONE, body);
    }

    /** The same envelope with another body (e.g. a response carrying the request's headers). */
    public CwmpEnvelope withBody(CwmpMessage newBody) {
        return new CwmpEnvelope(version, headers, newBody);
    }

    /** The same envelope with other headers. */
    public CwmpEnvelope withHeaders(CwmpHeaders newHeaders) {
        return new CwmpEnvelope(version, newHeaders, body);
    }
}
