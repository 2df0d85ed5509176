package dev.cwmp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.DigestOptions;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Servlet example: a simulated MikroTik runs its bootstrap session through Jetty and CwmpServlet. */
class JettyAcsTest {

    @Test
    void a_simulated_router_bootstraps_through_jetty_and_is_tagged_by_the_zero_touch_presets() throws Exception {
        CpeCredentials credentials = CpeCredentials.single(CpeCredential.of("cpe", Secret.of("pw")));
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
        try (JettyAcs server = JettyAcs.start("127.0.0.1", 0,
                    CpeAuthenticator.basicOrDigest(credentials, DigestOptions.defaults()));
                Simulator simulator = Simulator.builder(server.url()).scheduler(time).executor(Runnable::run)
                        .noConnectionRequests().acsCredentials("cpe", "pw").build()) {
            SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), "4AC7046131E4");
            cpe.powerOn();
            time.runDue();

            assertThat(cpe.hasBootstrapped()).isTrue();
            DeviceRecord record = server.acs().devices().record(new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4"))
                    .orElseThrow();
            // The first session tags the new router PENDING; the presets may move it on to UPGRADING at once.
            assertThat(record.tags()).containsAnyOf("PENDING", "UPGRADING");
        }
    }
}
