package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.VendorMessage;
import dev.cwmp.protocol.rpc.XmlElement;
import dev.cwmp.protocol.rpc.XsdType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the encoder writes, checked on the bytes and with the JDK's own DOM parser. */
class EncoderOutputTest {
    private static final CwmpCodec CODEC = CwmpCodec.create();
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/";

    @Test
    void writes_no_xml_declaration_and_starts_with_the_envelope() {
        String xml = encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1", SampleMessages.inform()));

        assertThat(xml).startsWith("<soapenv:Envelope ");
        assertThat(xml).doesNotContain("<?xml");
    }

    @Test
    void binds_the_five_prefixes_on_the_envelope() throws Exception {
        Element envelope = parse(encode(CwmpEnvelope.of(CwmpVersion.V1_1, "1", SampleMessages.inform())))
                .getDocumentElement();

        assertThat(envelope.getAttribute("xmlns:soapenv")).isEqualTo(SOAP_ENV);
        assertThat(envelope.getAttribute("xmlns:soapenc")).isEqualTo(SOAP_ENC);
        assertThat(envelope.getAttribute("xmlns:xsd")).isEqualTo("http://www.w3.org/2001/XMLSchema");
        assertThat(envelope.getAttribute("xmlns:xsi")).isEqualTo(XSI);
        assertThat(envelope.getAttribute("xmlns:cwmp")).isEqualTo("urn:dslforum-org:cwmp-1-1");
    }

    @ParameterizedTest
    @EnumSource(CwmpVersion.class)
    void writes_the_namespace_of_the_version(CwmpVersion version) throws Exception {
        Document document = parse(encode(CwmpEnvelope.of(version, "1", new GetParameterValues(List.of("Device.")))));

        Element body = (Element) document.getElementsByTagNameNS(SOAP_ENV, "Body").item(0);
        Element method = firstChildElement(body);
        assertThat(method.getNamespaceURI()).isEqualTo(version.namespaceUri());
        assertThat(method.getLocalName()).isEqualTo("GetParameterValues");
    }

    @Test
    void writes_the_id_header_with_must_understand() throws Exception {
        Document document = parse(encode(CwmpEnvelope.of(CwmpVersion.V1_2, "abc-1", new GetParameterValues(
                List.of("Device.")))));

        Element id = (Element) document.getElementsByTagNameNS("urn:dslforum-org:cwmp-1-2", "ID").item(0);
        assertThat(id.getTextContent()).isEqualTo("abc-1");
        assertThat(id.getAttributeNS(SOAP_ENV, "mustUnderstand")).isEqualTo("1");
        assertThat(id.getParentNode().getLocalName()).isEqualTo("Header");
    }

    @Test
    void writes_no_header_element_when_there_are_no_headers() {
        assertThat(encode(CwmpEnvelope.of(CwmpVersion.V1_0, new GetParameterValues(List.of("Device.")))))
                .doesNotContain("Header");
    }

    @Test
    void writes_an_xsi_type_on_every_value_unspecified_as_xsd_string() throws Exception {
        List<ParameterValueStruct> values = new ArrayList<>();
        for (XsdType type : XsdType.values()) {
            values.add(new ParameterValueStruct("Device.X_" + type, "1", type));
        }
        Document document = parse(encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1",
                new GetParameterValuesResponse(values))));

        NodeList valueElements = document.getElementsByTagName("Value");
        assertThat(valueElements.getLength()).isEqualTo(XsdType.values().length);
        List<String> types = new ArrayList<>();
        for (int i = 0; i < valueElements.getLength(); i++) {
            types.add(((Element) valueElements.item(i)).getAttributeNS(XSI, "type"));
        }
        assertThat(types).containsExactly("xsd:string", "xsd:int", "xsd:unsignedInt", "xsd:long", "xsd:unsignedLong",
                "xsd:boolean", "xsd:dateTime", "xsd:base64Binary", "xsd:hexBinary", "xsd:string");
    }

    @Test
    void writes_array_types_with_the_exact_item_counts_for_every_message() throws Exception {
        Pattern arrayType = Pattern.compile("soapenc:arrayType=\"([^\"\\[]+)\\[(\\d+)]\"");
        int arrays = 0;
        for (CwmpMessage message : SampleMessages.all()) {
            Document document = parse(encode(CwmpEnvelope.of(CwmpVersion.V1_2, "1", message)));
            NodeList all = document.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                String declared = element.getAttributeNS(SOAP_ENC, "arrayType");
                if (declared.isEmpty()) {
                    continue;
                }
                Matcher matcher = arrayType.matcher("soapenc:arrayType=\"" + declared + "\"");
                assertThat(matcher.matches()).as(declared).isTrue();
                assertThat(Integer.parseInt(matcher.group(2)))
                        .as("%s of %s", element.getLocalName(), message.methodName())
                        .isEqualTo(childElements(element).size());
                arrays++;
            }
        }
        assertThat(arrays).as("arrays checked").isGreaterThanOrEqualTo(20);
    }

    @Test
    void writes_the_soap_fault_as_tr_069_says() throws Exception {
        Document document = parse(encode(CwmpEnvelope.of(CwmpVersion.V1_0, "7",
                CwmpFault.of(FaultCode.ACS_METHOD_NOT_SUPPORTED, "no such method"))));

        Element fault = (Element) document.getElementsByTagNameNS(SOAP_ENV, "Fault").item(0);
        assertThat(text(fault, "faultcode")).isEqualTo("Server");
        assertThat(text(fault, "faultstring")).isEqualTo("CWMP fault");
        Element detail = (Element) fault.getElementsByTagName("detail").item(0);
        Element cwmpFault = firstChildElement(detail);
        assertThat(cwmpFault.getNamespaceURI()).isEqualTo("urn:dslforum-org:cwmp-1-0");
        assertThat(cwmpFault.getLocalName()).isEqualTo("Fault");
        assertThat(text(cwmpFault, "FaultCode")).isEqualTo("8000");
        assertThat(text(cwmpFault, "FaultString")).isEqualTo("no such method");
    }

    @Test
    void escapes_markup_characters_in_text_and_attributes() throws Exception {
        String nasty = "<a href=\"x\">Tom & 'Jerry'</a>";
        XmlElement element = new XmlElement("", "X_Test", java.util.Map.of("attr", nasty + "\t\n"), nasty, List.of());
        String xml = encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1", new GetParameterValuesResponse(List.of(
                ParameterValueStruct.of("Device.X", nasty)))));
        String vendorXml = encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1", new VendorMessage(element)));

        assertThat(xml).contains("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
        Element value = (Element) parse(xml).getElementsByTagName("Value").item(0);
        assertThat(value.getTextContent()).isEqualTo(nasty);
        Element vendor = (Element) parse(vendorXml).getElementsByTagName("X_Test").item(0);
        assertThat(vendor.getAttribute("attr")).isEqualTo(nasty + "\t\n");
        assertThat(vendor.getTextContent()).isEqualTo(nasty);
    }

    @Test
    void keeps_carriage_returns_by_writing_them_as_character_references() {
        String value = "line 1\r\nline 2\r";
        CwmpEnvelope envelope = CwmpEnvelope.of(CwmpVersion.V1_0, "1", new GetParameterValuesResponse(List.of(
                ParameterValueStruct.of("Device.X", value))));

        String xml = encode(envelope);

        assertThat(xml).contains("line 1&#13;\nline 2&#13;");
        assertThat(CODEC.decode(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(envelope);
    }

    @Test
    void replaces_characters_illegal_in_xml_1_0_with_the_replacement_character() throws Exception {
        String illegal = "a\u0000b\u0001c\u001Fd\uFFFEe\uFFFFf\uD800g\uDC00h";
        String xml = encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1", new GetParameterValuesResponse(List.of(
                ParameterValueStruct.of("Device.X", illegal)))));

        Element value = (Element) parse(xml).getElementsByTagName("Value").item(0);
        assertThat(value.getTextContent()).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh");
    }

    @Test
    void writes_supplementary_characters_as_four_byte_utf_8() {
        byte[] bytes = CODEC.encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1", new GetParameterValuesResponse(List.of(
                ParameterValueStruct.of("Device.X", "\uD83D\uDE00")))));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(">\uD83D\uDE00<");
    }

    @Test
    void writes_large_messages_beyond_the_buffer_intact() {
        List<ParameterValueStruct> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add(ParameterValueStruct.of("Device.X." + i + ".Name", "value-" + "é".repeat(i % 50) + i));
        }
        CwmpEnvelope envelope = CwmpEnvelope.of(CwmpVersion.V1_2, "1", new GetParameterValuesResponse(values));

        assertThat(CODEC.decode(CODEC.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void declares_vendor_namespaces_where_they_are_first_used() throws Exception {
        Document document = parse(encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1", SampleMessages.vendorMessage())));

        Element vendor = (Element) document.getElementsByTagNameNS("urn:example:vendor", "X_ACME_Configure").item(0);
        assertThat(vendor).isNotNull();
        Element setting = firstChildElement(vendor);
        assertThat(setting.getNamespaceURI()).isNull();
        assertThat(setting.getAttributeNS("urn:example:vendor", "scope")).isEqualTo("all");
    }

    @Test
    void refuses_vendor_names_it_could_not_write_as_xml() {
        VendorMessage bad = new VendorMessage(XmlElement.of("", "X_Ok", List.of(XmlElement.leaf("", "not ok", ""))));

        assertThatThrownBy(() -> CODEC.encode(CwmpEnvelope.of(CwmpVersion.V1_0, bad)))
                .isInstanceOf(CwmpException.class).hasMessageContaining("not ok");
    }

    @Test
    void wraps_stream_failures_in_a_cwmp_exception() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> CODEC.encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1", SampleMessages.inform()), broken))
                .isInstanceOf(CwmpException.class).hasMessageContaining("Inform").hasRootCauseMessage("disk full");
    }

    @Test
    void encodes_booleans_as_1_and_0() {
        String xml = encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1",
                new dev.cwmp.protocol.rpc.GetParameterNames("Device.", true)));

        assertThat(xml).contains("<NextLevel>1</NextLevel>");
    }

    @Test
    void every_sample_encodes_to_well_formed_xml() throws Exception {
        for (CwmpVersion version : CwmpVersion.values()) {
            for (CwmpMessage message : SampleMessages.all()) {
                Document document = parse(encode(new CwmpEnvelope(version, SampleMessages.headersFor(version),
                        message)));
                assertThat(document.getDocumentElement().getLocalName()).isEqualTo("Envelope");
            }
        }
    }

    private static String encode(CwmpEnvelope envelope) {
        return new String(CODEC.encode(envelope), StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element firstChildElement(Element parent) {
        return childElements(parent).get(0);
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                children.add((Element) n);
            }
        }
        return children;
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }
}
