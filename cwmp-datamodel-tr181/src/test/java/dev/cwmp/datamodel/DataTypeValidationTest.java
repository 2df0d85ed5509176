package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.DataType.ListFacet;
import dev.cwmp.datamodel.DataType.Range;
import dev.cwmp.datamodel.DataType.Size;
import dev.cwmp.datamodel.Validation.Rule;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataTypeValidationTest {

    private static Rule failedRule(DataType type, String value) {
        Validation validation = type.validate(value);
        assertThat(validation.isValid()).as("%s should be invalid for %s", value, type).isFalse();
        return validation.violations().get(0).rule();
    }

    private static String reason(DataType type, String value) {
        return type.validate(value).toString();
    }

    private static DataType model181(String path) {
        return DataModel.tr181().parameter(path).orElseThrow().type();
    }

    @Test
    void string_longer_than_max_length_is_rejected_with_the_counts() {
        DataType ssid = DataType.builder(BaseType.STRING).size(new Size(0, OptionalInt.of(32))).build();

        assertThat(ssid.validate("x".repeat(32)).isValid()).isTrue();
        assertThat(failedRule(ssid, "x".repeat(40))).isEqualTo(Rule.MAX_LENGTH);
        assertThat(reason(ssid, "x".repeat(40))).isEqualTo("maxLength 32 exceeded: 40 characters");
    }

    @Test
    void string_length_counts_characters_not_utf16_units() {
        DataType two = DataType.builder(BaseType.STRING).size(new Size(0, OptionalInt.of(2))).build();

        assertThat(two.validate("\uD83D\uDCF6\uD83D\uDCF6").isValid()).isTrue(); // two antenna emoji
        assertThat(reason(two, "\u00e9t\u00e9")).isEqualTo("maxLength 2 exceeded: 3 characters");
    }

    @Test
    void string_shorter_than_min_length_is_rejected() {
        DataType passphrase = model181("Device.WiFi.AccessPoint.{i}.Security.KeyPassphrase");

        assertThat(failedRule(passphrase, "short")).isEqualTo(Rule.MIN_LENGTH);
        assertThat(reason(passphrase, "short")).isEqualTo("minLength 8 not met: 5 characters");
        assertThat(passphrase.validate("long enough").isValid()).isTrue();
    }

    @Test
    void value_outside_the_enumeration_is_rejected_listing_the_values() {
        DataType status = model181("Device.WiFi.SSID.{i}.Status");

        assertThat(status.validate("Up").isValid()).isTrue();
        assertThat(failedRule(status, "up")).isEqualTo(Rule.ENUMERATION);
        assertThat(reason(status, "up")).startsWith("\"up\" is not one of the enumerated values (Up, Down");
    }

    @Test
    void vendor_enumeration_values_are_accepted() {
        DataType status = model181("Device.WiFi.SSID.{i}.Status");

        assertThat(status.validate("X_ACME_Sleeping").isValid()).isTrue();
    }

    @Test
    void value_matching_no_pattern_is_rejected() {
        DataType oui = model181("Device.DeviceInfo.ManufacturerOUI");

        assertThat(oui.validate("00D09E").isValid()).isTrue();
        assertThat(failedRule(oui, "00d09e")).isEqualTo(Rule.PATTERN);
        assertThat(reason(oui, "00d09e")).isEqualTo("\"00d09e\" matches none of the patterns [0-9A-F]{6}");
    }

    @Test
    void number_outside_the_range_is_rejected_with_the_range() {
        DataType port = DataType.builder(BaseType.UNSIGNED_INT)
                .range(new Range(OptionalLong.of(1), OptionalLong.of(65535), 1)).build();

        assertThat(port.validate("8080").isValid()).isTrue();
        assertThat(failedRule(port, "0")).isEqualTo(Rule.RANGE);
        assertThat(reason(port, "70000")).isEqualTo("70000 is not in range [1..65535]");
    }

    @Test
    void number_off_the_step_is_rejected() {
        DataType dbm = DataType.builder(BaseType.INT)
                .range(new Range(OptionalLong.of(-127000), OptionalLong.of(0), 500)).build();

        assertThat(dbm.validate("-1500").isValid()).isTrue();
        assertThat(failedRule(dbm, "-1499")).isEqualTo(Rule.RANGE);
        assertThat(reason(dbm, "-1499")).isEqualTo("-1499 is not in range [-127000..0] step 500");
    }

    @Test
    void value_in_any_of_several_ranges_is_accepted() {
        DataType type = DataType.builder(BaseType.INT)
                .range(new Range(OptionalLong.of(-1), OptionalLong.of(-1), 1))
                .range(new Range(OptionalLong.of(1), OptionalLong.of(10), 1)).build();

        assertThat(type.validate("-1").isValid()).isTrue();
        assertThat(type.validate("10").isValid()).isTrue();
        assertThat(reason(type, "0")).isEqualTo("0 is in none of the ranges [-1..-1], [1..10]");
    }

    @ParameterizedTest
    @CsvSource({
        "INT, -2147483648, true", "INT, 2147483647, true", "INT, 2147483648, false", "INT, -2147483649, false",
        "UNSIGNED_INT, 0, true", "UNSIGNED_INT, 4294967295, true", "UNSIGNED_INT, 4294967296, false",
        "UNSIGNED_INT, -1, false",
        "LONG, -9223372036854775808, true", "LONG, 9223372036854775807, true", "LONG, 9223372036854775808, false",
        "UNSIGNED_LONG, 18446744073709551615, true", "UNSIGNED_LONG, 18446744073709551616, false",
        "UNSIGNED_LONG, -1, false"})
    void integers_are_bounded_by_their_base_type(BaseType type, String value, boolean valid) {
        Validation validation = DataType.of(type).validate(value);

        assertThat(validation.isValid()).isEqualTo(valid);
        if (!valid) {
            assertThat(validation.violations().get(0).rule()).isEqualTo(Rule.RANGE);
            assertThat(validation.toString()).contains(type.xmlName() + " range");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "1.0", "0x10", "one", "+", "-"})
    void malformed_integers_are_syntax_errors(String value) {
        assertThat(failedRule(DataType.of(BaseType.INT), value)).isEqualTo(Rule.SYNTAX);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "false, false", "1, true", "0, false"})
    void booleans_accept_true_false_1_and_0(String wire, boolean expected) {
        assertThat(DataType.of(BaseType.BOOLEAN).parse(wire)).isEqualTo(new TypedValue.BooleanValue(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "True", "yes", "2", ""})
    void other_boolean_spellings_are_rejected(String wire) {
        assertThat(failedRule(DataType.of(BaseType.BOOLEAN), wire)).isEqualTo(Rule.SYNTAX);
        assertThat(reason(DataType.of(BaseType.BOOLEAN), wire)).contains("is not a boolean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "0001-01-01T00:05:00Z", "2024-02-29T23:59:59Z",
        "2024-06-01T12:00:00.123456+02:00", "2024-06-01T12:00:00", "9999-12-31T23:59:59Z"})
    void date_times_of_tr106_are_accepted(String wire) {
        assertThat(DataType.of(BaseType.DATE_TIME).validate(wire).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "2471", "2023-02-29T00:00:00Z", "2024-06-01 12:00:00Z", "2024-06-01T25:00:00Z",
        "2024-06-01T12:00:00+2:00", "2024-06-01T12:00:00ZZ"})
    void malformed_date_times_are_rejected(String wire) {
        assertThat(failedRule(DataType.of(BaseType.DATE_TIME), wire)).isEqualTo(Rule.SYNTAX);
    }

    @Test
    void base64_and_hex_binary_sizes_count_bytes() {
        DataType base64 = DataType.builder(BaseType.BASE64).size(new Size(2, OptionalInt.of(4))).build();
        DataType hex = DataType.builder(BaseType.HEX_BINARY).size(new Size(0, OptionalInt.of(2))).build();

        assertThat(base64.validate("AQID").isValid()).isTrue(); // 3 bytes
        assertThat(reason(base64, "AQ==")).isEqualTo("minLength 2 not met: 1 bytes");
        assertThat(hex.validate("0aFF").isValid()).isTrue();
        assertThat(reason(hex, "010203")).isEqualTo("maxLength 2 exceeded: 3 bytes");
    }

    @ParameterizedTest
    @CsvSource({"BASE64, '@@@@'", "BASE64, 'AQI'", "HEX_BINARY, 'abc'", "HEX_BINARY, 'zz'"})
    void malformed_binary_is_rejected(BaseType type, String wire) {
        assertThat(failedRule(DataType.of(type), wire)).isEqualTo(Rule.SYNTAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "192.168.1.254", "0.0.0.0", "255.255.255.255"})
    void ipv4_addresses_are_accepted(String wire) {
        assertThat(model181("Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress").validate(wire).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4444", "1.2.3.4 ", "a.b.c.d", "::1"})
    void malformed_ipv4_addresses_are_rejected_as_such(String wire) {
        DataType type = model181("Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress");

        assertThat(type.validate(wire).violations()).extracting(Validation.Violation::rule).contains(Rule.NAMED_TYPE);
        assertThat(reason(type, wire)).contains("is not an IPv4 address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1080:0:0:800:ba98:3210:11aa:12dd", "1080::800:ba98:3210:11aa:12dd", "::", "::1",
        "fe80::", "0:0:0:0:0:0:13.1.68.3", "::ffff:192.0.2.1", "2001:DB8::1"})
    void ipv6_addresses_are_accepted(String wire) {
        assertThat(model181("Device.IP.Interface.{i}.IPv6Address.{i}.IPAddress").validate(wire).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", ":1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:", "g::1", "192.168.1.1", "1:2:3:4:5:6:7"})
    void malformed_ipv6_addresses_are_rejected(String wire) {
        DataType type = model181("Device.IP.Interface.{i}.IPv6Address.{i}.IPAddress");

        assertThat(failedRule(type, wire)).isEqualTo(Rule.NAMED_TYPE);
        assertThat(reason(type, wire)).contains("is not an IPv6 address");
    }

    @Test
    void ip_address_accepts_either_family() {
        DataType type = DataType.builder(BaseType.STRING).namedTypes(List.of("IPAddress")).build();

        assertThat(type.validate("10.0.0.1").isValid()).isTrue();
        assertThat(type.validate("2001:db8::1").isValid()).isTrue();
        assertThat(reason(type, "10.0.0.1,10.0.0.2")).contains("is not an IPv4 or IPv6 address");
    }

    @Test
    void ip_prefixes_are_checked() {
        DataType v6 = DataType.builder(BaseType.STRING).namedTypes(List.of("IPv6Prefix", "IPPrefix")).build();
        DataType any = DataType.builder(BaseType.STRING).namedTypes(List.of("IPPrefix")).build();

        assertThat(v6.validate("2001:edff:fe6a:f76::/64").isValid()).isTrue();
        assertThat(v6.validate("/64").isValid()).isTrue();
        assertThat(reason(v6, "2001:db8::/129")).contains("is not an IPv6 prefix");
        assertThat(any.validate("192.168.1.0/24").isValid()).isTrue();
        assertThat(reason(any, "192.168.1.0")).contains("is not an IPv4 or IPv6 prefix");
    }

    @Test
    void mac_addresses_are_checked() {
        DataType mac = model181("Device.Ethernet.Interface.{i}.MACAddress");

        assertThat(mac.validate("00:1A:2b:3C:4d:5E").isValid()).isTrue();
        assertThat(mac.validate("").isValid()).isTrue();
        assertThat(failedRule(mac, "00-1A-2B-3C-4D-5E")).isEqualTo(Rule.NAMED_TYPE);
        assertThat(reason(mac, "001A2B3C4D5E")).contains("is not a MAC address");
    }

    @Test
    void list_items_are_each_checked_and_counted() {
        DataType list = DataType.builder(BaseType.UNSIGNED_INT)
                .list(new ListFacet(1, OptionalInt.of(3), Optional.of(new Size(0, OptionalInt.of(12)))))
                .range(new Range(OptionalLong.of(1), OptionalLong.of(100), 1)).build();

        assertThat(list.parse("1, 2,3")).isEqualTo(new TypedValue.ListValue(BaseType.UNSIGNED_INT, List.of(
                new TypedValue.UnsignedIntValue(1), new TypedValue.UnsignedIntValue(2),
                new TypedValue.UnsignedIntValue(3))));
        assertThat(reason(list, "1,200")).isEqualTo("item 2: 200 is not in range [1..100]");
        assertThat(failedRule(list, "")).isEqualTo(Rule.LIST_ITEMS);
        assertThat(reason(list, "1,2,3,4")).isEqualTo("maxItems 3 exceeded: 4 items");
        assertThat(reason(list, "10,20,30,40,50")).startsWith("list maxLength 12 exceeded: 14 characters");
    }

    @Test
    void list_of_enumerated_strings_checks_each_item() {
        DataType modes = model181("Device.WiFi.AccessPoint.{i}.Security.ModesSupported");

        assertThat(modes.isList()).isTrue();
        assertThat(modes.validate("None,WPA2-Personal").isValid()).isTrue();
        assertThat(reason(modes, "None,WPA9")).startsWith("item 2: \"WPA9\" is not one of the enumerated values");
    }

    @Test
    void parse_throws_with_every_failed_rule() {
        DataType type = DataType.builder(BaseType.STRING).size(new Size(0, OptionalInt.of(3)))
                .enumeration("abc").enumeration("de").build();

        assertThatThrownBy(() -> type.parse("abcdef"))
                .isInstanceOf(DataModelException.class)
                .hasMessage("invalid string value: maxLength 3 exceeded: 6 characters; "
                        + "\"abcdef\" is not one of the enumerated values (abc, de)");
    }

    @Test
    void secret_parameters_read_back_empty_without_failing() {
        ParameterDefinition passphrase = DataModel.tr181()
                .parameter("Device.WiFi.AccessPoint.{i}.Security.KeyPassphrase").orElseThrow();

        assertThat(passphrase.validateRead("").isValid()).isTrue();
        assertThat(passphrase.validate("").isValid()).isFalse();
        assertThat(passphrase.validateRead("short").isValid()).isFalse();
    }

    @Test
    void a_shared_type_validates_patterns_from_several_threads() throws Exception {
        DataType oui = model181("Device.DeviceInfo.ManufacturerOUI");
        Thread[] threads = new Thread[4];
        boolean[] results = new boolean[threads.length];
        for (int i = 0; i < threads.length; i++) {
            int index = i;
            threads[i] = new Thread(() -> results[index] = oui.validate("ABCDEF").isValid());
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).containsOnly(true);
    }
}
