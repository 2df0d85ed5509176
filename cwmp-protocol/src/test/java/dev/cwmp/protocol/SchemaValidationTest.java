package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.testsupport.CwmpSchemas;
import dev.cwmp.protocol.testsupport.DeviceDumpCsv;
import dev.cwmp.protocol.testsupport.SampleMessages;
import dev.cwmp.protocol.testsupport.SampleMessages.Sample;
import dev.cwmp.protocol.testsupport.SharedDir;

/**
 * Validates envelopes against the Broadband Forum CWMP schemas in {@code ${cwmp.shared.dir}/bbf}
 * (skipped where that directory is absent): everything the encoder writes, every message in every
 * CWMP version whose schema has it, with every header that version defines. The hand-written
 * envelopes prove that the harness itself bites: it accepts the spec's examples and rejects broken ones.
 */
class SchemaValidationTest {

    private static CwmpSchemas loaded;

    /** The schemas; skips the calling test, with a message, where the shared directory is absent. */
    private static synchronized CwmpSchemas schemas() {
        Path bbf = SharedDir.require("bbf");
        if (loaded == null) {
            loaded = CwmpSchemas.in(bbf);
        }
        return loaded;
    }

    /** The schema file that describes a CWMP version: 1.3 and 1.4 share the 1-2 namespace. */
    static String xsdFor(String versionLabel) {
        return "cwmp-" + versionLabel.replace('.', '-') + ".xsd";
    }

    static String namespaceFor(String versionLabel) {
        return versionLabel.equals("1.0") || versionLabel.equals("1.1")
                ? "urn:dslforum-org:cwmp-" + versionLabel.replace('.', '-')
                : "urn:dslforum-org:cwmp-1-2";
    }

    private static final String HAND_WRITTEN_INFORM = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
            xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" \
            xmlns:xsd="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="NAMESPACE">
                <soapenv:Header>
                    <cwmp:ID soapenv:mustUnderstand="1">4711</cwmp:ID>
                </soapenv:Header>
                <soapenv:Body>
                    <cwmp:Inform>
                        <DeviceId>
                            <Manufacturer>MikroTik</Manufacturer>
                            <OUI>E48D8C</OUI>
                            <ProductClass>RB951Ui-2HnD</ProductClass>
                            <SerialNumber>4AC7046131E4</SerialNumber>
                        </DeviceId>
                        <Event soapenc:arrayType="cwmp:EventStruct[2]">
                            <EventStruct><EventCode>1 BOOT</EventCode><CommandKey></CommandKey></EventStruct>
                            <EventStruct><EventCode>M Reboot</EventCode><CommandKey>rb-1</CommandKey></EventStruct>
                        </Event>
                        <MaxEnvelopes>1</MaxEnvelopes>
                        <CurrentTime>2026-11-25T15:50:11Z</CurrentTime>
                        <RetryCount>0</RetryCount>
                        <ParameterList soapenc:arrayType="cwmp:ParameterValueStruct[2]">
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.SoftwareVersion</Name>
                                <Value xsi:type="xsd:string">6.40.5</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.UpTime</Name>
                                <Value xsi:type="xsd:unsignedInt">3600</Value>
                            </ParameterValueStruct>
                        </ParameterList>
                    </cwmp:Inform>
                </soapenv:Body>
            </soapenv:Envelope>
            """;

    private static final String HAND_WRITTEN_FAULT = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
            xmlns:cwmp="NAMESPACE">
                <soapenv:Header><cwmp:ID soapenv:mustUnderstand="1">17</cwmp:ID></soapenv:Header>
                <soapenv:Body>
                    <soapenv:Fault>
                        <faultcode>Client</faultcode>
                        <faultstring>CWMP fault</faultstring>
                        <detail>
                            <cwmp:Fault>
                                <FaultCode>9003</FaultCode>
                                <FaultString>Invalid arguments</FaultString>
                                <SetParameterValuesFault>
                                    <ParameterName>Device.ManagementServer.PeriodicInformInterval</ParameterName>
                                    <FaultCode>9007</FaultCode>
                                    <FaultString>Invalid parameter value</FaultString>
                                </SetParameterValuesFault>
                            </cwmp:Fault>
                        </detail>
                    </soapenv:Fault>
                </soapenv:Body>
            </soapenv:Envelope>
            """;

    static Stream<Arguments> versions_and_hand_written_envelopes() {
        return Stream.of("1.0", "1.1", "1.2", "1.3", "1.4").flatMap(version -> Stream.of(
                Arguments.of(version, "Inform", HAND_WRITTEN_INFORM),
                Arguments.of(version, "Fault", HAND_WRITTEN_FAULT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versions_and_hand_written_envelopes")
    void hand_written_envelope_as_the_spec_shows_it_validates(String version, String name, String template) {
        List<String> problems = validate(template, version);

        assertThat(problems).as("problems of the hand-written %s in CWMP %s", name, version).isEmpty();
    }

    @Test
    void harness_rejects_an_array_without_its_array_type() {
        String xml = HAND_WRITTEN_INFORM.replace(" soapenc:arrayType=\"cwmp:EventStruct[2]\"", "");

        assertThat(validate(xml, "1.2")).anySatisfy(p -> assertThat(p).contains("arrayType"));
    }

    @Test
    void harness_rejects_an_id_header_without_must_understand() {
        String xml = HAND_WRITTEN_INFORM.replace("<cwmp:ID soapenv:mustUnderstand=\"1\">", "<cwmp:ID>");

        assertThat(validate(xml, "1.4")).anySatisfy(p -> assertThat(p).contains("mustUnderstand"));
    }

    @Test
    void harness_rejects_a_value_that_is_not_of_its_xsi_type() {
        String xml = HAND_WRITTEN_INFORM.replace(">3600<", ">an hour<");

        assertThat(validate(xml, "1.0")).anySatisfy(p -> assertThat(p).contains("an hour"));
    }

    @Test
    void harness_rejects_a_method_that_no_schema_declares_even_though_soap_body_is_lax() {
        String xml = HAND_WRITTEN_INFORM.replace("cwmp:Inform>", "cwmp:Informs>");

        assertThat(validate(xml, "1.1")).anySatisfy(p -> assertThat(p).contains("Informs").contains("declared by no schema"));
    }

    @Test
    void harness_rejects_elements_out_of_the_schema_order() {
        String xml = HAND_WRITTEN_INFORM.replace("<MaxEnvelopes>1</MaxEnvelopes>", "")
                .replace("<RetryCount>0</RetryCount>", "<RetryCount>0</RetryCount><MaxEnvelopes>1</MaxEnvelopes>");

        assertThat(validate(xml, "1.2")).isNotEmpty();
    }

    @Test
    void harness_tells_1_4_headers_from_1_2_headers_in_the_shared_namespace() {
        String withSupportedVersions = HAND_WRITTEN_INFORM.replace("</soapenv:Header>",
                "<cwmp:SupportedCWMPVersions soapenv:mustUnderstand=\"0\">1.0,1.4</cwmp:SupportedCWMPVersions></soapenv:Header>");

        assertThat(validate(withSupportedVersions, "1.4")).isEmpty();
        assertThat(validate(withSupportedVersions, "1.2"))
                .anySatisfy(p -> assertThat(p).contains("SupportedCWMPVersions").contains("declared by no schema"));
    }

    // --- what the encoder writes ----------------------------------------------------------------

    private static final CwmpCodec CODEC = CwmpCodec.create();

    static Stream<Arguments> every_message_in_every_version() {
        return Stream.of(CwmpVersion.values()).flatMap(version -> SampleMessages.forVersion(version).stream()
                .map(sample -> Arguments.of(version, sample)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("every_message_in_every_version")
    void encoder_output_validates_against_the_schema_of_its_version(CwmpVersion version, Sample sample) {
        byte[] xml = CODEC.encode(SampleMessages.envelope(version, sample.message()));

        List<String> problems = schemas().validate(xml, xsdFor(version));

        assertThat(problems).as("schema problems of %s in %s:%n%s", sample, version,
                new String(xml, StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void encoder_output_with_only_an_id_header_validates(CwmpVersion version) {
        byte[] xml = CODEC.encode(CwmpEnvelope.of(version, "only-an-id", SampleMessages.inform()));

        assertThat(schemas().validate(xml, xsdFor(version))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void encoder_output_without_headers_validates(CwmpVersion version) {
        byte[] xml = CODEC.encode(new CwmpEnvelope(version, CwmpHeaders.NONE, new GetRPCMethods()));

        assertThat(schemas().validate(xml, xsdFor(version))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void vendor_message_envelope_validates_apart_from_the_vendor_element_no_schema_describes(CwmpVersion version) {
        byte[] xml = CODEC.encode(SampleMessages.envelope(version, SampleMessages.vendorMessage()));

        List<String> problems = schemas().validate(xml, xsdFor(version));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p)
                .contains("{urn:mikrotik-com:cwmp-ext-1}X_MIKROTIK_RunScript is declared by no schema"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void no_more_requests_is_the_one_header_no_schema_declares(CwmpVersion version) {
        // TR-069 1.0 defined NoMoreRequests (deprecated since); none of the Forum's schemas declares it.
        CwmpHeaders headers = CwmpHeaders.builder().id("nmr-1").noMoreRequests(true).build();
        byte[] xml = CODEC.encode(new CwmpEnvelope(version, headers, SampleMessages.inform()));

        List<String> problems = schemas().validate(xml, xsdFor(version));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p).contains("NoMoreRequests"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("device_dumps")
    void encoded_parameter_names_of_every_device_dump_validate(String dump) throws IOException {
        List<ParameterInfoStruct> names = DeviceDumpCsv.read(SharedDir.require("devices/" + dump)).stream()
                .map(row -> new ParameterInfoStruct(row.name(), row.writable())).toList();
        byte[] xml = CODEC.encode(CwmpEnvelope.of(CwmpVersion.V1_2, "gpn-1", new GetParameterNamesResponse(names)));

        assertThat(schemas().validate(xml, xsdFor(CwmpVersion.V1_2))).isEmpty();
    }

    static Stream<String> device_dumps() throws IOException {
        return DeviceDumpFixturesTest.dumps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions_with_their_own_schema")
    void samples_cover_every_message_the_schema_of_the_version_declares(CwmpVersion version) {
        Set<String> declared = new TreeSet<>(schemas().topLevelElementNames(xsdFor(version)));
        declared.removeAll(Set.of("ID", "HoldRequests"));

        Set<String> sampled = SampleMessages.forVersion(version).stream()
                .map(sample -> sample.message().methodName()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(sampled).isEqualTo(declared);
    }

    /** 1.3 and 1.4 add headers only (their schemas include 1.2's). */
    static Stream<CwmpVersion> versions_with_their_own_schema() {
        return Stream.of(CwmpVersion.V1_0, CwmpVersion.V1_1, CwmpVersion.V1_2);
    }

    static Stream<CwmpVersion> versions() {
        return Stream.of(CwmpVersion.values());
    }

    static String xsdFor(CwmpVersion version) {
        return xsdFor(version.label());
    }

    static List<String> validate(String template, String version) {
        byte[] xml = template.replace("NAMESPACE", namespaceFor(version)).getBytes(StandardCharsets.UTF_8);
        return schemas().validate(xml, xsdFor(version));
    }
}
