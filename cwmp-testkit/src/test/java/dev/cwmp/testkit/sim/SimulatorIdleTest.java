package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.Acs;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Simulator#busy()} and {@link Simulator#awaitIdle}: knowing when a step's sessions have ended. */
class SimulatorIdleTest {

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T12:00:00Z"));
    private final ConcurrentLinkedQueue<SessionRecord> records = new ConcurrentLinkedQueue<>();
    private final Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).clock(scheduler).build();
    private final JdkHttpTransport http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));

    @AfterEach
    void close() {
        http.close();
    }

    private Simulator.Builder simulator() {
        return Simulator.builder(URI.create("http://127.0.0.1:" + http.port() + "/")).scheduler(scheduler)
                .noConnectionRequests().listener(records::add);
    }

    @Test
    void a_session_counts_as_busy_from_its_hand_over_to_the_executor_until_the_listener_heard_of_it()
            throws Exception {
        List<Runnable> held = new ArrayList<>();
        try (Simulator sim = simulator().executor(held::add).build()) {
            SimulatedDevice cpe = sim.add(DeviceProfile.mikrotikRb951Ui2HnD(), "IDLE01");
            assertThat(sim.busy()).isZero();
            assertThat(sim.awaitIdle(Duration.ZERO)).isTrue();

            cpe.powerOn();
            assertThat(sim.busy()).as("a timer that has not fired is not busy").isZero();
            scheduler.runDue();
            assertThat(held).hasSize(1);
            assertThat(sim.busy()).isEqualTo(1);
            assertThat(sim.awaitIdle(Duration.ofMillis(20))).as("idle while the session waits to run").isFalse();

            held.get(0).run();
            assertThat(sim.busy()).isZero();
            assertThat(sim.awaitIdle(Duration.ZERO)).isTrue();
            assertThat(records).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED));
        }
    }

    @Test
    void awaiting_idle_after_a_step_sees_every_session_the_step_started_ended() throws Exception {
        int devices = 60;
        try (Simulator sim = simulator().threads(4).periodicInform(Duration.ofSeconds(10)).build()) {
            List<SimulatedDevice> cpes = sim.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), devices, "IDLE");
            cpes.forEach(SimulatedDevice::powerOn);
            scheduler.runDue();
            assertThat(sim.awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(records).hasSize(devices).allMatch(r -> r.hasEvent("1 BOOT"));

            scheduler.advance(Duration.ofSeconds(10));
            assertThat(sim.awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(records).hasSize(2 * devices);
            assertThat(records).filteredOn(r -> r.hasEvent("2 PERIODIC")).hasSize(devices)
                    .allMatch(r -> r.outcome() == SessionRecord.Outcome.COMPLETED);
            assertThat(sim.busy()).isZero();
        }
    }

    @Test
    void closing_drops_the_sessions_still_queued_on_the_simulators_own_threads() throws Exception {
        Simulator sim = simulator().threads(1).build();
        sim.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), 30, "IDLEC").forEach(SimulatedDevice::powerOn);
        scheduler.runDue();
        sim.close();
        assertThat(sim.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(sim.busy()).isZero();
    }
}
