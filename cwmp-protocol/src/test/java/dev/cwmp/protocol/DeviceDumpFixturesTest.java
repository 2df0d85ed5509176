package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.protocol.testsupport.DeviceDumpCsv;
import dev.cwmp.protocol.testsupport.DeviceDumpCsv.Row;
import dev.cwmp.protocol.testsupport.SharedDir;

/**
 * Real CPE parameter dumps ({@code ${cwmp.shared.dir}/devices/*.csv}, skipped where absent) as the
 * GetParameterNamesResponse and GetParameterValuesResponse of the device's whole tree: encoded and
 * decoded back, and written by hand as a device writes them, every name, value, type and writability
 * must come out as the device reported it.
 */
class DeviceDumpFixturesTest {

    private static final CwmpCodec CODEC = CwmpCodec.create();

    /** The dump files, or one placeholder that makes each test skip when the directory is absent. */
    static Stream<String> dumps() throws IOException {
        Optional<Path> shared = SharedDir.find();
        Path devices = shared.map(dir -> dir.resolve("devices")).orElse(null);
        if (devices == null || !Files.isDirectory(devices)) {
            return Stream.of("(no shared devices directory)");
        }
        try (Stream<Path> files = Files.list(devices)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void parameter_names_of_the_whole_tree_survive_encoding_and_decoding(String dump) throws IOException {
        List<ParameterInfoStruct> names = parameterInfos(rowsOf(dump));

        CwmpEnvelope decoded = CODEC.decode(CODEC.encode(
                CwmpEnvelope.of(CwmpVersion.V1_2, "gpn-" + dump, new GetParameterNamesResponse(names))));

        assertThat(decoded.body()).isInstanceOf(GetParameterNamesResponse.class);
        assertThat(((GetParameterNamesResponse) decoded.body()).parameterList()).containsExactlyElementsOf(names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void parameter_values_of_the_whole_tree_survive_encoding_and_decoding(String dump) throws IOException {
        List<ParameterValueStruct> values = parameterValues(rowsOf(dump));

        CwmpEnvelope decoded = CODEC.decode(CODEC.encode(
                CwmpEnvelope.of(CwmpVersion.V1_0, "gpv-" + dump, new GetParameterValuesResponse(values))));

        assertThat(((GetParameterValuesResponse) decoded.body()).parameterList()).containsExactlyElementsOf(values);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void decodes_the_names_as_the_device_writes_them(String dump) throws IOException {
        List<Row> rows = rowsOf(dump);
        StringBuilder xml = deviceEnvelopeStart("GetParameterNamesResponse");
        xml.append("   <ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterInfoStruct[").append(rows.size()).append("]\">\n");
        for (Row row : rows) {
            xml.append("    <ParameterInfoStruct>\n     <Name>").append(escape(row.name())).append("</Name>\n")
                    .append("     <Writable>").append(row.writable() ? '1' : '0').append("</Writable>\n")
                    .append("    </ParameterInfoStruct>\n");
        }
        xml.append("   </ParameterList>\n");
        deviceEnvelopeEnd(xml, "GetParameterNamesResponse");

        CwmpEnvelope decoded = CODEC.decode(xml.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.headers().id()).contains("device-1");
        assertThat(((GetParameterNamesResponse) decoded.body()).parameterList())
                .containsExactlyElementsOf(parameterInfos(rows));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void decodes_the_values_as_the_device_writes_them(String dump) throws IOException {
        List<Row> leaves = rowsOf(dump).stream().filter(row -> !row.object()).toList();
        StringBuilder xml = deviceEnvelopeStart("GetParameterValuesResponse");
        xml.append("   <ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[").append(leaves.size()).append("]\">\n");
        for (Row row : leaves) {
            xml.append("    <ParameterValueStruct>\n     <Name>").append(escape(row.name())).append("</Name>\n")
                    .append("     <Value xsi:type=\"").append(row.type()).append("\">").append(escape(row.value()))
                    .append("</Value>\n    </ParameterValueStruct>\n");
        }
        xml.append("   </ParameterList>\n");
        deviceEnvelopeEnd(xml, "GetParameterValuesResponse");

        CwmpEnvelope decoded = CODEC.decode(xml.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(((GetParameterValuesResponse) decoded.body()).parameterList())
                .containsExactlyElementsOf(parameterValues(leaves));
    }

    @Test
    void csv_reader_reads_both_layouts_quoted_commas_and_doubled_quotes() {
        String shortLayout = """
                Parameter,Object,Writable,Value,Value type
                DeviceID.Manufacturer,false,false,"Huawei Technologies Co., Ltd.",xsd:string
                Device.DeviceInfo,true,false,"",
                Device.DeviceInfo.Description,false,true,"a ""quoted"", comma'd value",xsd:string
                """;
        String longLayout = "Parameter,Object,Object timestamp,Writable,Writable timestamp,Value,Value type,"
                + "Value timestamp,Notification,Notification timestamp,Access list,Access list timestamp\r\n"
                + "Device.X_TP_Json,false,2023-05-25T21:04:24.895Z,true,2023-05-25T21:04:24.895Z,"
                + "\"[{\"\"n\"\":\"\"ewan\"\" , \"\"v\"\":\"\"1.0\"\"}]\",xsd:string,2023-05-25T21:04:24.897Z,,,,\r\n";

        assertThat(DeviceDumpCsv.rows(shortLayout)).containsExactly(
                new Row("Device.DeviceInfo.", true, false, "", ""),
                new Row("Device.DeviceInfo.Description", false, true, "a \"quoted\", comma'd value", "xsd:string"));
        assertThat(DeviceDumpCsv.rows(longLayout)).containsExactly(
                new Row("Device.X_TP_Json", false, true, "[{\"n\":\"ewan\" , \"v\":\"1.0\"}]", "xsd:string"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static List<Row> rowsOf(String dump) throws IOException {
        List<Row> rows = DeviceDumpCsv.read(SharedDir.require("devices/" + dump));
        assertThat(rows).as("rows of %s", dump).isNotEmpty();
        return rows;
    }

    private static List<ParameterInfoStruct> parameterInfos(List<Row> rows) {
        return rows.stream().map(row -> new ParameterInfoStruct(row.name(), row.writable())).toList();
    }

    private static List<ParameterValueStruct> parameterValues(List<Row> rows) {
        return rows.stream().filter(row -> !row.object())
                .map(row -> new ParameterValueStruct(row.name(), row.value(), XsdType.fromWireName(row.type())))
                .toList();
    }

    /** The start of an envelope written the way a C CPE client writes it: other prefixes, indentation. */
    private static StringBuilder deviceEnvelopeStart(String method) {
        return new StringBuilder(1 << 16)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\"")
                .append(" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\">\n")
                .append(" <SOAP-ENV:Header>\n  <cwmp:ID SOAP-ENV:mustUnderstand=\"1\">device-1</cwmp:ID>\n </SOAP-ENV:Header>\n")
                .append(" <SOAP-ENV:Body>\n  <cwmp:").append(method).append(">\n");
    }

    private static void deviceEnvelopeEnd(StringBuilder xml, String method) {
        xml.append("  </cwmp:").append(method).append(">\n </SOAP-ENV:Body>\n</SOAP-ENV:Envelope>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
