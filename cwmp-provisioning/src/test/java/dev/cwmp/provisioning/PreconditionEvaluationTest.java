package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.DeviceId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreconditionEvaluationTest {

    static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");

    static final DeviceView DEVICE = DeviceView.builder(ID)
            .manufacturer("MikroTik")
            .tags("PENDING", "with space")
            .events("1 BOOT", "M Download")
            .parameter("Device.DeviceInfo.SoftwareVersion", "6.48.6", "xsd:string")
            .parameter("Device.DeviceInfo.UpTime", "3600", "xsd:unsignedInt")
            .parameter("Device.ManagementServer.PeriodicInformEnable", "1", "xsd:boolean")
            .parameter("Device.ManagementServer.PeriodicInformTime", "2024-01-01T00:00:00Z", "xsd:dateTime")
            .parameter("Device.Custom.LocalTime", "2024-01-01T00:00:00", "xsd:dateTime")
            .parameter("Device.Custom.BadTime", "yesterday", "xsd:dateTime")
            .parameter("Device.Custom.NumberAsString", "5", "xsd:string")
            .parameter("Device.Custom.Untyped", "10")
            .parameter("Device.Custom.Empty", "", "xsd:string")
            .parameter("Device.WiFi.SSID.1.SSID", "guest", "xsd:string")
            .parameter("Device.WiFi.SSID.2.SSID", "home", "xsd:string")
            .build();

    private static Optional<Boolean> eval(String text) {
        return Precondition.parse(text).evaluate(DEVICE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // strings and numbers by the parameter's type
        "Device.DeviceInfo.SoftwareVersion = '6.48.6'                | true",
        "Device.DeviceInfo.SoftwareVersion > '6.10'                  | true",
        "Device.DeviceInfo.UpTime = 3600                             | true",
        "Device.DeviceInfo.UpTime > 600                              | true",
        "Device.DeviceInfo.UpTime = '3600'                           | false",
        "Device.DeviceInfo.UpTime < 'a'                              | true",
        "Device.Custom.NumberAsString = 5                            | false",
        "Device.Custom.NumberAsString > 1000                         | true",
        "Device.Custom.Untyped = '10'                                | true",
        "Device.Custom.Untyped = 10                                  | false",
        // booleans compare as 0 and 1
        "Device.ManagementServer.PeriodicInformEnable = true         | true",
        "Device.ManagementServer.PeriodicInformEnable = 1            | true",
        "Device.ManagementServer.PeriodicInformEnable <> false       | true",
        // dateTime as epoch milliseconds
        "Device.ManagementServer.PeriodicInformTime = 1704067200000  | true",
        "Device.ManagementServer.PeriodicInformTime > 1700000000000  | true",
        "Device.Custom.LocalTime = 1704067200000                     | true",
        "Device.Custom.BadTime = 'yesterday'                         | true",
        // LIKE
        "Device.DeviceInfo.SoftwareVersion LIKE '6.%'                | true",
        "Device.DeviceInfo.SoftwareVersion LIKE '6.4_.6'             | true",
        "Device.DeviceInfo.SoftwareVersion LIKE '6.4_'               | false",
        "Device.DeviceInfo.SoftwareVersion LIKE '%.%.%'              | true",
        "Device.DeviceInfo.SoftwareVersion LIKE '6.48.6%'            | true",
        "Device.DeviceInfo.SoftwareVersion LIKE '6.48.6_'            | false",
        "Device.DeviceInfo.SoftwareVersion NOT LIKE '7%'             | true",
        "Device.DeviceInfo.UpTime LIKE '36%'                         | true",
        "Device.DeviceInfo.SoftwareVersion LIKE '6.48.6'             | true",
        "Device.DeviceInfo.SoftwareVersion LIKE '%'                  | true",
        "Device.Custom.Empty LIKE '%'                                | true",
        "Device.Custom.Empty LIKE '_'                                | false",
        // null tests
        "Device.Missing.Parameter IS NULL                            | true",
        "Device.DeviceInfo.UpTime IS NOT NULL                        | true",
        "Device.Custom.Empty IS NULL                                 | false",
        // tags, ids, events
        "Tags.PENDING                                                | true",
        "Tags.PENDING = true                                         | true",
        "Tags.UPGRADED IS NULL                                       | true",
        "Tags.with%20space IS NOT NULL                               | true",
        "DeviceID.ID = 'E48D8C-RB951Ui%2D2HnD-4AC7046131E4'          | true",
        "DeviceID.OUI = 'E48D8C' AND DeviceID.SerialNumber = '4AC7046131E4' | true",
        "DeviceID.ProductClass LIKE 'RB951%'                         | true",
        "DeviceID.Manufacturer = 'MikroTik'                          | true",
        "Events.1_BOOT                                               | true",
        "Events.M_Download AND Events.0_BOOTSTRAP IS NULL            | true",
        // wildcards read the first match
        "Device.WiFi.SSID.*.SSID = 'guest'                           | true",
        "Device.WiFi.SSID.2.SSID = 'home'                            | true",
        // bare operands
        "Device.DeviceInfo.UpTime                                    | true",
        "Device.Custom.Empty                                         | false",
        "0                                                           | false",
        "\"x\"                                                       | true",
        "false OR true                                               | true",
    })
    void evaluates_as_genieacs(String text, boolean expected) {
        assertThat(eval(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Device.Missing.Parameter = 1",
        "Device.Missing.Parameter <> 1",
        "Device.Missing.Parameter LIKE '%'",
        "NOT Tags.ABSENT",
        "Tags.ABSENT",
        "Events.0_BOOTSTRAP",
        "Device.DeviceInfo.UpTime = NULL",
        "Tags.ABSENT AND true",
        "Tags.ABSENT OR false",
        "NULL",
    })
    void null_propagates(String text) {
        assertThat(eval(text)).isEmpty();
        assertThat(Precondition.parse(text).test(DEVICE)).isFalse();
    }

    @Test
    void and_or_follow_three_valued_logic() {
        assertThat(eval("Tags.ABSENT AND false")).contains(false);
        assertThat(eval("false AND Tags.ABSENT")).contains(false);
        assertThat(eval("Tags.ABSENT OR true")).contains(true);
        assertThat(eval("true OR Tags.ABSENT")).contains(true);
        assertThat(eval("NOT (Tags.ABSENT AND false)")).contains(true);
    }

    @Test
    void a_negated_missing_tag_does_not_hold_but_is_null_does() {
        assertThat(Precondition.parse("NOT Tags.UPGRADED").test(DEVICE)).isFalse();
        assertThat(Precondition.parse("Tags.UPGRADED IS NULL").test(DEVICE)).isTrue();
    }

    @Test
    void an_empty_product_class_is_null() {
        DeviceView noClass = DeviceView.builder(new DeviceId("001122", "", "SN1")).build();
        assertThat(Precondition.parse("DeviceID.ProductClass IS NULL").test(noClass)).isTrue();
        assertThat(Precondition.parse("DeviceID.ID = '001122-SN1'").test(noClass)).isTrue();
    }

    @Test
    void always_holds_for_any_device() {
        assertThat(Precondition.always().test(DEVICE)).isTrue();
    }
}
