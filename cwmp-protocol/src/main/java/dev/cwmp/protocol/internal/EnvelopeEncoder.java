package dev.cwmp.protocol.internal;

import dev.cwmp.protocol.CwmpEnvelope;
import java.io.IOException;
import java.io.OutputStream;

/** Encodes envelopes (work in progress). */
public final class EnvelopeEncoder {
    public void encode(CwmpEnvelope envelope, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("encoder not written yet");
    }
}
