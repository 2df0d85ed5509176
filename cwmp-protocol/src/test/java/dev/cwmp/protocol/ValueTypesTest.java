package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.CwmpTimes;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.VendorMessage;
import dev.cwmp.protocol.rpc.XmlElement;
import dev.cwmp.protocol.rpc.XsdType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fault codes, limits, XSD types, times and the records' validation. */
class ValueTypesTest {

    @Test
    void fault_codes_cover_8000_to_8006_and_9000_to_9032_once_each() {
        Set<Integer> codes = new HashSet<>();
        for (FaultCode code : FaultCode.values()) {
            assertThat(codes.add(code.code())).isTrue();
            assertThat(FaultCode.of(code.code())).contains(code);
            assertThat(code.soapFaultCode()).isIn("Client", "Server");
            assertThat(code.meaning()).isNotBlank();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 8000; i <= 8006; i++) {
            expected.add(i);
        }
        for (int i = 9000; i <= 9032; i++) {
            expected.add(i);
        }
        assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "8000, Method not supported, Server",
        "8003, Invalid arguments, Client",
        "8005, Retry request, Server",
        "9000, Method not supported, Server",
        "9003, Invalid arguments, Client",
        "9005, Invalid parameter name, Client",
        "9008, Attempt to set a non-writable parameter, Client",
        "9010, File transfer failure, Server",
        "9021, Cancelation of file transfer not permitted in current transfer state, Client",
    })
    void fault_codes_carry_the_spec_meaning_and_soap_fault_code(int code, String meaning, String soap) {
        FaultCode faultCode = FaultCode.of(code).orElseThrow();

        assertThat(faultCode.meaning()).isEqualTo(meaning);
        assertThat(faultCode.soapFaultCode()).isEqualTo(soap);
    }

    @Test
    void unassigned_and_vendor_codes_have_no_constant() {
        assertThat(FaultCode.of(8007)).isEmpty();
        assertThat(FaultCode.of(9033)).isEmpty();
        assertThat(FaultCode.of(9850)).isEmpty();
        assertThat(FaultCode.of(-1)).isEmpty();
        assertThat(FaultCode.isVendorSpecific(8800)).isTrue();
        assertThat(FaultCode.isVendorSpecific(8899)).isTrue();
        assertThat(FaultCode.isVendorSpecific(9800)).isTrue();
        assertThat(FaultCode.isVendorSpecific(9899)).isTrue();
        assertThat(FaultCode.isVendorSpecific(8900)).isFalse();
        assertThat(FaultCode.isVendorSpecific(9799)).isFalse();
        assertThat(FaultCode.isVendorSpecific(9005)).isFalse();
    }

    @Test
    void cwmp_fault_factory_uses_the_code_soap_fault_code() {
        CwmpFault fault = CwmpFault.of(FaultCode.INVALID_PARAMETER_NAME, "no such parameter");

        assertThat(fault.soapFaultCode()).isEqualTo("Client");
        assertThat(fault.soapFaultString()).isEqualTo("CWMP fault");
        assertThat(fault.faultCode()).isEqualTo(9005);
        assertThat(fault.knownCode()).contains(FaultCode.INVALID_PARAMETER_NAME);
        assertThat(CwmpFault.of(FaultCode.INTERNAL_ERROR).faultString()).isEqualTo("Internal error");
    }

    @Test
    void decode_limits_default_and_withers() {
        DecodeLimits limits = DecodeLimits.DEFAULT;

        assertThat(limits.maxBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(limits.maxDepth()).isEqualTo(64);
        assertThat(limits.maxTextLength()).isEqualTo(256 * 1024);
        assertThat(limits.maxListItems()).isEqualTo(100_000);
        assertThat(limits.withMaxBytes(10).maxBytes()).isEqualTo(10);
        assertThat(limits.withMaxDepth(9).maxDepth()).isEqualTo(9);
        assertThat(limits.withMaxTextLength(5).maxTextLength()).isEqualTo(5);
        assertThat(limits.withMaxListItems(3).maxListItems()).isEqualTo(3);
        assertThat(limits.withMaxListItems(3).maxBytes()).isEqualTo(limits.maxBytes());
    }

    @Test
    void decode_limits_reject_nonsense() {
        assertThatThrownBy(() -> DecodeLimits.DEFAULT.withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> DecodeLimits.DEFAULT.withMaxDepth(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> DecodeLimits.DEFAULT.withMaxTextLength(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTextLength");
        assertThatThrownBy(() -> DecodeLimits.DEFAULT.withMaxListItems(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxListItems");
    }

    @ParameterizedTest
    @CsvSource({
        "xsd:string, STRING",
        "xs:int, INT",
        "unsignedInt, UNSIGNED_INT",
        "cwmp:long, LONG",
        "xsd:unsignedLong, UNSIGNED_LONG",
        "' xsd:boolean ', BOOLEAN",
        "xsd:dateTime, DATE_TIME",
        "soapenc:base64, BASE64",
        "xsd:base64Binary, BASE64",
        "xsd:hexBinary, HEX_BINARY",
        "XSD:UNSIGNEDINT, UNSIGNED_INT",
        "xsd:unsignedShort, UNSIGNED_INT",
        "cwmp:IPAddress, STRING",
        "'', UNSPECIFIED",
    })
    void xsd_types_are_read_tolerantly(String wireName, XsdType expected) {
        assertThat(XsdType.fromWireName(wireName)).isEqualTo(expected);
    }

    @Test
    void unspecified_is_written_as_xsd_string() {
        assertThat(XsdType.UNSPECIFIED.wireName()).isEqualTo("xsd:string");
        assertThat(XsdType.UNSIGNED_INT.wireName()).isEqualTo("xsd:unsignedInt");
        assertThat(XsdType.BASE64.localName()).isEqualTo("base64Binary");
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-01T12:00:00Z, 2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00, 2024-05-01T12:00:00Z",
        "2024-05-01T14:00:00+02:00, 2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00.123456Z, 2024-05-01T12:00:00.123456Z",
        "2024-05-01T07:00:00.5-05:00, 2024-05-01T12:00:00.5Z",
        "' 2024-05-01T12:00:00Z ', 2024-05-01T12:00:00Z",
        "2024-05-01T14:00:00+0200, 2024-05-01T12:00:00Z",
        "2024-05-01T14:00:00+02, 2024-05-01T12:00:00Z",
        "2024-02-30T14:00:00Z, 0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "'', 0001-01-01T00:00:00Z",
        "0000-00-00T00:00:00, 0001-01-01T00:00:00Z",
        "yesterday, 0001-01-01T00:00:00Z",
    })
    void times_are_read_leniently(String text, String expected) {
        assertThat(CwmpTimes.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void times_are_written_as_iso_8601_utc() {
        assertThat(CwmpTimes.format(Instant.parse("2024-05-01T12:00:00Z"))).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(CwmpTimes.format(CwmpTimes.UNKNOWN)).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(CwmpTimes.isUnknown(CwmpTimes.parse("garbage"))).isTrue();
    }

    @Test
    void records_copy_their_lists() {
        List<String> names = new ArrayList<>(List.of("Device."));
        GetParameterValues request = new GetParameterValues(names);
        names.add("Other.");

        assertThat(request.parameterNames()).containsExactly("Device.");
        assertThatThrownBy(() -> request.parameterNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void records_reject_missing_values() {
        assertThatThrownBy(() -> ParameterValueStruct.of("Device.X", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> new VendorMessage(XmlElement.leaf("", "NotVendor", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X_");
    }

    @Test
    void event_struct_helpers() {
        assertThat(EventStruct.of(EventStruct.M_DOWNLOAD, "k").isMethodEvent()).isTrue();
        assertThat(EventStruct.of("1 boot ").is(EventStruct.BOOT)).isTrue();
        assertThat(EventStruct.of("X 00D09E Custom").isVendorEvent()).isTrue();
        assertThat(EventStruct.of(EventStruct.BOOTSTRAP).commandKey()).isEmpty();
    }

    @Test
    void headers_builder_round_trips_through_to_builder() {
        CwmpHeaders headers = CwmpHeaders.builder().id("1").holdRequests(true).sessionTimeout(30)
                .supportedVersions(List.of(CwmpVersion.V1_0, CwmpVersion.V1_4)).useCwmpVersion("1.4").build();

        assertThat(headers.toBuilder().build()).isEqualTo(headers);
        assertThat(headers.supportedCwmpVersions()).containsExactly("1.0", "1.4");
        assertThat(CwmpHeaders.NONE.isEmpty()).isTrue();
        assertThat(CwmpHeaders.withId("x").idMustUnderstand()).isTrue();
        assertThatThrownBy(() -> CwmpHeaders.builder().sessionTimeout(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
