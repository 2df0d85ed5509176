package dev.cwmp.protocol.internal;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import dev.cwmp.protocol.CwmpDecodeException;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.DecodeLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/**
 * Decodes envelopes with one shared, hardened Woodstox factory: no DTD processing, no external
 * entities, a resolver that refuses everything, entity references left unreplaced, Woodstox's own
 * limits set from {@link DecodeLimits}, and the input counted against {@code maxBytes}. Thread-safe.
 */
public final class EnvelopeDecoder {
    private static final XMLResolver REFUSE_ALL = (publicId, systemId, baseUri, namespace) -> {
        throw new XMLStreamException("external resources are not allowed: " + systemId);
    };

    private final DecodeLimits limits;
    private final XMLInputFactory factory;

    /** A decoder bounded by these limits. */
    public EnvelopeDecoder(DecodeLimits limits) {
        this.limits = limits;
        this.factory = createFactory(limits);
    }

    /** The hardened factory, shared (the benchmark's bare-Woodstox baseline may use the same settings). */
    public static XMLInputFactory createFactory(DecodeLimits limits) {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.RESOLVER, REFUSE_ALL);
        f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, REFUSE_ALL);
        f.setProperty(WstxInputProperties.P_DTD_RESOLVER, REFUSE_ALL);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxTextLength());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        f.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, limits.maxListItems() + 64);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, (long) limits.maxListItems() * 16 + 10_000);
        f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, limits.maxBytes());
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        return f;
    }

    /**
     * Decodes one envelope held in memory: Woodstox reads the array in place (no stream, no copy), and
     * the byte limit is checked before parsing.
     */
    public CwmpEnvelope decode(byte[] body) {
        MessageReader reader = new MessageReader(limits);
        if (body.length > limits.maxBytes()) {
            throw reader.error(CwmpDecodeException.Reason.BODY_TOO_LARGE, "the body is larger than "
                    + limits.maxBytes() + " bytes (" + body.length + ")", null);
        }
        XMLStreamReader2 xml = null;
        try {
            xml = (XMLStreamReader2) factory.createXMLStreamReader(new Stax2ByteArraySource(body, 0, body.length));
            return reader.read(xml);
        } catch (XMLStreamException e) {
            throw reader.translate(e, xml);
        } catch (RuntimeException e) {
            throw translateRuntime(e, reader, xml);
        } finally {
            close(xml);
        }
    }

    /**
     * Decodes one envelope.
     *
     * @param in the body; not closed
     * @param httpCharset the charset of the HTTP header, or null to detect it from BOM/declaration
     */
    public CwmpEnvelope decode(InputStream in, Charset httpCharset) {
        LimitedInputStream counted = new LimitedInputStream(in, limits.maxBytes());
        MessageReader reader = new MessageReader(limits);
        XMLStreamReader2 xml = null;
        try {
            xml = open(counted, httpCharset);
            return reader.read(xml);
        } catch (XMLStreamException e) {
            throw reader.translate(e, xml);
        } catch (RuntimeException e) {
            throw translateRuntime(e, reader, xml);
        } finally {
            close(xml);
        }
    }

    private static CwmpDecodeException translateRuntime(RuntimeException e, MessageReader reader, XMLStreamReader2 xml) {
        if (e instanceof CwmpDecodeException) {
            return (CwmpDecodeException) e;
        }
        if (e.getCause() instanceof XMLStreamException) {
            // Woodstox reports errors of lazily parsed text this way.
            return reader.translate(e.getCause(), xml);
        }
        return reader.translate(e, xml);
    }

    private static void close(XMLStreamReader2 xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Nothing to release beyond the reader's buffers.
            }
        }
    }

    private XMLStreamReader2 open(LimitedInputStream counted, Charset httpCharset) throws XMLStreamException {
        if (httpCharset == null || httpCharset.equals(StandardCharsets.UTF_8)) {
            // A UTF-8 header leaves the body to its BOM or declaration (devices send it for every body).
            return (XMLStreamReader2) factory.createXMLStreamReader(counted);
        }
        PushbackInputStream pushback = new PushbackInputStream(counted, 4);
        byte[] head = new byte[4];
        int n;
        try {
            n = readUpTo(pushback, head);
            if (n > 0) {
                pushback.unread(head, 0, n);
            }
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
        if (hasByteOrderMark(head, n)) {
            return (XMLStreamReader2) factory.createXMLStreamReader(pushback);
        }
        InputStreamReader chars = new InputStreamReader(pushback, httpCharset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        return (XMLStreamReader2) factory.createXMLStreamReader(chars);
    }

    private static int readUpTo(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static boolean hasByteOrderMark(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return true;
        }
        if (n >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
            return true;
        }
        return n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF;
    }
}
