package dev.cwmp.protocol.internal;

import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.DecodeLimits;
import java.io.InputStream;
import java.nio.charset.Charset;

/** Decodes envelopes (work in progress). */
public final class EnvelopeDecoder {
    private final DecodeLimits limits;

    public EnvelopeDecoder(DecodeLimits limits) {
        this.limits = limits;
    }

    public CwmpEnvelope decode(InputStream in, Charset charset) {
        throw new UnsupportedOperationException("decoder not written yet; limits " + limits);
    }
}
