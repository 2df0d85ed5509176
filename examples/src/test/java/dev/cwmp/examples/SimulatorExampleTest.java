package dev.cwmp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.testkit.junit.CwmpTest;
import dev.cwmp.testkit.junit.Device;
import dev.cwmp.testkit.junit.TestAcs;
import dev.cwmp.testkit.sim.SimulatedDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's ten-line test: the simulated MikroTik against an in-process ACS, one task and its outcome. */
@CwmpTest
class SimulatorExampleTest {

    @Test
    void reads_the_routeros_version_of_a_simulated_mikrotik(TestAcs acs, @Device("4AC7046131E4") SimulatedDevice cpe) {
        TaskHandle task = acs.submit(cpe, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion")));
        cpe.powerOn(); // informs 0 BOOTSTRAP, 1 BOOT; the ACS runs the queued task in that session

        TaskOutcome.Done done = acs.awaitDone(task);

        GetParameterValuesResponse values = (GetParameterValuesResponse) done.responses().get(0);
        assertThat(values.value("Device.DeviceInfo.SoftwareVersion")).contains("6.40.5");
    }
}
