package dev.cwmp.protocol;

import dev.cwmp.protocol.internal.EnvelopeDecoder;
import dev.cwmp.protocol.internal.EnvelopeEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Decodes CWMP SOAP envelopes from bytes and encodes them to bytes. Immutable and thread-safe:
 * create one and share it.
 *
 * <p>The decoder is a hardened streaming (StAX) reader: no DTDs, no entities, no external access,
 * bounded by {@link DecodeLimits}; it tolerates what real CPEs send (any prefixes, the 1999 XML Schema
 * namespaces, missing {@code xsi:type}, wrong array counts, 0/1 booleans, unknown extra elements,
 * a fault detail nested in the faultstring, any charset). Every failure is a
 * {@link CwmpDecodeException}. The encoder writes conservatively: UTF-8 without XML declaration,
 * prefixes {@code soapenv soapenc xsd xsi cwmp} bound on the Envelope, {@code xsi:type} on every
 * value, correct {@code soapenc:arrayType} counts, the namespace of the envelope's version.
 *
 * <p>Decoding reads what the body says and no more: unknown SOAP headers are skipped (even with
 * {@code mustUnderstand="1"}), a value without {@code xsi:type} is
 * {@link dev.cwmp.protocol.rpc.XsdType#UNSPECIFIED} (written back as {@code xsd:string}), and
 * {@link CwmpEnvelope#version()} is the version the envelope itself shows (see
 * {@link CwmpVersion#detect}); the session's negotiated version is the caller's to keep.
 *
 * <p>Characters that XML 1.0 cannot carry (controls other than tab, newline and carriage return,
 * U+FFFE, U+FFFF, unpaired surrogates) are written as U+FFFD, the replacement character; a carriage
 * return is written as {@code &#13;} so that it survives the round trip.
 */
public final class CwmpCodec {
    private final DecodeLimits limits;
    private final EnvelopeDecoder decoder;
    private final EnvelopeEncoder encoder;

    private CwmpCodec(DecodeLimits limits) {
        this.limits = limits;
        this.decoder = new EnvelopeDecoder(limits);
        this.encoder = new EnvelopeEncoder();
    }

    /** A codec with {@link DecodeLimits#DEFAULT}. */
    public static CwmpCodec create() {
        return new CwmpCodec(DecodeLimits.DEFAULT);
    }

    /** A builder for a codec with other limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** The limits this codec decodes with. */
    public DecodeLimits limits() {
        return limits;
    }

    /**
     * Decodes an envelope; the charset comes from a byte-order mark or the XML declaration, else UTF-8.
     * Reads at most {@link DecodeLimits#maxBytes()} bytes; does not close the stream.
     *
     * @throws CwmpDecodeException when the body is not a CWMP envelope this codec can read
     */
    public CwmpEnvelope decode(InputStream body) {
        Objects.requireNonNull(body, "body");
        return decoder.decode(body, null);
    }

    /**
     * Decodes an envelope whose charset the HTTP {@code Content-Type} header named. A byte-order mark
     * in the body still wins (a device that writes one knows its encoding); otherwise a non-UTF-8 header
     * charset wins over the XML declaration. A UTF-8 header, which many devices send for every body
     * whatever its encoding, leaves the body to its declaration (UTF-8 when it has none).
     *
     * @throws CwmpDecodeException when the body is not a CWMP envelope this codec can read
     */
    public CwmpEnvelope decode(InputStream body, Charset charsetFromHttpHeader) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(charsetFromHttpHeader, "charsetFromHttpHeader");
        return decoder.decode(body, charsetFromHttpHeader);
    }

    /**
     * Decodes an envelope held in memory (charset as in {@link #decode(InputStream)}).
     *
     * @throws CwmpDecodeException when the body is not a CWMP envelope this codec can read
     */
    public CwmpEnvelope decode(byte[] body) {
        Objects.requireNonNull(body, "body");
        return decoder.decode(body);
    }

    /**
     * Writes an envelope as UTF-8 to a stream (not closed, flushed).
     *
     * @throws CwmpException wrapping the {@link IOException} when the stream fails
     */
    public void encode(CwmpEnvelope envelope, OutputStream out) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(out, "out");
        try {
            encoder.encode(envelope, out);
        } catch (IOException e) {
            throw new CwmpException("could not write the " + envelope.body().methodName() + " envelope: " + e, e);
        }
    }

    /** Encodes an envelope as UTF-8 bytes. */
    public byte[] encode(CwmpEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        encode(envelope, out);
        return out.toByteArray();
    }

    /** Builds a {@link CwmpCodec}. */
    public static final class Builder {
        private DecodeLimits limits = DecodeLimits.DEFAULT;

        private Builder() {
        }

        /** Sets the decode limits (default {@link DecodeLimits#DEFAULT}). */
        public Builder limits(DecodeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Builds the codec. */
        public CwmpCodec build() {
            return new CwmpCodec(limits);
        }
    }
}
