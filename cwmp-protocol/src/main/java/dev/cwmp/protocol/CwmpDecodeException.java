package dev.cwmp.protocol;

import dev.cwmp.protocol.rpc.CwmpFault;
import java.util.Objects;
import java.util.Optional;

/**
 * A body could not be decoded. Carries what the reader needs to answer without re-parsing: the
 * {@link #reason()}, the {@code cwmp:ID} header when it was readable before the error, the version
 * seen so far, and the fault to answer with.
 *
 * <p>{@link #faultToAnswer()} is in the ACS's range (8000-8006), since an ACS is the usual reader:
 * 8000 Method not supported for an unknown method or namespace, 8003 Invalid arguments for a
 * malformed or missing argument, 8004 Resources exceeded for a body over a {@link DecodeLimits}
 * bound, 8006 for an unknown CWMP namespace version, 8002 Internal error otherwise. A CPE-side reader
 * adds 1000 (the CPE codes 9000-9004 mirror 8000-8004). The message says what went wrong and where
 * ({@code line:column} when known).
 */
public final class CwmpDecodeException extends CwmpException {
    private static final long serialVersionUID = 1L;

    /** Why decoding failed. */
    public enum Reason {
        /** Not well-formed XML, truncated input, bad characters or encoding. */
        MALFORMED_XML(FaultCode.ACS_INTERNAL_ERROR),
        /** A DOCTYPE declaration: DTDs and entities are never processed. */
        DOCTYPE_NOT_ALLOWED(FaultCode.ACS_INTERNAL_ERROR),
        /** The body has more than {@link DecodeLimits#maxBytes()} bytes. */
        BODY_TOO_LARGE(FaultCode.ACS_RESOURCES_EXCEEDED),
        /** Elements nest deeper than {@link DecodeLimits#maxDepth()}. */
        TOO_DEEP(FaultCode.ACS_RESOURCES_EXCEEDED),
        /** A text node or attribute is longer than {@link DecodeLimits#maxTextLength()}. */
        TEXT_TOO_LONG(FaultCode.ACS_RESOURCES_EXCEEDED),
        /** A list has more than {@link DecodeLimits#maxListItems()} items. */
        TOO_MANY_ITEMS(FaultCode.ACS_RESOURCES_EXCEEDED),
        /** The document is not a SOAP 1.1 envelope with a body holding one message. */
        NOT_A_SOAP_ENVELOPE(FaultCode.ACS_INTERNAL_ERROR),
        /** The message is in a namespace that is not a known CWMP namespace. */
        UNKNOWN_NAMESPACE(FaultCode.ACS_METHOD_NOT_SUPPORTED),
        /** The message is not a CWMP method (and not a vendor {@code X_} method). */
        UNKNOWN_METHOD(FaultCode.ACS_METHOD_NOT_SUPPORTED),
        /** A known method with a malformed or missing argument. */
        INVALID_ARGUMENT(FaultCode.ACS_INVALID_ARGUMENTS),
        /** The body could not be read (I/O error of the input stream). */
        IO_ERROR(FaultCode.ACS_INTERNAL_ERROR);

        private final FaultCode defaultFault;

        Reason(FaultCode defaultFault) {
            this.defaultFault = defaultFault;
        }

        /** The fault an ACS answers this with, unless the exception says otherwise. */
        public FaultCode defaultFault() {
            return defaultFault;
        }
    }

    private final Reason reason;
    private final String cwmpId;
    private final CwmpVersion version;
    private final FaultCode faultToAnswer;

    /**
     * A decode exception.
     *
     * @param reason why
     * @param message what and where
     * @param cwmpId the {@code cwmp:ID} header if read before the error, else null
     * @param version the version seen before the error, else null
     * @param faultToAnswer the fault to answer with, null for the reason's default
     * @param cause the underlying exception, or null
     */
    public CwmpDecodeException(Reason reason, String message, String cwmpId, CwmpVersion version,
            FaultCode faultToAnswer, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.cwmpId = cwmpId;
        this.version = version;
        this.faultToAnswer = faultToAnswer != null ? faultToAnswer : reason.defaultFault();
    }

    /** Why decoding failed. */
    public Reason reason() {
        return reason;
    }

    /** The {@code cwmp:ID} header, when it was read before the error: echo it in the fault response. */
    public Optional<String> cwmpId() {
        return Optional.ofNullable(cwmpId);
    }

    /** The CWMP version seen before the error: answer in its namespace. */
    public Optional<CwmpVersion> version() {
        return Optional.ofNullable(version);
    }

    /** The fault to answer with (ACS range; see the class comment). */
    public FaultCode faultToAnswer() {
        return faultToAnswer;
    }

    /**
     * The envelope that answers the undecodable one: a {@link CwmpFault} with {@link #faultToAnswer()}
     * and its meaning as text (no parser details go to the peer), the {@code cwmp:ID} echoed when it was
     * read, in the version seen or else {@code fallbackVersion}.
     */
    public CwmpEnvelope faultEnvelope(CwmpVersion fallbackVersion) {
        Objects.requireNonNull(fallbackVersion, "fallbackVersion");
        CwmpHeaders headers = cwmpId == null ? CwmpHeaders.NONE : CwmpHeaders.withId(cwmpId);
        return new CwmpEnvelope(version != null ? version : fallbackVersion, headers, CwmpFault.of(faultToAnswer));
    }
}
