package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cwmp.protocol.CwmpDecodeException.Reason;
import dev.cwmp.protocol.rpc.VendorMessage;
import dev.cwmp.protocol.rpc.XmlElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decode errors carry the reason, the cwmp:ID read so far, the fault to answer and a located message. */
class DecodeErrorTest {
    private static final CwmpCodec CODEC = CwmpCodec.create();

    private static String envelope(String namespace, String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:cwmp=\""
                + namespace + "\">\n<soapenv:Header><cwmp:ID soapenv:mustUnderstand=\"1\">req-17</cwmp:ID>"
                + "</soapenv:Header>\n<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    private static CwmpDecodeException decodeFailure(String xml) {
        return decodeFailure(CODEC, xml);
    }

    private static CwmpDecodeException decodeFailure(CwmpCodec codec, String xml) {
        return catchThrowableOfType(() -> codec.decode(xml.getBytes(StandardCharsets.UTF_8)),
                CwmpDecodeException.class);
    }

    @Test
    void an_unknown_method_is_answered_with_8000_and_keeps_the_id() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-2",
                "<cwmp:Frobnicate><A>1</A></cwmp:Frobnicate>"));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_METHOD);
        assertThat(e.faultToAnswer()).isEqualTo(FaultCode.ACS_METHOD_NOT_SUPPORTED);
        assertThat(e.cwmpId()).contains("req-17");
        assertThat(e.version()).contains(CwmpVersion.V1_2);
        assertThat(e.getMessage()).contains("Frobnicate").containsPattern("at 3:\\d+");
    }

    @Test
    void the_exception_builds_the_fault_envelope_that_answers_it() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-1", "<cwmp:Frobnicate/>"));
        CwmpDecodeException anonymous = decodeFailure("<html/>");

        CwmpEnvelope answer = e.faultEnvelope(CwmpVersion.V1_0);

        assertThat(answer.version()).isEqualTo(CwmpVersion.V1_1);
        assertThat(answer.headers().id()).contains("req-17");
        assertThat(answer.body()).isEqualTo(dev.cwmp.protocol.rpc.CwmpFault.of(FaultCode.ACS_METHOD_NOT_SUPPORTED));
        assertThat(anonymous.faultEnvelope(CwmpVersion.V1_0).headers()).isEqualTo(CwmpHeaders.NONE);
        assertThat(anonymous.faultEnvelope(CwmpVersion.V1_0).version()).isEqualTo(CwmpVersion.V1_0);
    }

    @Test
    void a_vendor_method_decodes_as_a_vendor_message_never_an_error() {
        CwmpEnvelope decoded = CODEC.decode(envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:X_ACME_Reset xmlns:a=\"urn:acme\" a:level=\"2\"> <Mode>hard</Mode> </cwmp:X_ACME_Reset>")
                .getBytes(StandardCharsets.UTF_8));

        VendorMessage vendor = (VendorMessage) decoded.body();
        assertThat(vendor.methodName()).isEqualTo("X_ACME_Reset");
        assertThat(vendor.namespaceUri()).isEqualTo("urn:dslforum-org:cwmp-1-0");
        assertThat(vendor.element().attributes()).containsEntry("{urn:acme}level", "2");
        assertThat(vendor.element().text()).isEmpty();
        assertThat(vendor.element().children()).containsExactly(XmlElement.leaf("", "Mode", "hard"));
        assertThat(decoded.headers().id()).contains("req-17");
    }

    @Test
    void a_vendor_method_in_its_own_namespace_takes_the_version_from_the_headers() {
        CwmpEnvelope decoded = CODEC.decode(envelope("urn:dslforum-org:cwmp-1-1",
                "<v:X_ACME_Ping xmlns:v=\"urn:acme\"/>").getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.version()).isEqualTo(CwmpVersion.V1_1);
        assertThat(((VendorMessage) decoded.body()).namespaceUri()).isEqualTo("urn:acme");
    }

    @Test
    void a_malformed_argument_is_answered_with_8003() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:InformResponse><MaxEnvelopes>many</MaxEnvelopes></cwmp:InformResponse>"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(e.faultToAnswer()).isEqualTo(FaultCode.ACS_INVALID_ARGUMENTS);
        assertThat(e.cwmpId()).contains("req-17");
        assertThat(e.getMessage()).contains("MaxEnvelopes").contains("many");
    }

    @Test
    void an_argument_the_record_rejects_is_an_invalid_argument() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:AddObjectResponse><InstanceNumber>0</InstanceNumber><Status>0</Status></cwmp:AddObjectResponse>"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("AddObjectResponse").contains("instanceNumber");
    }

    @Test
    void an_inform_without_device_id_is_an_invalid_argument() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-0", "<cwmp:Inform/>"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("DeviceId");
    }

    @Test
    void an_unknown_cwmp_namespace_is_answered_with_8006() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-9", "<cwmp:Inform/>"));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_NAMESPACE);
        assertThat(e.faultToAnswer()).isEqualTo(FaultCode.ACS_VERSION_INCOMPATIBLE);
        assertThat(e.getMessage()).contains("urn:dslforum-org:cwmp-1-9");
    }

    @Test
    void a_foreign_namespace_is_answered_with_8000() {
        CwmpDecodeException e = decodeFailure(envelope("urn:example:other", "<cwmp:Inform/>"));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_NAMESPACE);
        assertThat(e.faultToAnswer()).isEqualTo(FaultCode.ACS_METHOD_NOT_SUPPORTED);
    }

    @Test
    void xml_that_is_not_a_soap_envelope_is_rejected() {
        CwmpDecodeException e = decodeFailure("<html><body>hello</body></html>");

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_SOAP_ENVELOPE);
        assertThat(e.faultToAnswer()).isEqualTo(FaultCode.ACS_INTERNAL_ERROR);
        assertThat(e.cwmpId()).isEmpty();
    }

    @Test
    void an_envelope_without_a_message_is_rejected() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-0", ""));

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_SOAP_ENVELOPE);
        assertThat(e.cwmpId()).contains("req-17");
    }

    @Test
    void a_body_with_two_messages_is_not_a_cwmp_envelope() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:GetRPCMethods/><cwmp:FactoryReset/>"));

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_SOAP_ENVELOPE);
        assertThat(e.getMessage()).contains("GetRPCMethods").contains("FactoryReset");
        assertThat(e.cwmpId()).contains("req-17");
    }

    @Test
    void content_after_the_envelope_is_malformed_but_whitespace_and_comments_are_fine() {
        String one = envelope("urn:dslforum-org:cwmp-1-0", "<cwmp:GetRPCMethods/>");

        assertThat(decodeFailure(one + one).reason()).isEqualTo(Reason.MALFORMED_XML);
        assertThat(decodeFailure(one + "trailing").reason()).isEqualTo(Reason.MALFORMED_XML);
        assertThat(CODEC.decode((one + "\n<!-- end -->\n").getBytes(StandardCharsets.UTF_8)).body().methodName())
                .isEqualTo("GetRPCMethods");
    }

    @Test
    void broken_xml_is_malformed_with_its_location() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:GetRPCMethods></cwmp:Oops>"));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_XML);
        assertThat(e.cwmpId()).contains("req-17");
        assertThat(e.getMessage()).containsPattern("3,\\d+|3:\\d+");
    }

    @Test
    void rejects_doctype_in_envelope() {
        CwmpDecodeException e = decodeFailure("<!DOCTYPE x [<!ENTITY a \"b\">]>" + envelope(
                "urn:dslforum-org:cwmp-1-0", "<cwmp:GetRPCMethods/>"));

        assertThat(e.reason()).isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
    }

    @Test
    void rejects_doctype_after_declaration_and_comment_and_inside_the_document() {
        String declared = "<?xml version=\"1.0\"?><!-- hi --><!DOCTYPE soapenv:Envelope SYSTEM \"file:///etc/passwd\">"
                + envelope("urn:dslforum-org:cwmp-1-0", "<cwmp:GetRPCMethods/>");
        String inside = envelope("urn:dslforum-org:cwmp-1-0", "<!DOCTYPE x><cwmp:GetRPCMethods/>");

        assertThat(decodeFailure(declared).reason()).isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
        assertThat(decodeFailure(inside).reason()).isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
    }

    @Test
    void rejects_undeclared_entity_references() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:Reboot><CommandKey>&ext;</CommandKey></cwmp:Reboot>"));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_XML);
        assertThat(e.cwmpId()).contains("req-17");
    }

    @Test
    void rejects_bodies_over_the_byte_limit() {
        CwmpCodec small = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxBytes(200)).build();

        CwmpDecodeException e = decodeFailure(small, envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:Reboot><CommandKey>" + "k".repeat(500) + "</CommandKey></cwmp:Reboot>"));

        assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(e.faultToAnswer()).isEqualTo(FaultCode.ACS_RESOURCES_EXCEEDED);
    }

    @Test
    void stops_reading_a_stream_just_past_the_byte_limit() {
        CwmpCodec small = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxBytes(20_000)).build();
        String open = envelope("urn:dslforum-org:cwmp-1-0", "<cwmp:Reboot><CommandKey>");
        byte[] start = open.substring(0, open.indexOf("</soapenv:Body>")).getBytes(StandardCharsets.UTF_8);
        long[] served = {0};
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                int b = served[0] < start.length ? start[(int) served[0]] : 'k';
                served[0]++;
                return b;
            }
        };

        CwmpDecodeException e = catchThrowableOfType(() -> small.decode(endless), CwmpDecodeException.class);

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(e.cwmpId()).contains("req-17");
        assertThat(served[0]).isEqualTo(20_001);
    }

    @Test
    void rejects_nesting_deeper_than_the_limit() {
        CwmpCodec shallow = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxDepth(10)).build();

        CwmpDecodeException e = decodeFailure(shallow, envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:X_Deep>" + "<a>".repeat(20) + "</a>".repeat(20) + "</cwmp:X_Deep>"));

        assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
    }

    @Test
    void rejects_text_longer_than_the_limit() {
        CwmpCodec strict = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxTextLength(100)).build();

        CwmpDecodeException e = decodeFailure(strict, envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:Reboot><CommandKey>" + "k".repeat(5000) + "</CommandKey></cwmp:Reboot>"));

        assertThat(e.reason()).isEqualTo(Reason.TEXT_TOO_LONG);
    }

    @Test
    void rejects_lists_with_more_items_than_the_limit() {
        CwmpCodec strict = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxListItems(3)).build();

        CwmpDecodeException e = decodeFailure(strict, envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:GetParameterValues><ParameterNames>" + "<string>A</string>".repeat(4)
                        + "</ParameterNames></cwmp:GetParameterValues>"));

        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ITEMS);
        assertThat(e.cwmpId()).contains("req-17");
    }

    @Test
    void accepts_lists_exactly_at_the_limit() {
        CwmpCodec strict = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxListItems(3)).build();

        CwmpEnvelope decoded = strict.decode(envelope("urn:dslforum-org:cwmp-1-0",
                "<cwmp:GetParameterValues><ParameterNames>" + "<string>A</string>".repeat(3)
                        + "</ParameterNames></cwmp:GetParameterValues>").getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.body().methodName()).isEqualTo("GetParameterValues");
    }

    @Test
    void a_soap_fault_without_cwmp_detail_is_an_invalid_argument() {
        CwmpDecodeException e = decodeFailure(envelope("urn:dslforum-org:cwmp-1-0",
                "<soapenv:Fault><faultcode>Server</faultcode><faultstring>oops</faultstring></soapenv:Fault>"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("oops");
    }

    @Test
    void truncated_input_is_malformed() {
        String xml = envelope("urn:dslforum-org:cwmp-1-0", "<cwmp:Reboot><CommandKey>k</CommandKey></cwmp:Reboot>");

        CwmpDecodeException e = decodeFailure(xml.substring(0, xml.length() - 30));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_XML);
    }
}
