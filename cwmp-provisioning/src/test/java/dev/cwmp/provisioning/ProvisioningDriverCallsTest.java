package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.CwmpTimes;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.DownloadResponse;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.FaultStruct;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.SessionContext;
import dev.cwmp.session.SessionEnd;
import dev.cwmp.session.TaskOutcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's calls in orders a simulated CPE does not produce: a session cut short, a Download
 * done at once, a TransferComplete without the {@code 7 TRANSFER COMPLETE} event.
 */
class ProvisioningDriverCallsTest {

    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final String URL = "http://127.0.0.1:7567/RouterOS-6.49.xml";

    private ProvisioningDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private static final class Session implements SessionContext {
        private final Inform inform;
        private final Instant now;
        private final ParameterTree tree = new ParameterTree();
        private final Map<String, Object> attributes = new HashMap<>();
        private DeviceRecord record = DeviceRecord.registered(ID, "MikroTik", T0);
        private int requests;

        Session(Instant now, String... events) {
            this.now = now;
            this.inform = new Inform(new DeviceIdStruct("MikroTik", "E48D8C", "RB951Ui-2HnD", "4AC7046131E4"),
                    java.util.Arrays.stream(events).map(EventStruct::of).toList(), 1, now, 0, List.of());
        }

        @Override
        public DeviceId deviceId() {
            return ID;
        }

        @Override
        public String sessionId() {
            return "s-" + now;
        }

        @Override
        public CwmpVersion cwmpVersion() {
            return CwmpVersion.V1_2;
        }

        @Override
        public Inform inform() {
            return inform;
        }

        @Override
        public DeviceRecord device() {
            return record;
        }

        @Override
        public ParameterTree parameters() {
            return tree;
        }

        @Override
        public void updateDevice(UnaryOperator<DeviceRecord> change) {
            record = change.apply(record);
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public int acsRequestCount() {
            return requests;
        }

        @Override
        public Map<String, Object> attributes() {
            return attributes;
        }

        @Override
        public List<TaskOutcome> completedTasks() {
            return List.of();
        }

        Optional<AcsRequest<?>> next(ProvisioningDriver d) {
            Optional<AcsRequest<?>> request = d.nextRequest(this);
            request.ifPresent(r -> requests++);
            return request;
        }
    }

    private ProvisioningDriver firmwareDriver() {
        return ProvisioningDriver.builder(List.of(Preset.builder("firmware").channel("firmware")
                .provision("download", Literal.of("1 Firmware Upgrade Image"), Literal.of(URL)).build())).build();
    }

    @Test
    void a_session_cut_short_leaves_the_device_pending_on_the_presets_not_converged() {
        driver = ProvisioningDriver.builder(List.of(
                Preset.builder("ssid").channel("wifi").setValue("Device.WiFi.SSID.1.SSID", Literal.of("office")).build()))
                .build();
        Session s = new Session(T0, "1 BOOT");
        driver.sessionStarted(s);
        assertThat(s.next(driver)).isPresent(); // GetParameterNames
        driver.sessionEnded(s, SessionEnd.TIMED_OUT);

        ConfigurationStatus status = driver.status(ID).orElseThrow();
        assertThat(status.state()).isEqualTo(ConfigurationStatus.State.PENDING);
        assertThat(status.pendingPresets()).containsExactly("ssid");
        assertThat(status.reason()).hasValue("the session ended before the provisions converged");
        assertThat(status.updated()).isEqualTo(T0);
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_download_done_at_once_leaves_no_pending_transfer() {
        driver = firmwareDriver();
        Session s = new Session(T0, "1 BOOT");
        driver.sessionStarted(s);
        Download download = (Download) s.next(driver).orElseThrow();
        driver.responseReceived(s, download, new DownloadResponse(0, T0, T0));
        assertThat(s.next(driver)).isEmpty();
        driver.sessionEnded(s, SessionEnd.COMPLETED);

        assertThat(driver.store().get(ID).orElseThrow().transfers()).isEmpty();
        assertThat(driver.status(ID).orElseThrow().state()).isEqualTo(ConfigurationStatus.State.CONFIGURED);
    }

    @Test
    void a_transfer_complete_without_the_transfer_complete_event_is_matched_by_command_key() {
        driver = firmwareDriver();
        Session first = new Session(T0, "1 BOOT");
        driver.sessionStarted(first);
        Download download = (Download) first.next(driver).orElseThrow();
        driver.responseReceived(first, download, new DownloadResponse(1, CwmpTimes.UNKNOWN, CwmpTimes.UNKNOWN));
        assertThat(first.next(driver)).isEmpty();
        driver.sessionEnded(first, SessionEnd.COMPLETED);
        assertThat(driver.status(ID).orElseThrow().state()).isEqualTo(ConfigurationStatus.State.PENDING);

        Session later = new Session(T0.plusSeconds(300), "2 PERIODIC");
        driver.sessionStarted(later);
        driver.cpeRequestReceived(later, new TransferComplete("someone-else", FaultStruct.SUCCESS, T0, T0));
        assertThat(driver.store().get(ID).orElseThrow().transfers()).hasSize(1);
        driver.cpeRequestReceived(later, new TransferComplete(download.commandKey(), new FaultStruct(9012,
                "File transfer server authentication failure"), T0, T0.plusSeconds(5)));
        assertThat(later.next(driver)).as("the channel now waits").isEmpty();
        driver.sessionEnded(later, SessionEnd.COMPLETED);

        assertThat(driver.store().get(ID).orElseThrow().transfers()).isEmpty();
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("download.9012");
            assertThat(f.channel()).isEqualTo("firmware");
            assertThat(f.message()).contains("authentication failure");
        });
        assertThat(driver.status(ID).orElseThrow().state()).isEqualTo(ConfigurationStatus.State.FAULTED);
    }
}
