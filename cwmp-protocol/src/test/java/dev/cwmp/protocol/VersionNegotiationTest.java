package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.protocol.CwmpVersionNegotiation.Agreement;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionNegotiationTest {
    private static final CwmpCodec CODEC = CwmpCodec.create();
    private static final Set<CwmpVersion> ALL = EnumSet.allOf(CwmpVersion.class);

    @Test
    void maps_namespaces_and_labels() {
        assertThat(CwmpVersion.V1_0.namespaceUri()).isEqualTo("urn:dslforum-org:cwmp-1-0");
        assertThat(CwmpVersion.V1_1.namespaceUri()).isEqualTo("urn:dslforum-org:cwmp-1-1");
        assertThat(CwmpVersion.V1_2.namespaceUri()).isEqualTo("urn:dslforum-org:cwmp-1-2");
        assertThat(CwmpVersion.V1_3.namespaceUri()).isEqualTo("urn:dslforum-org:cwmp-1-2");
        assertThat(CwmpVersion.V1_4.namespaceUri()).isEqualTo("urn:dslforum-org:cwmp-1-2");
        assertThat(CwmpVersion.fromNamespaceUri("urn:dslforum-org:cwmp-1-2")).contains(CwmpVersion.V1_2);
        assertThat(CwmpVersion.fromNamespaceUri("urn:dslforum-org:cwmp-1-3")).isEmpty();
        assertThat(CwmpVersion.fromLabel(" 1.4 ")).contains(CwmpVersion.V1_4);
        assertThat(CwmpVersion.fromLabel("2.0")).isEmpty();
        assertThat(CwmpVersion.V1_3.label()).isEqualTo("1.3");
    }

    @ParameterizedTest
    @CsvSource({
        "urn:dslforum-org:cwmp-1-0, , , , V1_0",
        "urn:dslforum-org:cwmp-1-1, 30, , , V1_1",
        "urn:dslforum-org:cwmp-1-2, , , , V1_2",
        "urn:dslforum-org:cwmp-1-2, 30, , , V1_3",
        "urn:dslforum-org:cwmp-1-2, 30, 1.0;1.4, , V1_4",
        "urn:dslforum-org:cwmp-1-2, , , 1.3, V1_3",
        "urn:dslforum-org:cwmp-1-2, , , 1.0, V1_2",
    })
    void detects_the_version_from_namespace_and_headers(String namespace, Integer sessionTimeout, String supported,
            String use, CwmpVersion expected) {
        CwmpHeaders.Builder headers = CwmpHeaders.builder();
        if (sessionTimeout != null) {
            headers.sessionTimeout(sessionTimeout);
        }
        if (supported != null) {
            headers.supportedCwmpVersions(List.of(supported.split(";")));
        }
        if (use != null) {
            headers.useCwmpVersion(use);
        }

        assertThat(CwmpVersion.detect(namespace, headers.build())).contains(expected);
    }

    @Test
    void the_decoder_recognises_1_3_by_session_timeout_and_1_4_by_supported_versions() {
        String template = """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
                <soapenv:Header><cwmp:ID soapenv:mustUnderstand="1">1</cwmp:ID>%s</soapenv:Header>
                <soapenv:Body><cwmp:GetRPCMethods/></soapenv:Body></soapenv:Envelope>
                """;

        CwmpEnvelope v12 = CODEC.decode(template.formatted("").getBytes(StandardCharsets.UTF_8));
        CwmpEnvelope v13 = CODEC.decode(template.formatted(
                "<cwmp:SessionTimeout soapenv:mustUnderstand=\"0\">45</cwmp:SessionTimeout>")
                .getBytes(StandardCharsets.UTF_8));
        CwmpEnvelope v14 = CODEC.decode(template.formatted(
                "<cwmp:SupportedCWMPVersions soapenv:mustUnderstand=\"0\">1.0, 1.1,1.2,1.3,1.4</cwmp:SupportedCWMPVersions>")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(v12.version()).isEqualTo(CwmpVersion.V1_2);
        assertThat(v13.version()).isEqualTo(CwmpVersion.V1_3);
        assertThat(v13.headers().sessionTimeout()).hasValue(45);
        assertThat(v14.version()).isEqualTo(CwmpVersion.V1_4);
        assertThat(v14.headers().supportedCwmpVersions()).containsExactly("1.0", "1.1", "1.2", "1.3", "1.4");
    }

    @Test
    void a_1_4_cpe_gets_the_highest_common_version_and_use_cwmp_version() {
        CwmpEnvelope inform = inform(CwmpVersion.V1_4, CwmpHeaders.builder().id("42")
                .supportedCwmpVersions(List.of("1.0", "1.2", "1.4")).build());

        Optional<Agreement> agreement = CwmpVersionNegotiation.negotiate(inform,
                EnumSet.of(CwmpVersion.V1_0, CwmpVersion.V1_1, CwmpVersion.V1_2, CwmpVersion.V1_3));

        assertThat(agreement).isPresent();
        assertThat(agreement.get().version()).isEqualTo(CwmpVersion.V1_2);
        assertThat(agreement.get().responseHeaders().useCwmpVersion()).contains("1.2");
        assertThat(agreement.get().responseHeaders().id()).contains("42");
    }

    @Test
    void a_1_4_cpe_talking_to_a_1_4_acs_uses_1_4() {
        CwmpEnvelope inform = inform(CwmpVersion.V1_4, CwmpHeaders.builder().id("1")
                .supportedCwmpVersions(List.of("1.0", "1.1", "1.2", "1.3", "1.4")).build());

        Agreement agreement = CwmpVersionNegotiation.negotiate(inform, ALL).orElseThrow();

        assertThat(agreement.version()).isEqualTo(CwmpVersion.V1_4);
        assertThat(agreement.responseHeaders().useCwmpVersion()).contains("1.4");
    }

    @Test
    void a_cpe_without_supported_versions_is_answered_in_its_own_namespace_without_use_cwmp_version() {
        CwmpEnvelope inform = inform(CwmpVersion.V1_1, CwmpHeaders.withId("5"));

        Agreement agreement = CwmpVersionNegotiation.negotiate(inform, ALL).orElseThrow();

        assertThat(agreement.version()).isEqualTo(CwmpVersion.V1_1);
        assertThat(agreement.responseHeaders().useCwmpVersion()).isEmpty();
        assertThat(agreement.responseHeaders().id()).contains("5");
    }

    @Test
    void the_acs_never_answers_higher_than_the_cpe() {
        CwmpEnvelope inform = inform(CwmpVersion.V1_2, CwmpHeaders.withId("5"));

        Agreement agreement = CwmpVersionNegotiation.negotiate(inform,
                EnumSet.of(CwmpVersion.V1_0, CwmpVersion.V1_4)).orElseThrow();

        assertThat(agreement.version()).isEqualTo(CwmpVersion.V1_0);
    }

    @Test
    void no_common_version_means_fault_8006() {
        CwmpEnvelope inform = inform(CwmpVersion.V1_4, CwmpHeaders.builder().id("1")
                .supportedCwmpVersions(List.of("1.4")).build());

        assertThat(CwmpVersionNegotiation.negotiate(inform, EnumSet.of(CwmpVersion.V1_0, CwmpVersion.V1_1)))
                .isEmpty();
        assertThat(FaultCode.ACS_VERSION_INCOMPATIBLE.code()).isEqualTo(8006);
    }

    @Test
    void negotiation_starts_from_an_inform() {
        CwmpEnvelope notInform = CwmpEnvelope.of(CwmpVersion.V1_0, "1", new GetRPCMethods());

        assertThatThrownBy(() -> CwmpVersionNegotiation.negotiate(notInform, ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetRPCMethods");
    }

    private static CwmpEnvelope inform(CwmpVersion version, CwmpHeaders headers) {
        return new CwmpEnvelope(version, headers, SampleMessages.inform());
    }
}
