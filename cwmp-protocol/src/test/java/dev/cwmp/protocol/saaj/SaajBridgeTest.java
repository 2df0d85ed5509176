package dev.cwmp.protocol.saaj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;

import javax.xml.namespace.QName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpDecodeException;
import dev.cwmp.protocol.CwmpDecodeException.Reason;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.DecodeLimits;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.testsupport.SampleMessages;
import dev.cwmp.protocol.testsupport.SampleMessages.Sample;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPEnvelope;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeaderElement;
import jakarta.xml.soap.SOAPMessage;

class SaajBridgeTest {

    private static final CwmpCodec CODEC = CwmpCodec.create();
    private static final SaajBridge BRIDGE = SaajBridge.using(CODEC);

    static Stream<Arguments> every_message_in_every_version() {
        return Stream.of(CwmpVersion.values()).flatMap(version -> SampleMessages.forVersion(version).stream()
                .map(sample -> Arguments.of(version, sample)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("every_message_in_every_version")
    void every_message_comes_back_from_saaj_as_from_the_codec_itself(CwmpVersion version, Sample sample) {
        CwmpEnvelope envelope = SampleMessages.envelope(version, sample.message());
        // What the codec alone gives back (a value without xsi:type, UNSPECIFIED, comes back as STRING).
        CwmpEnvelope direct = CODEC.decode(CODEC.encode(envelope));

        CwmpEnvelope back = BRIDGE.fromSoapMessage(BRIDGE.toSoapMessage(envelope));

        assertThat(back).isEqualTo(direct);
        assertThat(back.body().methodName()).isEqualTo(envelope.body().methodName());
        assertThat(back.headers()).isEqualTo(envelope.headers());
    }

    @Test
    void vendor_message_survives_a_trip_through_saaj() {
        CwmpEnvelope envelope = SampleMessages.envelope(CwmpVersion.V1_2, SampleMessages.vendorMessage());

        assertThat(BRIDGE.fromSoapMessage(BRIDGE.toSoapMessage(envelope))).isEqualTo(envelope);
    }

    @Test
    void saaj_message_has_the_method_in_the_version_namespace_and_the_id_header() throws SOAPException {
        SOAPMessage message = BRIDGE.toSoapMessage(CwmpEnvelope.of(CwmpVersion.V1_1, "id-7", new GetRPCMethods()));

        SOAPEnvelope soapEnvelope = message.getSOAPPart().getEnvelope();
        assertThat(soapEnvelope.getNamespaceURI()).isEqualTo(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE);
        Element method = firstElement(message.getSOAPBody());
        assertThat(method.getLocalName()).isEqualTo("GetRPCMethods");
        assertThat(method.getNamespaceURI()).isEqualTo("urn:dslforum-org:cwmp-1-1");
        SOAPHeaderElement id = (SOAPHeaderElement) message.getSOAPHeader()
                .getChildElements(new QName("urn:dslforum-org:cwmp-1-1", "ID")).next();
        assertThat(id.getTextContent()).isEqualTo("id-7");
        assertThat(id.getMustUnderstand()).isTrue();
    }

    @Test
    void reads_a_message_built_with_the_saaj_api() throws SOAPException {
        SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
        String cwmp = CwmpVersion.V1_0.namespaceUri();
        SOAPHeaderElement id = message.getSOAPHeader().addHeaderElement(new QName(cwmp, "ID", "cwmp"));
        id.setMustUnderstand(true);
        id.addTextNode("saaj-1");
        SOAPElement request = message.getSOAPBody().addChildElement(new QName(cwmp, "GetParameterValues", "cwmp"));
        SOAPElement names = request.addChildElement("ParameterNames");
        names.addChildElement("string").addTextNode("Device.DeviceInfo.UpTime");
        names.addChildElement("string").addTextNode("Device.WiFi.SSID.1.SSID");
        message.saveChanges();

        CwmpEnvelope envelope = BRIDGE.fromSoapMessage(message);

        assertThat(envelope.version()).isEqualTo(CwmpVersion.V1_0);
        assertThat(envelope.headers().id()).contains("saaj-1");
        assertThat(envelope.body()).isEqualTo(new GetParameterValues(
                List.of("Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1.SSID")));
    }

    @Test
    void ignores_attachments_of_the_saaj_message() throws SOAPException {
        CwmpEnvelope envelope = CwmpEnvelope.of(CwmpVersion.V1_2, "att-1", new GetRPCMethods());
        SOAPMessage message = BRIDGE.toSoapMessage(envelope);
        message.addAttachmentPart(message.createAttachmentPart("a firmware log", "text/plain"));
        message.saveChanges();

        assertThat(message.countAttachments()).isEqualTo(1);
        assertThat(BRIDGE.fromSoapMessage(message)).isEqualTo(envelope);
    }

    @Test
    void rejects_an_unknown_method_built_with_saaj_as_the_decoder_does() throws SOAPException {
        SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
        String cwmp = CwmpVersion.V1_2.namespaceUri();
        SOAPHeaderElement id = message.getSOAPHeader().addHeaderElement(new QName(cwmp, "ID", "cwmp"));
        id.setMustUnderstand(true);
        id.addTextNode("saaj-2");
        message.getSOAPBody().addChildElement(new QName(cwmp, "SelfDestruct", "cwmp"));

        CwmpDecodeException e = catchThrowableOfType(() -> BRIDGE.fromSoapMessage(message), CwmpDecodeException.class);

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_METHOD);
        assertThat(e.cwmpId()).contains("saaj-2");
    }

    @Test
    void rejects_a_soap_1_2_message() throws SOAPException {
        SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL).createMessage();
        message.getSOAPBody().addChildElement(new QName(CwmpVersion.V1_0.namespaceUri(), "GetRPCMethods", "cwmp"));

        CwmpDecodeException e = catchThrowableOfType(() -> BRIDGE.fromSoapMessage(message), CwmpDecodeException.class);

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_SOAP_ENVELOPE);
    }

    @Test
    void applies_the_limits_of_its_codec() {
        SaajBridge strict = SaajBridge.using(
                CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxListItems(2)).build());
        SOAPMessage threeValues = BRIDGE.toSoapMessage(CwmpEnvelope.of(CwmpVersion.V1_2, "lim-1",
                new GetParameterValuesResponse(List.of(ParameterValueStruct.of("Device.A", "1"),
                        ParameterValueStruct.of("Device.B", "2"), ParameterValueStruct.of("Device.C", "3")))));

        CwmpDecodeException e = catchThrowableOfType(() -> strict.fromSoapMessage(threeValues), CwmpDecodeException.class);

        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ITEMS);
        assertThat(BRIDGE.fromSoapMessage(threeValues).body()).isInstanceOf(GetParameterValuesResponse.class);
    }

    private static Element firstElement(SOAPBody body) {
        for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                return (Element) node;
            }
        }
        throw new AssertionError("empty SOAP body");
    }
}
