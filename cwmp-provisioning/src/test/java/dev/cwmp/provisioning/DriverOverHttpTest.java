package dev.cwmp.provisioning;

import dev.cwmp.session.DeviceId;
import dev.cwmp.testkit.harness.AcsHarness;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SimulatedDevice;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AutoClose;

/**
 * What the tests of the provision engine over real HTTP share: a {@link ProvisioningDriver} behind
 * our ACS on loopback ({@link AcsHarness}, on a manual clock from {@link AcsHarness#DEFAULT_START})
 * with the simulated MikroTik RB951Ui-2HnD {@value #SERIAL}, closed (driver included) after each test.
 */
abstract class DriverOverHttpTest {

    static final String SERIAL = "4AC7046131E4";
    static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL);
    static final String SSID = "Device.WiFi.SSID.1.SSID";

    @AutoClose
    AcsHarness lab;
    ProvisioningDriver driver;
    /** The first device: the MikroTik {@value #SERIAL} unless the test chose others. */
    SimulatedDevice cpe;

    /** Builds the driver and starts the ACS; the MikroTik powers on and its bootstrap session runs. */
    void start(ProvisioningDriver.Builder builder) {
        start(builder, harness -> harness.device(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL));
    }

    /** Builds the driver and starts the ACS with the devices and settings {@code harness} adds. */
    void start(ProvisioningDriver.Builder builder, UnaryOperator<AcsHarness.Builder> harness) {
        driver = builder.build();
        lab = harness.apply(AcsHarness.builder().sessionDriver(driver)).start();
        cpe = lab.device();
    }
}
