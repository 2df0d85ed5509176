package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MikrotikProfileResourceTest {

    @Test
    void committed_resource_is_what_the_generator_makes_of_the_shared_dump() throws IOException {
        Path dump = Path.of(System.getProperty("cwmp.shared.dir", "../../shared"), "devices",
                "mikrotik-rb951ui-2hnd-tr181.reconstructed.csv");
        assumeTrue(Files.isRegularFile(dump), "../shared/devices is absent: cannot compare the resource with its source");
        String committed;
        try (InputStream in = DeviceProfile.class.getResourceAsStream("mikrotik-rb951ui-2hnd.csv")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(committed).isEqualTo(MikrotikProfileGenerator.generate(dump));
    }

    @Test
    void shipped_profile_has_the_routeros_identity_and_vendor_parameters() {
        DeviceProfile p = DeviceProfile.mikrotikRb951Ui2HnD();
        assertThat(p.identity().oui()).isEqualTo("E48D8C");
        assertThat(p.identity().productClass()).isEqualTo("RB951Ui-2HnD");
        assertThat(p.identity().manufacturer()).isEqualTo("MikroTik");
        assertThat(p.firmwareFormat()).isEqualTo(FirmwareFormat.ROUTEROS_PACKAGE_LIST);
        assertThat(p.defaultValue("Device.DeviceInfo.X_MIKROTIK_ArchName")).contains("mipsbe");
        assertThat(p.defaultValue("Device.DeviceInfo.SoftwareVersion")).contains("6.40.5");
        assertThat(p.isWritable("Device.DeviceInfo.X_MIKROTIK_SystemIdentity")).contains(true);
        assertThat(p.isWritable("Device.DeviceInfo.SoftwareVersion")).contains(false);
        assertThat(p.parameterCount()).isGreaterThan(300);
    }
}
