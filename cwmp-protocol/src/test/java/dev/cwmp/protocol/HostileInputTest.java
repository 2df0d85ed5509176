package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cwmp.protocol.CwmpDecodeException.Reason;
import dev.cwmp.protocol.testsupport.GeneratedInputStream;

/**
 * Hostile and broken bodies: each must fail promptly with a {@link CwmpDecodeException} that gives
 * the right reason, never with another exception or an {@link OutOfMemoryError}, and nothing may be
 * read from disk or the network. The timeout is only a safety net: the assertions are on the
 * exception, on what was (not) read, and on how far the decoder read.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileInputTest {

    private static final CwmpCodec CODEC = CwmpCodec.create();

    private static final String SECRET_MARKER = "S3CRET-MARKER-4c1d2e";

    private static final String ENVELOPE_HEAD = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
            xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" \
            xmlns:xsd="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xmlns:cwmp="urn:dslforum-org:cwmp-1-0">\
            <soapenv:Header><cwmp:ID soapenv:mustUnderstand="1">hostile-1</cwmp:ID></soapenv:Header>\
            <soapenv:Body>""";

    private static final String ENVELOPE_TAIL = "</soapenv:Body></soapenv:Envelope>";

    // --- DTDs and entities ---------------------------------------------------------------------

    @Test
    void rejects_billion_laughs_as_doctype_not_allowed() {
        CwmpDecodeException e = decodeFailure(resource("billion-laughs.xml"));

        assertThat(e.reason()).isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
        assertThat(e.getMessage()).doesNotContain("lollollol");
    }

    @Test
    void rejects_billion_laughs_in_utf_16_and_with_a_charset_from_the_http_header() {
        String laughs = new String(resource("billion-laughs.xml"), StandardCharsets.UTF_8)
                .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
        byte[] utf16 = laughs.getBytes(StandardCharsets.UTF_16);
        byte[] latin1 = laughs.replace("encoding=\"UTF-16\"", "encoding=\"ISO-8859-1\"")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(decodeFailure(utf16).reason()).isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
        assertThat(decodeFailure(CODEC, new ByteArrayInputStream(utf16), StandardCharsets.UTF_16).reason())
                .isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
        assertThat(decodeFailure(CODEC, new ByteArrayInputStream(latin1), StandardCharsets.ISO_8859_1).reason())
                .isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
    }

    @Test
    void rejects_a_doctype_even_without_entities() {
        assertThat(decodeFailure(resource("doctype-without-entities.xml")).reason())
                .isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
    }

    @Test
    void never_reads_a_local_file_named_by_an_external_entity(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET_MARKER);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE soapenv:Envelope [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + ENVELOPE_HEAD
                + "<cwmp:GetParameterValues><ParameterNames soapenc:arrayType=\"xsd:string[1]\">"
                + "<string>&xxe;</string></ParameterNames></cwmp:GetParameterValues>"
                + ENVELOPE_TAIL;

        CwmpDecodeException e = decodeFailure(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason()).isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
        assertThat(messagesOfCauseChain(e)).noneSatisfy(m -> assertThat(m).contains(SECRET_MARKER));
    }

    @Test
    void never_reads_a_local_file_named_by_an_external_parameter_entity(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("evil.dtd"),
                "<!ENTITY leak \"" + SECRET_MARKER + "\">");
        String xml = "<!DOCTYPE soapenv:Envelope [ <!ENTITY % remote SYSTEM \"" + secret.toUri() + "\"> %remote; ]>"
                + ENVELOPE_HEAD
                + "<cwmp:GetParameterValues><ParameterNames soapenc:arrayType=\"xsd:string[1]\">"
                + "<string>&leak;</string></ParameterNames></cwmp:GetParameterValues>"
                + ENVELOPE_TAIL;

        CwmpDecodeException e = decodeFailure(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason()).isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
        assertThat(messagesOfCauseChain(e)).noneSatisfy(m -> assertThat(m).contains(SECRET_MARKER));
    }

    @Test
    void never_fetches_an_external_dtd_from_the_network() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            listener.configureBlocking(false);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            String xml = "<!DOCTYPE soapenv:Envelope SYSTEM \"http://127.0.0.1:" + port + "/cwmp.dtd\">"
                    + ENVELOPE_HEAD + "<cwmp:GetRPCMethods/>" + ENVELOPE_TAIL;

            CwmpDecodeException e = decodeFailure(xml.getBytes(StandardCharsets.UTF_8));

            assertThat(e.reason()).isEqualTo(Reason.DOCTYPE_NOT_ALLOWED);
            // A parser that had fetched the DTD would have completed a TCP connect before returning.
            assertThat(listener.accept()).as("connection made to the DTD's server").isNull();
        }
    }

    @Test
    void rejects_an_undeclared_entity_reference_as_malformed() {
        assertThat(decodeFailure(resource("undeclared-entity-reference.xml")).reason())
                .isEqualTo(Reason.MALFORMED_XML);
    }

    // --- sizes ---------------------------------------------------------------------------------

    @Test
    void stops_reading_a_50_mb_body_shortly_after_max_bytes() {
        String item = "<ParameterValueStruct><Name>Device.Hosts.Host.1.HostName</Name>"
                + "<Value xsi:type=\"xsd:string\">host.lan</Value></ParameterValueStruct>";
        long fiftyMegabytes = 50L * 1000 * 1000 / item.length() * item.length();
        GeneratedInputStream body = GeneratedInputStream.of(
                ENVELOPE_HEAD + "<cwmp:GetParameterValuesResponse>"
                        + "<ParameterList soapenc:arrayType=\"cwmp:ParameterValueStruct[500000]\">",
                item, fiftyMegabytes,
                "</ParameterList></cwmp:GetParameterValuesResponse>" + ENVELOPE_TAIL);
        assertThat(body.totalBytes()).isGreaterThan(50_000_000L);
        long maxBytes = DecodeLimits.DEFAULT.maxBytes();

        CwmpDecodeException e = decodeFailure(CODEC, body);

        assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(body.bytesServed()).isGreaterThanOrEqualTo(maxBytes).isLessThan(maxBytes + 64 * 1024);
        assertThat(e.cwmpId()).contains("hostile-1");
    }

    @Test
    void stops_reading_a_large_body_after_max_bytes_also_when_the_http_header_names_a_charset() {
        long maxBytes = 1024 * 1024;
        CwmpCodec codec = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxBytes(maxBytes)).build();
        GeneratedInputStream body = GeneratedInputStream.of(
                ENVELOPE_HEAD + "<cwmp:GetParameterValues><ParameterNames soapenc:arrayType=\"xsd:string[1]\">",
                "<string>Device.</string>", 20L * maxBytes,
                "</ParameterNames></cwmp:GetParameterValues>" + ENVELOPE_TAIL);

        CwmpDecodeException e = decodeFailure(codec, body, StandardCharsets.ISO_8859_1);

        assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(body.bytesServed()).isLessThan(maxBytes + 64 * 1024);
    }

    @Test
    void accepts_a_body_of_exactly_max_bytes_and_rejects_one_byte_more() {
        byte[] xml = (ENVELOPE_HEAD + "<cwmp:GetRPCMethods/>" + ENVELOPE_TAIL).getBytes(StandardCharsets.UTF_8);
        CwmpCodec exact = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxBytes(xml.length)).build();
        CwmpCodec oneShort = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxBytes(xml.length - 1)).build();

        assertThat(exact.decode(new ByteArrayInputStream(xml)).body().methodName()).isEqualTo("GetRPCMethods");
        assertThat(decodeFailure(oneShort, new ByteArrayInputStream(xml)).reason()).isEqualTo(Reason.BODY_TOO_LARGE);
    }

    @Test
    void rejects_ten_thousand_nested_elements_as_too_deep() {
        String open = "<X_Nested>".repeat(10_000);
        String close = "</X_Nested>".repeat(10_000);
        String xml = ENVELOPE_HEAD + "<cwmp:GetParameterValues>" + open + close
                + "<ParameterNames soapenc:arrayType=\"xsd:string[0]\"/></cwmp:GetParameterValues>" + ENVELOPE_TAIL;

        CwmpDecodeException e = decodeFailure(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
        assertThat(e.cwmpId()).contains("hostile-1");
    }

    @Test
    void rejects_ten_thousand_nested_elements_in_the_header_too() {
        String xml = ENVELOPE_HEAD.replace("</soapenv:Header>",
                "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</soapenv:Header>")
                + "<cwmp:GetRPCMethods/>" + ENVELOPE_TAIL;

        assertThat(decodeFailure(xml.getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(Reason.TOO_DEEP);
    }

    @Test
    void rejects_an_oversized_text_node_streamed_from_a_generator() {
        int maxText = DecodeLimits.DEFAULT.maxTextLength();
        GeneratedInputStream body = GeneratedInputStream.of(
                ENVELOPE_HEAD + "<cwmp:GetParameterValuesResponse>"
                        + "<ParameterList soapenc:arrayType=\"cwmp:ParameterValueStruct[1]\">"
                        + "<ParameterValueStruct><Name>Device.DeviceInfo.Description</Name><Value xsi:type=\"xsd:string\">",
                "A", 4L * maxText,
                "</Value></ParameterValueStruct></ParameterList></cwmp:GetParameterValuesResponse>" + ENVELOPE_TAIL);

        CwmpDecodeException e = decodeFailure(CODEC, body);

        assertThat(e.reason()).isEqualTo(Reason.TEXT_TOO_LONG);
        assertThat(body.bytesServed()).isLessThan(body.totalBytes());
    }

    @Test
    void rejects_an_oversized_attribute_value() {
        String xml = ENVELOPE_HEAD + "<cwmp:GetParameterValues><ParameterNames soapenc:arrayType=\"xsd:string["
                + "9".repeat(DecodeLimits.DEFAULT.maxTextLength() + 10) + "]\"><string>Device.</string>"
                + "</ParameterNames></cwmp:GetParameterValues>" + ENVELOPE_TAIL;

        assertThat(decodeFailure(xml.getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(Reason.TEXT_TOO_LONG);
    }

    @Test
    void accepts_max_list_items_and_rejects_one_more() {
        CwmpCodec codec = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxListItems(100)).build();

        CwmpEnvelope hundred = codec.decode(parameterNames(100));
        CwmpDecodeException e = decodeFailure(codec, parameterNames(101));

        assertThat(hundred.body().methodName()).isEqualTo("GetParameterValues");
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ITEMS);
        assertThat(e.cwmpId()).contains("hostile-1");
    }

    @Test
    void counts_items_of_every_list_not_only_parameter_lists() {
        CwmpCodec codec = CwmpCodec.builder().limits(DecodeLimits.DEFAULT.withMaxListItems(10)).build();
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            methods.append("<string>X_VENDOR_Method").append(i).append("</string>");
        }
        String xml = ENVELOPE_HEAD + "<cwmp:GetRPCMethodsResponse><MethodList soapenc:arrayType=\"xsd:string[11]\">"
                + methods + "</MethodList></cwmp:GetRPCMethodsResponse>" + ENVELOPE_TAIL;

        assertThat(decodeFailure(codec, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo(Reason.TOO_MANY_ITEMS);
    }

    // --- broken input --------------------------------------------------------------------------

    private static final String TRUNCATION_SUBJECT = ENVELOPE_HEAD
            + "<cwmp:SetParameterValues><ParameterList soapenc:arrayType=\"cwmp:ParameterValueStruct[2]\">"
            + "<ParameterValueStruct><Name>Device.WiFi.SSID.1.SSID</Name>"
            + "<Value xsi:type=\"xsd:string\">Café &amp; Ünïcødé ✓ 𝄞</Value></ParameterValueStruct>"
            + "<ParameterValueStruct><Name>Device.ManagementServer.PeriodicInformInterval</Name>"
            + "<Value xsi:type=\"xsd:unsignedInt\">300</Value></ParameterValueStruct>"
            + "</ParameterList><ParameterKey>pk-1</ParameterKey></cwmp:SetParameterValues>"
            + ENVELOPE_TAIL;

    static Stream<Integer> cut_points() {
        int complete = TRUNCATION_SUBJECT.getBytes(StandardCharsets.UTF_8).length;
        // Every byte for the first 300 bytes (prolog, envelope, header), then every 7th byte to the end,
        // which includes cuts inside multi-byte UTF-8 sequences.
        return IntStream.range(1, complete)
                .filter(i -> i < 300 || i % 7 == 0 || i > complete - 40)
                .boxed();
    }

    @Test
    void truncation_subject_decodes_when_complete() {
        CwmpEnvelope envelope = CODEC.decode(TRUNCATION_SUBJECT.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.body().methodName()).isEqualTo("SetParameterValues");
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @MethodSource("cut_points")
    void rejects_input_truncated_at_any_point_as_malformed(int cut) {
        byte[] complete = TRUNCATION_SUBJECT.getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(complete, cut);

        CwmpDecodeException e = decodeFailure(truncated);

        assertThat(e.reason()).as("reason for a cut after %d bytes: %s", cut, e.getMessage())
                .isEqualTo(Reason.MALFORMED_XML);
    }

    @Test
    void rejects_an_empty_body() {
        assertThat(decodeFailure(new byte[0]).reason())
                .isIn(Reason.MALFORMED_XML, Reason.NOT_A_SOAP_ENVELOPE);
    }

    @Test
    void rejects_random_binary_input_with_a_decode_exception_only() {
        Random random = new Random(0x5eed_c0deL);
        for (int i = 0; i < 300; i++) {
            byte[] noise = new byte[1 + random.nextInt(4096)];
            random.nextBytes(noise);
            if (i % 3 == 0) {
                // Noise that starts like XML gets further into the parser.
                byte[] start = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        .getBytes(StandardCharsets.UTF_8);
                System.arraycopy(start, 0, noise, 0, Math.min(start.length, noise.length));
            }

            CwmpDecodeException e = decodeFailure(noise);

            assertThat(e.reason()).as("reason for noise #%d: %s", i, e.getMessage())
                    .isIn(Reason.MALFORMED_XML, Reason.NOT_A_SOAP_ENVELOPE);
        }
    }

    @Test
    void rejects_xml_that_is_not_soap() {
        assertThat(decodeFailure(resource("not-soap-html.xml")).reason()).isEqualTo(Reason.NOT_A_SOAP_ENVELOPE);
    }

    @Test
    void rejects_a_soap_1_2_envelope() {
        assertThat(decodeFailure(resource("soap-1-2-envelope.xml")).reason()).isEqualTo(Reason.NOT_A_SOAP_ENVELOPE);
    }

    @Test
    void rejects_an_envelope_without_body_but_keeps_its_id() {
        CwmpDecodeException e = decodeFailure(resource("envelope-without-body.xml"));

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_SOAP_ENVELOPE);
        assertThat(e.cwmpId()).contains("no-body");
    }

    @Test
    void rejects_an_unknown_rpc_with_method_not_supported_and_its_id() {
        CwmpDecodeException e = decodeFailure(resource("unknown-rpc.xml"));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_METHOD);
        assertThat(e.faultToAnswer()).isEqualTo(FaultCode.ACS_METHOD_NOT_SUPPORTED);
        assertThat(e.faultToAnswer().code()).isEqualTo(8000);
        assertThat(e.cwmpId()).contains("unknown-42");
        assertThat(e.getMessage()).contains("SelfDestruct");
    }

    @Test
    void rejects_an_unknown_cwmp_namespace() {
        CwmpDecodeException e = decodeFailure(resource("unknown-namespace.xml"));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_NAMESPACE);
        assertThat(e.getMessage()).contains("cwmp-9-9");
    }

    // Known codec bugs, reported to protocol-core: content the decoder silently drops. Enable these
    // tests once the decoder rejects it.

    @Test
    void rejects_a_body_with_two_messages_instead_of_dropping_the_second() {
        String xml = ENVELOPE_HEAD + "<cwmp:GetRPCMethods/><cwmp:FactoryReset/>" + ENVELOPE_TAIL;

        assertThat(decodeFailure(xml.getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(Reason.NOT_A_SOAP_ENVELOPE);
    }

    @Test
    void rejects_a_second_envelope_after_the_first() {
        String envelope = ENVELOPE_HEAD + "<cwmp:GetRPCMethods/>" + ENVELOPE_TAIL;

        assertThat(decodeFailure((envelope + envelope).getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo(Reason.MALFORMED_XML);
    }

    @Test
    void says_where_malformed_input_broke() {
        String xml = ENVELOPE_HEAD + "\n<cwmp:GetRPCMethods></cwmp:GetRPCMethod>" + ENVELOPE_TAIL;

        CwmpDecodeException e = decodeFailure(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_XML);
        assertThat(e.getMessage()).containsPattern("2:\\d+");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static InputStream parameterNames(int count) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < count; i++) {
            names.append("<string>Device.Hosts.Host.").append(i + 1).append(".HostName</string>");
        }
        String xml = ENVELOPE_HEAD + "<cwmp:GetParameterValues><ParameterNames soapenc:arrayType=\"xsd:string["
                + count + "]\">" + names + "</ParameterNames></cwmp:GetParameterValues>" + ENVELOPE_TAIL;
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static CwmpDecodeException decodeFailure(byte[] body) {
        return decodeFailure(CODEC, new ByteArrayInputStream(body));
    }

    /** Decodes, expecting a {@link CwmpDecodeException}; anything else (an Error included) fails. */
    private static CwmpDecodeException decodeFailure(CwmpCodec codec, InputStream body) {
        Throwable thrown = catchThrowable(() -> codec.decode(body));
        assertThat(thrown).as("what decoding threw").isInstanceOf(CwmpDecodeException.class);
        return (CwmpDecodeException) thrown;
    }

    /** As {@link #decodeFailure(CwmpCodec, InputStream)}, with a charset from the HTTP header. */
    private static CwmpDecodeException decodeFailure(CwmpCodec codec, InputStream body, Charset httpCharset) {
        Throwable thrown = catchThrowable(() -> codec.decode(body, httpCharset));
        assertThat(thrown).as("what decoding threw").isInstanceOf(CwmpDecodeException.class);
        return (CwmpDecodeException) thrown;
    }

    private static List<String> messagesOfCauseChain(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }

    private static byte[] resource(String name) {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + name)) {
            assertThat(in).as("test resource /hostile/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
