package dev.cwmp.benchmarks.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.io.Stax2ByteArraySource;

import dev.cwmp.protocol.DecodeLimits;
import dev.cwmp.protocol.internal.EnvelopeDecoder;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;

/**
 * The two baselines the codec is measured against, on the same bytes: a bare Woodstox pass (the
 * floor of any StAX decoder) and a SAAJ parse (the DOM way).
 */
final class Baselines {

    private Baselines() {}

    /**
     * A Woodstox factory with exactly the codec decoder's settings (DTDs off, no external entities, no
     * entity replacement, namespace-aware, Woodstox's limits from the default decode limits): the
     * decoder's own factory method, so that the baseline cannot drift from it.
     */
    static XMLInputFactory hardenedWoodstox() {
        return EnvelopeDecoder.createFactory(DecodeLimits.DEFAULT);
    }

    /**
     * Reads every event and the text of every text event, building nothing; returns a checksum so
     * that the JIT cannot drop the work. The bytes are handed to Woodstox as an array, as the codec's
     * {@code decode(byte[])} does, so that both parse from the same kind of source.
     */
    static long bareWoodstoxPass(XMLInputFactory factory, byte[] bytes) throws XMLStreamException {
        XMLStreamReader reader = ((XMLInputFactory2) factory)
                .createXMLStreamReader(new Stax2ByteArraySource(bytes, 0, bytes.length));
        long checksum = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                checksum += event;
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    checksum += reader.getText().length();
                }
            }
        } finally {
            reader.close();
        }
        return checksum;
    }

    /** A SOAP 1.1 SAAJ message factory (created once, like the codec). */
    static MessageFactory saajFactory() {
        try {
            return MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
        } catch (SOAPException e) {
            throw new IllegalStateException("no SAAJ implementation on the class path", e);
        }
    }

    /** Parses into SAAJ's DOM and touches the body, so that the whole tree is built. */
    static Object saajParse(MessageFactory factory, byte[] bytes) throws SOAPException, IOException {
        MimeHeaders headers = new MimeHeaders();
        headers.addHeader("Content-Type", "text/xml; charset=utf-8");
        SOAPBody body = factory.createMessage(headers, new ByteArrayInputStream(bytes)).getSOAPBody();
        return body.getLastChild();
    }
}
