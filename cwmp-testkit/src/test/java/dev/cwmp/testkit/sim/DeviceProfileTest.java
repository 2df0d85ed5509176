package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceProfileTest {

    private static final String SHORT = """
            Parameter,Object,Writable,Value,Value type
            DeviceID.Manufacturer,false,false,"Acme",xsd:string
            DeviceID.OUI,false,false,A1B2C3,xsd:string
            DeviceID.ProductClass,false,false,Box,xsd:string
            DeviceID.SerialNumber,false,false,S1,xsd:string
            InternetGatewayDevice,true,false,"",
            InternetGatewayDevice.DeviceInfo,true,false,"",
            InternetGatewayDevice.DeviceInfo.SoftwareVersion,false,false,"1.0",xsd:string
            InternetGatewayDevice.ManagementServer.PeriodicInformInterval,false,true,"600",xsd:unsignedInt
            """;
    private static final String LONG = """
            Parameter,Object,Object timestamp,Writable,Writable timestamp,Value,Value type,Value timestamp,Notification,Notification timestamp,Access list,Access list timestamp
            Device,true,2023-05-25T20:36:00.718Z,false,2023-05-25T20:36:00.718Z,"",,,,,,
            Device.DeviceInfo,true,2023-05-25T20:36:00.718Z,false,2023-05-25T20:36:00.718Z,"",,,,,,
            Device.DeviceInfo.ManufacturerOUI,false,2023-05-25T20:36:00.718Z,false,2023-05-25T20:36:00.718Z,"1C61B4",xsd:string,2023-05-25T20:36:00.718Z,,,,
            Device.DeviceInfo.SerialNumber,false,2023-05-25T20:36:00.718Z,false,2023-05-25T20:36:00.718Z,"X9",xsd:string,2023-05-25T20:36:00.718Z,,,,
            Device.WiFi.SSID.1.SSID,false,2023-05-25T20:36:00.718Z,true,2023-05-25T20:36:00.718Z,"home",xsd:string,2023-05-25T20:36:00.718Z,2,2023-05-25T20:36:00.718Z,,
            """;

    @Test
    void reads_the_short_layout_with_its_identity_rows() throws IOException {
        DeviceProfile p = DeviceProfile.fromGenieacsCsv(new StringReader(SHORT), "short");
        assertThat(p.identity()).isEqualTo(new DeviceIdStruct("Acme", "A1B2C3", "Box", "S1"));
        assertThat(p.rootName()).isEqualTo("InternetGatewayDevice");
        assertThat(p.defaultValue("InternetGatewayDevice.ManagementServer.PeriodicInformInterval")).contains("600");
        assertThat(p.isWritable("InternetGatewayDevice.ManagementServer.PeriodicInformInterval")).contains(true);
        // the missing ancestor object is added
        assertThat(p.isWritable("InternetGatewayDevice.ManagementServer.")).contains(false);
        assertThat(p.parameterCount()).isEqualTo(2);
    }

    @Test
    void reads_the_long_layout_and_takes_identity_from_device_info() throws IOException {
        DeviceProfile p = DeviceProfile.fromGenieacsCsv(new StringReader(LONG), "long");
        assertThat(p.identity().oui()).isEqualTo("1C61B4");
        assertThat(p.identity().serialNumber()).isEqualTo("X9");
        assertThat(p.defaultValue("Device.WiFi.SSID.1.SSID")).contains("home");
        assertThat(p.isWritable("Device.WiFi.SSID.")).contains(false);
    }

    @Test
    void a_dump_without_identity_is_refused() {
        String csv = "Parameter,Object,Writable,Value,Value type\nDevice.X,false,false,\"1\",xsd:string\n";
        assertThatThrownBy(() -> DeviceProfile.fromGenieacsCsv(new StringReader(csv), "bare"))
                .isInstanceOf(SimulatorException.class).hasMessageContaining("identity");
    }

    @Test
    void a_malformed_dump_is_a_simulator_exception_with_its_line() {
        String csv = "Parameter,Object,Writable,Value,Value type\nDevice.X,maybe,false,\"1\",xsd:string\n";
        assertThatThrownBy(() -> DeviceProfile.fromGenieacsCsv(new StringReader(csv), "bad"))
                .isInstanceOf(SimulatorException.class).hasMessageContaining("line 2");
    }

    @Test
    void a_profile_from_the_tr181_defaults_runs_against_an_acs_less_simulator() {
        DeviceProfile p = DeviceProfile.fromDataModel(DataModel.tr181(),
                new DeviceIdStruct("Acme", "A1B2C3", "Model", "D1"));
        assertThat(p.defaultValue("Device.DeviceInfo.ManufacturerOUI")).contains("A1B2C3");
        assertThat(p.isWritable("Device.ManagementServer.PeriodicInformInterval")).contains(true);
        assertThat(p.isWritable("Device.WiFi.SSID.")).contains(true); // a table the ACS may add to
        assertThat(p.parameterCount()).isGreaterThan(100);
        try (Simulator sim = Simulator.builder(URI.create("http://127.0.0.1:1/"))
                .scheduler(new ManualScheduler(Instant.EPOCH)).executor(Runnable::run).noConnectionRequests().build()) {
            SimulatedDevice d = sim.add(p, "D2");
            assertThat(d.value("Device.DeviceInfo.SerialNumber")).contains("D2");
            assertThat(d.value("Device.ManagementServer.URL")).contains("http://127.0.0.1:1/");
            assertThat(d.overlaySize()).isLessThan(10);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"huawei-bm632w-tr098.csv", "tplink-ex220-tr181.csv", "tplink-ec220-g5-v3-tr181.csv",
            "zte-h199a-tr098.csv", "mikrotik-rb951ui-2hnd-tr181.reconstructed.csv"})
    void reads_every_shared_device_dump(String file) throws IOException {
        Path dump = Path.of(System.getProperty("cwmp.shared.dir", "../../shared"), "devices", file);
        assumeTrue(Files.isRegularFile(dump), "../shared/devices is absent: the real dumps are not here");
        if (file.startsWith("mikrotik")) {
            // the reconstructed dump has no DeviceID rows but its DeviceInfo names the device
            assertThat(DeviceProfile.fromGenieacsCsv(dump).identity().oui()).isEqualTo("E48D8C");
            return;
        }
        DeviceProfile p = DeviceProfile.fromGenieacsCsv(dump);
        assertThat(p.identity().oui()).isNotEmpty();
        assertThat(p.parameterCount()).isGreaterThan(100);
        assertThat(Stream.of("Device", "InternetGatewayDevice")).contains(p.rootName());
    }

    @Test
    void serial_numbers_are_unique_in_a_simulator() {
        try (Simulator sim = Simulator.builder(URI.create("http://127.0.0.1:1/"))
                .scheduler(new ManualScheduler(Instant.EPOCH)).executor(Runnable::run).noConnectionRequests().build()) {
            sim.add(DeviceProfile.mikrotikRb951Ui2HnD(), "S");
            assertThatThrownBy(() -> sim.add(DeviceProfile.mikrotikRb951Ui2HnD(), "S"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(sim.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), 3, "P")).extracting(SimulatedDevice::serialNumber)
                    .containsExactly("P000001", "P000002", "P000003");
        }
    }
}
