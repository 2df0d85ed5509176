package dev.cwmp.protocol.saaj;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpDecodeException;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpException;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.soap.SOAPPart;

/**
 * Converts between {@link CwmpEnvelope}s and SAAJ {@link SOAPMessage}s (SOAP 1.1), for applications
 * that already hold SAAJ messages (a JAX-WS handler, a SAAJ client).
 *
 * <p>Both directions go through the codec's bytes: {@link #toSoapMessage} lets the codec's encoder
 * write the envelope and SAAJ parse it; {@link #fromSoapMessage} serializes the message's SOAP part
 * and lets the codec's hardened decoder read it, with the codec's {@link dev.cwmp.protocol.DecodeLimits}.
 * Attachments are ignored.
 *
 * <p>Needs a SAAJ implementation at run time (for example {@code com.sun.xml.messaging.saaj:saaj-impl}).
 * An instance is immutable; it is thread-safe as far as the SAAJ implementation's
 * {@link MessageFactory} is (the reference implementation's is).
 */
public final class SaajBridge {

    private final CwmpCodec codec;
    private final MessageFactory messageFactory;
    private final TransformerFactory transformerFactory;

    private SaajBridge(CwmpCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        try {
            this.messageFactory = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
        } catch (SOAPException | RuntimeException e) {
            throw new CwmpException("no SAAJ implementation for SOAP 1.1 found: " + e.getMessage(), e);
        }
        this.transformerFactory = secureTransformerFactory();
    }

    /** A bridge over a codec with the default limits. */
    public static SaajBridge create() {
        return new SaajBridge(CwmpCodec.create());
    }

    /** A bridge over {@code codec}, whose limits then apply to {@link #fromSoapMessage}. */
    public static SaajBridge using(CwmpCodec codec) {
        return new SaajBridge(codec);
    }

    /**
     * The envelope as a SOAP 1.1 SAAJ message, parsed from what the codec's encoder writes.
     *
     * @throws CwmpException if SAAJ cannot build the message
     */
    public SOAPMessage toSoapMessage(CwmpEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        byte[] bytes = codec.encode(envelope);
        MimeHeaders headers = new MimeHeaders();
        headers.addHeader("Content-Type", "text/xml; charset=utf-8");
        try {
            SOAPMessage message = messageFactory.createMessage(headers, new ByteArrayInputStream(bytes));
            // SAAJ parses lazily: parse now, so that a failure surfaces here and not later.
            message.getSOAPPart().getEnvelope();
            return message;
        } catch (SOAPException | IOException | RuntimeException e) {
            throw new CwmpException("SAAJ could not build a message from the encoded " + envelope.body().methodName()
                    + " envelope: " + e.getMessage(), e);
        }
    }

    /**
     * The envelope that the message's SOAP part holds, read by the codec's decoder.
     *
     * @throws CwmpDecodeException if the decoder rejects the envelope (as for bytes off the wire)
     * @throws CwmpException if the SAAJ message cannot be serialized
     */
    public CwmpEnvelope fromSoapMessage(SOAPMessage message) {
        Objects.requireNonNull(message, "message");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            SOAPPart part = message.getSOAPPart();
            Transformer transformer = transformerFactory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new DOMSource(part.getEnvelope()), new StreamResult(out));
        } catch (SOAPException | TransformerException | RuntimeException e) {
            throw new CwmpException("could not serialize the SAAJ message's SOAP part: " + e.getMessage(), e);
        }
        return codec.decode(out.toByteArray());
    }

    private static TransformerFactory secureTransformerFactory() {
        TransformerFactory factory = TransformerFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new CwmpException("the XML transformer refuses secure processing", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }
}
