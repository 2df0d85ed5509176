package dev.cwmp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.Simulator;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's test of any ACS with the simulator: here "your ACS" is the standalone ACS on a free
 * loopback port, but the test only knows its URL.
 */
class YourAcsWithTheSimulatorTest {

    private StandaloneAcs yourAcs;
    private URI yourAcsUrl;

    @BeforeEach
    void start_your_acs() {
        yourAcs = StandaloneAcs.start("--cwmp-port", "0", "--cpe-auth", "none");
        yourAcsUrl = URI.create("http://127.0.0.1:" + yourAcs.cwmpPort() + "/");
    }

    @AfterEach
    void stop_your_acs() {
        yourAcs.close();
    }

    @Test
    void your_acs_completes_the_bootstrap_session_of_a_factory_reset_mikrotik() {
        // --- README: your ACS with the simulator ---
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-25T12:00:00Z"));
        List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.builder(yourAcsUrl).scheduler(time).executor(Runnable::run)
                .listener(sessions::add).build()) {
            sim.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), 1, "T").get(0).powerOn();
            time.runDue();                                       // the bootstrap session runs now, here
            assertThat(sessions).singleElement().satisfies(s -> {
                assertThat(s.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
                assertThat(s.inform().map(Inform::event).orElseThrow()).extracting(e -> e.eventCode())
                        .containsExactly("0 BOOTSTRAP", "1 BOOT");
            });
        }
        // --- end ---
    }
}
