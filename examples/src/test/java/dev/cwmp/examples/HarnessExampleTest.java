package dev.cwmp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.testkit.harness.AcsHarness;
import dev.cwmp.testkit.sim.DeviceProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's AcsHarness example: a session driver tested against a simulated router on loopback. */
class HarnessExampleTest {

    @Test
    void a_preset_configures_a_simulated_router_once_and_then_leaves_it_alone() {
        // --- README: harness ---
        ProvisioningDriver driver = ProvisioningDriver.builder(PresetJson.readList("""
                [{"_id": "inform", "precondition": "", "configurations": [
                  {"type": "value", "name": "Device.ManagementServer.PeriodicInformInterval", "value": "300"},
                  {"type": "add_tag", "tag": "CONFIGURED"}]}]""")).build();
        try (AcsHarness lab = AcsHarness.builder().sessionDriver(driver)   // closed with the harness
                .device(DeviceProfile.mikrotikRb951Ui2HnD(), "4AC7046131E4")
                .start()) {                                                // 0 BOOTSTRAP, 1 BOOT
            assertThat(lab.lastSession().acsMethodNames()).contains("SetParameterValues");
            assertThat(lab.informNow().acsRequests()).isEmpty();           // converged
            assertThat(lab.record().tags()).contains("CONFIGURED");
            assertThat(lab.advance(Duration.ofMinutes(10))).hasSize(2);    // periodic informs every 300 s
        }
        // --- end ---
    }
}
