package dev.cwmp.datamodel.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cwmp.datamodel.DataModelException;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.dump.GenieacsSimCsv.Dump;
import dev.cwmp.datamodel.dump.GenieacsSimCsv.Layout;
import dev.cwmp.datamodel.dump.GenieacsSimCsv.Row;

class GenieacsSimCsvTest {

    private static final String SHORT = """
            Parameter,Object,Writable,Value,Value type
            DeviceID.Manufacturer,false,false,"Huawei Technologies Co., Ltd.",xsd:string
            DeviceID.OUI,false,false,202BC1,xsd:string
            InternetGatewayDevice,true,false,,
            InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID,false,true,404 WiMAX Not Found,xsd:string
            InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Channel,false,true,6,xsd:int
            InternetGatewayDevice.DeviceInfo.Description,false,false,"say ""hi"", twice",xsd:string
            """;

    private static final String LONG = """
            Parameter,Object,Object timestamp,Writable,Writable timestamp,Value,Value type,Value timestamp,Notification,Notification timestamp,Access list,Access list timestamp\r
            DeviceID.ID,false,2023-03-28T15:39:56.053Z,false,2023-03-28T15:39:56.053Z,"C0B101-ZXHN%20H199A-X",xsd:string,2023-03-28T15:39:56.053Z,,,,\r
            Events.0_BOOTSTRAP,false,2023-05-25T22:24:29.364Z,false,2023-05-25T22:24:29.364Z,"2023-05-25T22:24:15.238Z",xsd:dateTime,2023-05-25T22:24:29.364Z,,,,\r
            Device.WiFi,true,2023-05-25T21:04:24.895Z,false,2023-05-25T21:04:24.895Z,"",,,,,,\r
            Device.WiFi.SSID.1.SSID,false,2023-05-25T21:04:24.895Z,true,2023-05-25T21:04:24.896Z,"two
            lines, one comma",xsd:string,2023-05-25T21:04:24.897Z,2,2023-05-25T21:04:25Z,"Subscriber",2023-05-25T21:04:26Z\r
            """;

    @Test
    void reads_the_short_layout_with_quoted_commas_and_doubled_quotes() {
        Dump dump = GenieacsSimCsv.parse(SHORT);

        assertThat(dump.layout()).isEqualTo(Layout.SHORT);
        assertThat(dump.identity()).containsExactly(
                java.util.Map.entry("Manufacturer", "Huawei Technologies Co., Ltd."), java.util.Map.entry("OUI", "202BC1"));
        assertThat(dump.rows()).hasSize(4);
        assertThat(dump.rowCount()).isEqualTo(6);
        assertThat(dump.rootName()).contains("InternetGatewayDevice");

        Row root = dump.rows().get(0);
        assertThat(root.path()).isEqualTo(ParameterPath.parse("InternetGatewayDevice."));
        assertThat(root.object()).isTrue();
        assertThat(root.valueType()).isEmpty();

        Row ssid = dump.rows().get(1);
        assertThat(ssid.path().toString()).isEqualTo("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID");
        assertThat(ssid.writable()).isTrue();
        assertThat(ssid.value()).isEqualTo("404 WiMAX Not Found");
        assertThat(ssid.valueType()).contains("xsd:string");
        assertThat(ssid.valueTimestamp()).isEmpty();
        assertThat(dump.rows().get(2).writable()).isTrue();
        assertThat(dump.rows().get(3).value()).isEqualTo("say \"hi\", twice");
        assertThat(dump.rows().get(3).writable()).isFalse();
    }

    @Test
    void reads_the_long_layout_with_timestamps_notification_and_access_list() {
        Dump dump = GenieacsSimCsv.parse(LONG);

        assertThat(dump.layout()).isEqualTo(Layout.LONG);
        assertThat(dump.identity()).containsEntry("ID", "C0B101-ZXHN%20H199A-X");
        assertThat(dump.events()).containsEntry("0_BOOTSTRAP", "2023-05-25T22:24:15.238Z");
        assertThat(dump.rows()).hasSize(2);

        Row wifi = dump.rows().get(0);
        assertThat(wifi.path()).isEqualTo(ParameterPath.parse("Device.WiFi."));
        assertThat(wifi.objectTimestamp()).contains(Instant.parse("2023-05-25T21:04:24.895Z"));
        assertThat(wifi.valueTimestamp()).isEmpty();
        assertThat(wifi.notification()).isEmpty();
        assertThat(wifi.accessList()).isEmpty();

        Row ssid = dump.rows().get(1);
        assertThat(ssid.value()).isEqualTo("two\nlines, one comma");
        assertThat(ssid.writable()).isTrue();
        assertThat(ssid.writableTimestamp()).contains(Instant.parse("2023-05-25T21:04:24.896Z"));
        assertThat(ssid.valueTimestamp()).contains(Instant.parse("2023-05-25T21:04:24.897Z"));
        assertThat(ssid.notification()).isEqualTo(OptionalInt.of(2));
        assertThat(ssid.notificationTimestamp()).contains(Instant.parse("2023-05-25T21:04:25Z"));
        assertThat(ssid.accessList()).isEqualTo(Optional.of(List.of("Subscriber")));
        assertThat(ssid.accessListTimestamp()).contains(Instant.parse("2023-05-25T21:04:26Z"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "'A,B,C\n'                                                                  | not a genieacs-sim header",
            "'Parameter,Object,Writable,Value,Value type\nDevice.A,false,true,1\n'         | dump line 2: 4 fields, expected 5",
            "'Parameter,Object,Writable,Value,Value type\nDevice.A,maybe,true,1,xsd:int\n' | dump line 2: Object is not true/false: maybe",
            "'Parameter,Object,Writable,Value,Value type\nDevice..A,false,true,1,xsd:int\n' | dump line 2: invalid parameter path",
            "'Parameter,Object,Writable,Value,Value type\nDevice.A,false,true,\"1,xsd:int\n' | quoted field never closed",
            "'Parameter,Object,Writable,Value,Value type\nDevice.A,false,true,\"1\"x,xsd:int\n' | unexpected character after a closing quote",
            "''                                                                          | empty dump",
    })
    void rejects_malformed_dumps_with_the_line(String csv, String message) {
        assertThatThrownBy(() -> GenieacsSimCsv.parse(csv))
                .isInstanceOf(DataModelException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejects_a_field_longer_than_the_limit() {
        String csv = "Parameter,Object,Writable,Value,Value type\nDevice.A,false,true,\""
                + "x".repeat(dev.cwmp.datamodel.internal.CsvTokenizer.MAX_FIELD_LENGTH + 1) + "\",xsd:string\n";
        assertThatThrownBy(() -> GenieacsSimCsv.parse(csv))
                .isInstanceOf(DataModelException.class)
                .hasMessageContaining("CSV line 2: field longer than 1048576 characters");
    }

    @Test
    void rejects_bad_timestamps_in_the_long_layout() {
        String csv = LONG.lines().findFirst().orElseThrow() + "\n"
                + "Device.A,false,yesterday,true,,\"1\",xsd:int,,,,,\n";
        assertThatThrownBy(() -> GenieacsSimCsv.parse(csv))
                .isInstanceOf(DataModelException.class)
                .hasMessageContaining("dump line 2: Object timestamp is not an ISO instant: yesterday");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "huawei-bm632w-tr098.csv, 1006, SHORT, InternetGatewayDevice",
            "tplink-ex220-tr181.csv, 5237, LONG, Device",
            "tplink-ec220-g5-v3-tr181.csv, 943, LONG, Device",
            "zte-h199a-tr098.csv, 1750, LONG, InternetGatewayDevice",
            "mikrotik-rb951ui-2hnd-tr181.reconstructed.csv, 436, SHORT, Device",
    })
    void reads_every_shared_dump_with_the_row_count_of_its_provenance(
            String file, int rows, Layout layout, String root) throws IOException {
        Path dir = Path.of(System.getProperty("cwmp.shared.dir", "../shared"), "devices");
        assumeTrue(Files.isRegularFile(dir.resolve(file)), "shared device dumps not available: " + dir.resolve(file));

        Dump dump = GenieacsSimCsv.read(dir.resolve(file));

        assertThat(dump.rowCount()).isEqualTo(rows);
        assertThat(dump.layout()).isEqualTo(layout);
        assertThat(dump.rows()).allSatisfy(r -> assertThat(r.path().rootName()).isEqualTo(root));
        assertThat(dump.rows()).filteredOn(Row::object).allSatisfy(r -> assertThat(r.path().isPartial()).isTrue());
        if (!file.startsWith("mikrotik")) {
            assertThat(dump.identity()).containsKeys("Manufacturer", "OUI", "ProductClass", "SerialNumber");
        }
        if (layout == Layout.LONG) {
            assertThat(dump.rows()).filteredOn(r -> !r.object())
                    .allSatisfy(r -> assertThat(r.valueTimestamp()).isPresent());
        }
    }
}
