package dev.cwmp.benchmarks.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

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
     * A Woodstox factory set up as the codec's decoder sets up its own (DTDs off, no external
     * entities, no entity replacement, namespace-aware, the default decode limits).
     */
    static XMLInputFactory hardenedWoodstox() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 64);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 256 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 256 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, 8L * 1024 * 1024);
        return factory;
    }

    /**
     * Reads every event and the text of every text event, building nothing; returns a checksum so
     * that the JIT cannot drop the work.
     */
    static long bareWoodstoxPass(XMLInputFactory factory, byte[] bytes) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
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
