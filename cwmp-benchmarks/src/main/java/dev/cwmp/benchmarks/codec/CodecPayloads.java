package dev.cwmp.benchmarks.codec;

import dev.cwmp.datamodel.dump.GenieacsSimCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The envelopes the codec suite measures, as the bytes a CPE sends:
 * <ul>
 *   <li>{@code inform}: a typical Inform of a MikroTik RouterOS (TR-181) CPE with 20 parameters;
 *   <li>{@code gpv1000}: a GetParameterValuesResponse with 1,000 parameters of mixed types;
 *   <li>{@code gpnEx220}: the GetParameterNamesResponse of the largest device dump,
 *       {@code devices/tplink-ex220-tr181.csv} in the shared directory.
 * </ul>
 */
public final class CodecPayloads {

    public static final String INFORM = "inform";
    public static final String GPV_1000 = "gpv1000";
    public static final String GPN_EX220 = "gpnEx220";

    /** The system property naming the shared reference directory; default {@code ../shared}. */
    public static final String SHARED_DIR_PROPERTY = "cwmp.shared.dir";

    static final String EX220_DUMP = "devices/tplink-ex220-tr181.csv";

    private CodecPayloads() {}

    /** The bytes of a named payload; fails for {@code gpnEx220} when the dump is absent. */
    public static byte[] bytes(String payload) {
        switch (payload) {
            case INFORM:
                return mikrotikInform();
            case GPV_1000:
                return getParameterValuesResponse(1_000);
            case GPN_EX220:
                return ex220Dump().map(CodecPayloads::getParameterNamesResponse)
                        .orElseThrow(() -> new IllegalStateException("absent: " + EX220_DUMP + " under " + sharedDir()));
            default:
                throw new IllegalArgumentException("unknown payload " + payload);
        }
    }

    /** The shared reference directory, from {@value #SHARED_DIR_PROPERTY} or {@code ../shared}. */
    public static Path sharedDir() {
        return Path.of(System.getProperty(SHARED_DIR_PROPERTY, "../shared")).toAbsolutePath().normalize();
    }

    /** The largest device dump, if the shared directory holds it. */
    public static Optional<Path> ex220Dump() {
        Path csv = sharedDir().resolve(EX220_DUMP);
        return Files.isRegularFile(csv) ? Optional.of(csv) : Optional.empty();
    }

    /**
     * An Inform as a MikroTik RB951Ui-2HnD (RouterOS 6.40, TR-181) sends it after a reboot: its own
     * prefixes, an XML declaration, indentation, and the Inform parameters of the TR-181 data model.
     */
    public static byte[] mikrotikInform() {
        return MIKROTIK_INFORM.getBytes(StandardCharsets.UTF_8);
    }

    private static final String MIKROTIK_INFORM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" \
            xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" \
            xmlns:xsd="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
                <SOAP-ENV:Header>
                    <cwmp:ID SOAP-ENV:mustUnderstand="1">2c1f0b7a</cwmp:ID>
                </SOAP-ENV:Header>
                <SOAP-ENV:Body>
                    <cwmp:Inform>
                        <DeviceId>
                            <Manufacturer>MikroTik</Manufacturer>
                            <OUI>E48D8C</OUI>
                            <ProductClass>RB951Ui-2HnD</ProductClass>
                            <SerialNumber>4AC7046131E4</SerialNumber>
                        </DeviceId>
                        <Event SOAP-ENC:arrayType="cwmp:EventStruct[3]">
                            <EventStruct>
                                <EventCode>1 BOOT</EventCode>
                                <CommandKey></CommandKey>
                            </EventStruct>
                            <EventStruct>
                                <EventCode>M Reboot</EventCode>
                                <CommandKey>reboot-0042</CommandKey>
                            </EventStruct>
                            <EventStruct>
                                <EventCode>4 VALUE CHANGE</EventCode>
                                <CommandKey></CommandKey>
                            </EventStruct>
                        </Event>
                        <MaxEnvelopes>1</MaxEnvelopes>
                        <CurrentTime>2026-11-25T15:52:07+01:00</CurrentTime>
                        <RetryCount>0</RetryCount>
                        <ParameterList SOAP-ENC:arrayType="cwmp:ParameterValueStruct[20]">
                            <ParameterValueStruct>
                                <Name>Device.RootDataModelVersion</Name>
                                <Value xsi:type="xsd:string">2.11</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.Manufacturer</Name>
                                <Value xsi:type="xsd:string">MikroTik</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.ManufacturerOUI</Name>
                                <Value xsi:type="xsd:string">E48D8C</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.ProductClass</Name>
                                <Value xsi:type="xsd:string">RB951Ui-2HnD</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.SerialNumber</Name>
                                <Value xsi:type="xsd:string">4AC7046131E4</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.ModelName</Name>
                                <Value xsi:type="xsd:string">RB951Ui-2HnD</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.Description</Name>
                                <Value xsi:type="xsd:string">RouterOS RB951Ui-2HnD</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.HardwareVersion</Name>
                                <Value xsi:type="xsd:string">v1.0</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.SoftwareVersion</Name>
                                <Value xsi:type="xsd:string">6.40.5</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.ProvisioningCode</Name>
                                <Value xsi:type="xsd:string"></Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.UpTime</Name>
                                <Value xsi:type="xsd:unsignedInt">412345</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.X_MIKROTIK_SystemIdentity</Name>
                                <Value xsi:type="xsd:string">branch-office &amp; lab</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.DeviceInfo.X_MIKROTIK_ArchName</Name>
                                <Value xsi:type="xsd:string">mipsbe</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.ManagementServer.ConnectionRequestURL</Name>
                                <Value xsi:type="xsd:string">http://127.0.0.1:7548/</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.ManagementServer.ParameterKey</Name>
                                <Value xsi:type="xsd:string"></Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.ManagementServer.PeriodicInformEnable</Name>
                                <Value xsi:type="xsd:boolean">true</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.ManagementServer.PeriodicInformInterval</Name>
                                <Value xsi:type="xsd:unsignedInt">300</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.IP.Interface.1.IPv4Address.1.IPAddress</Name>
                                <Value xsi:type="xsd:string">192.168.88.1</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.WiFi.SSID.1.SSID</Name>
                                <Value xsi:type="xsd:string">MikroTik-6131E4</Value>
                            </ParameterValueStruct>
                            <ParameterValueStruct>
                                <Name>Device.Hosts.HostNumberOfEntries</Name>
                                <Value xsi:type="xsd:unsignedInt">2</Value>
                            </ParameterValueStruct>
                        </ParameterList>
                    </cwmp:Inform>
                </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """;

    /**
     * A GetParameterValuesResponse with {@code count} parameters under {@code Device.}, of mixed types
     * (string, unsignedInt, int, boolean, dateTime), written compactly as a C client writes it.
     */
    public static byte[] getParameterValuesResponse(int count) {
        StringBuilder xml = new StringBuilder(count * 160);
        envelopeStart(xml, "GetParameterValuesResponse");
        xml.append("<ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[").append(count).append("]\">");
        for (int i = 0; i < count; i++) {
            int host = i / 5 + 1;
            String name;
            String type;
            String value;
            switch (i % 5) {
                case 0:
                    name = "Device.Hosts.Host." + host + ".HostName";
                    type = "xsd:string";
                    value = "host-" + host + ".lan";
                    break;
                case 1:
                    name = "Device.Hosts.Host." + host + ".IPAddress";
                    type = "xsd:string";
                    value = "192.168." + (host / 250) + "." + (host % 250 + 2);
                    break;
                case 2:
                    name = "Device.Hosts.Host." + host + ".LeaseTimeRemaining";
                    type = "xsd:int";
                    value = Integer.toString(86_400 - host * 37);
                    break;
                case 3:
                    name = "Device.Hosts.Host." + host + ".Active";
                    type = "xsd:boolean";
                    value = host % 3 == 0 ? "false" : "true";
                    break;
                default:
                    name = "Device.Hosts.Host." + host + ".X_MIKROTIK_LastSeen";
                    type = "xsd:dateTime";
                    value = "2026-11-25T15:" + (10 + host % 50) + ":07Z";
                    break;
            }
            xml.append("<ParameterValueStruct><Name>").append(name).append("</Name><Value xsi:type=\"")
                    .append(type).append("\">").append(value).append("</Value></ParameterValueStruct>");
        }
        xml.append("</ParameterList>");
        envelopeEnd(xml, "GetParameterValuesResponse");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The GetParameterNamesResponse of a whole device dump (objects with their trailing dot). */
    public static byte[] getParameterNamesResponse(Path csv) {
        List<GenieacsSimCsv.Row> rows;
        try {
            rows = GenieacsSimCsv.read(csv).rows(); // identity and Events rows are not parameters
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder xml = new StringBuilder(rows.size() * 120);
        envelopeStart(xml, "GetParameterNamesResponse");
        xml.append("<ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterInfoStruct[").append(rows.size()).append("]\">");
        for (GenieacsSimCsv.Row row : rows) {
            xml.append("<ParameterInfoStruct><Name>");
            escape(xml, row.path().toString()); // objects are partial paths: trailing dot
            xml.append("</Name><Writable>").append(row.writable() ? '1' : '0').append("</Writable></ParameterInfoStruct>");
        }
        xml.append("</ParameterList>");
        envelopeEnd(xml, "GetParameterNamesResponse");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void envelopeStart(StringBuilder xml, String method) {
        xml.append("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\"")
                .append(" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\">")
                .append("<SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand=\"1\">acs-17</cwmp:ID></SOAP-ENV:Header>")
                .append("<SOAP-ENV:Body><cwmp:").append(method).append('>');
    }

    private static void envelopeEnd(StringBuilder xml, String method) {
        xml.append("</cwmp:").append(method).append("></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    private static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': xml.append("&lt;"); break;
                case '>': xml.append("&gt;"); break;
                case '&': xml.append("&amp;"); break;
                default: xml.append(c);
            }
        }
    }
}
