package dev.cwmp.testkit.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AcsRequestScannerTest {

    private static final CwmpCodec CODEC = CwmpCodec.create();

    private static AcsRequestScanner.Found scan(String xml) throws ProtocolViolation {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        return AcsRequestScanner.scan(b, b.length);
    }

    private static String idOf(String xml) throws ProtocolViolation {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        AcsRequestScanner.IdSpan span = AcsRequestScanner.scan(b, b.length).id().orElseThrow();
        return new String(b, span.start(), span.end() - span.start(), StandardCharsets.UTF_8);
    }

    @Test
    void finds_the_method_and_id_of_what_the_codec_writes() throws ProtocolViolation {
        for (int i = 0; i < CannedResponses.of(dev.cwmp.testkit.load.Scenario.GET_THEN_SET).size(); i++) {
            byte[] response = CannedResponses.of(dev.cwmp.testkit.load.Scenario.GET_THEN_SET).get(i);
            String text = new String(response, StandardCharsets.UTF_8);
            int body = text.indexOf("\r\n\r\n") + 4;
            if (body >= text.length()) {
                continue; // the 204
            }
            String xml = text.substring(body);
            CwmpEnvelope decoded = CODEC.decode(xml.getBytes(StandardCharsets.UTF_8));
            assertThat(scan(xml).methodName()).isEqualTo(decoded.body().methodName());
            assertThat(idOf(xml)).isEqualTo(decoded.headers().id().orElseThrow());
        }
    }

    @Test
    void copes_with_other_prefixes_default_namespaces_attributes_and_comments() throws ProtocolViolation {
        String xml = """
                <?xml version="1.0"?>
                <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:dslforum-org:cwmp-1-0">
                  <S:Header><c:ID S:mustUnderstand="1">abc&amp;7</c:ID></S:Header>
                  <S:Body >
                    <!-- a comment -->
                    <SetParameterValues xmlns="urn:dslforum-org:cwmp-1-0"><ParameterList/></SetParameterValues>
                  </S:Body>
                </S:Envelope>""";
        assertThat(scan(xml).methodName()).isEqualTo("SetParameterValues");
        assertThat(idOf(xml)).isEqualTo("abc&amp;7");
    }

    @Test
    void elements_whose_names_end_like_body_or_id_are_not_mistaken() throws ProtocolViolation {
        String xml = "<E><H><x:SessionID>no</x:SessionID><x:ID>yes</x:ID></H><x:NotBody/><s:Body><x:Reboot/></s:Body></E>";
        assertThat(scan(xml).methodName()).isEqualTo("Reboot");
        assertThat(idOf(xml)).isEqualTo("yes");
    }

    @Test
    void no_id_header_gives_no_span() throws ProtocolViolation {
        assertThat(scan("<E><s:Body><c:GetRPCMethods/></s:Body></E>").id()).isEmpty();
    }

    @Test
    void an_envelope_without_body_or_with_an_empty_body_is_a_protocol_violation() {
        assertThatThrownBy(() -> scan("<E><s:Header/></E>")).isInstanceOf(ProtocolViolation.class);
        assertThatThrownBy(() -> scan("<E><s:Body></s:Body></E>")).isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void answers_carry_the_acs_id_verbatim_and_decode() {
        for (String method : new String[] {"GetParameterValues", "SetParameterValues", "Reboot"}) {
            CpeMessages.Template t = CpeMessages.answerTo(method);
            byte[] id = "acs-1f&amp;x".getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            answer.writeBytes(t.beforeId());
            answer.writeBytes(id);
            answer.writeBytes(t.afterId());
            assertThat(answer.size()).isEqualTo(t.length(id.length));
            CwmpEnvelope decoded = CODEC.decode(answer.toByteArray());
            assertThat(decoded.headers().id()).contains("acs-1f&x");
            switch (method) {
                case "GetParameterValues" -> assertThat(decoded.body()).isInstanceOf(GetParameterValuesResponse.class);
                case "SetParameterValues" -> assertThat(decoded.body()).isEqualTo(new SetParameterValuesResponse(0));
                default -> assertThat(((CwmpFault) decoded.body()).faultCode()).isEqualTo(9000);
            }
        }
    }
}
