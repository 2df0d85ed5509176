package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.session.Acs;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A device reset by someone at the device (the reset button), not by the ACS. */
class SimulatedDeviceResetTest {

    private static final String IDENTITY = "Device.DeviceInfo.X_MIKROTIK_SystemIdentity";

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
    private Acs acs;
    private JdkHttpTransport http;
    private Simulator simulator;
    private SimulatedDevice cpe;

    @BeforeEach
    void start() {
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).clock(scheduler).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        simulator = Simulator.builder(URI.create("http://127.0.0.1:" + http.port() + "/"))
                .scheduler(scheduler).executor(Runnable::run).listener(sessions::add).noConnectionRequests().build();
        cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), "4AC7046131E4");
    }

    @AfterEach
    void stop() {
        simulator.close();
        http.close();
        acs.close();
    }

    @Test
    void the_reset_button_forgets_changes_and_bootstraps_again_in_a_session_of_its_own() {
        cpe.powerOn();
        scheduler.runDue();
        assertThat(cpe.hasBootstrapped()).isTrue();
        cpe.changeLocally(IDENTITY, "edge-1");
        scheduler.runDue();
        assertThat(cpe.value(IDENTITY)).contains("edge-1");
        int before = sessions.size();
        int boots = cpe.boots();

        cpe.factoryReset();
        scheduler.runDue();

        assertThat(sessions).hasSize(before + 1);
        SessionRecord after = sessions.get(sessions.size() - 1);
        assertThat(after.hasEvent(EventStruct.BOOTSTRAP)).isTrue();
        assertThat(after.hasEvent(EventStruct.BOOT)).isTrue();
        assertThat(after.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(cpe.value(IDENTITY)).contains("MikroTik");
        assertThat(cpe.value("Device.DeviceInfo.SerialNumber")).contains("4AC7046131E4");
        assertThat(cpe.value("Device.ManagementServer.URL")).contains("http://127.0.0.1:" + http.port() + "/");
        assertThat(cpe.boots()).isEqualTo(boots + 1);
        assertThat(cpe.hasBootstrapped()).isTrue();
    }

    @Test
    void a_device_reset_before_it_was_powered_on_comes_up_bootstrapping() {
        cpe.factoryReset();
        scheduler.runDue();
        assertThat(sessions).singleElement().satisfies(s -> assertThat(s.hasEvent(EventStruct.BOOTSTRAP)).isTrue());
        cpe.powerOn();
        scheduler.runDue();
        assertThat(sessions).hasSize(1);
    }
}
