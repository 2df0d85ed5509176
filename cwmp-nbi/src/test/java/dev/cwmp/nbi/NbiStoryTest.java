package dev.cwmp.nbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.files.FileServer;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.http.SocketTransport;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The zero-touch story driven through the NBI only: the presets and the firmware files go in with
 * PUT, a simulated MikroTik reaches PROVISIONED on its own (seen in {@code GET /status} and a device
 * query), an operator resets it with a factoryReset task, and it comes back to PROVISIONED. Time is
 * a manual scheduler: the device's periodic informs are the only trigger.
 */
class NbiStoryTest {

    private static final String SERIAL = "4AC7046131E4";
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL);
    private static final String FIRMWARE = "1 Firmware Upgrade Image";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FileStore files;
    private FileServer fileServer;
    private ProvisioningDriver driver;
    private Acs acs;
    private SocketTransport transport;
    private Simulator simulator;
    private NbiServer nbi;

    @AfterEach
    void stop() {
        if (nbi != null) {
            nbi.close();
            simulator.close();
            transport.close();
            acs.close();
            driver.close();
            fileServer.close();
        }
    }

    private HttpResponse<String> call(String method, String path, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nbi.port() + path))
                .header("Authorization", "Bearer story-token").method(method, body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = call("GET", path, HttpRequest.BodyPublishers.noBody());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void upload(String name, String content, String... headers) throws IOException, InterruptedException {
        HttpResponse<String> response = call("PUT", "/files/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.ofString(content), headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Lets the device's timers run until {@code done} holds after a session, at most {@code limit} sessions. */
    private int runUntil(Check done, int limit) throws Exception {
        int first = sessions.size();
        while (sessions.size() - first < limit) {
            int before = sessions.size();
            scheduler.runDue();
            while (sessions.size() == before) {
                Instant next = scheduler.nextDue().orElseThrow(() -> new AssertionError("the device stopped"));
                scheduler.advance(Duration.between(scheduler.instant(), next));
            }
            if (done.holds()) {
                return sessions.size() - first;
            }
        }
        throw new AssertionError("not done after " + limit + " sessions; status " + get("/status") + "; sessions "
                + sessions.stream().map(r -> r.inform().map(i -> i.event().toString()).orElse("-") + " " + r.outcome()).toList());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private boolean provisioned() throws Exception {
        JsonNode status = get("/status");
        JsonNode tagged = get("/devices/?query=" + URLEncoder.encode("{\"_tags\": \"PROVISIONED\"}",
                StandardCharsets.UTF_8) + "&projection=_tags");
        return status.get("configured").asLong() == 1 && tagged.size() == 1;
    }

    @Test
    void presets_and_files_put_through_the_nbi_provision_a_new_router_and_again_after_a_reset() throws Exception {
        files = FileStore.inMemory(scheduler);
        fileServer = FileServer.start(files, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        PresetStore presets = PresetStore.inMemory(List.of());
        ProvisioningStore store = ProvisioningStore.inMemory();
        driver = ZeroTouch.register(ProvisioningDriver.builder(presets).store(store)).build();
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(driver).clock(scheduler).build();
        transport = SocketTransport.start(acs, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        nbi = NbiServer.builder().acs(acs).presets(presets).provisioning(store).files(files)
                .fileServerUrl(fileServer.baseUrl())
                .authentication(NbiAuthentication.bearerToken(Secret.of("story-token")))
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();

        // The operator's part, NBI only: the story's presets, the firmware package list and packages, the Wi-Fi script.
        for (JsonNode preset : JSON.readTree(ZeroTouch.presetsJson(fileServer.baseUrl()))) {
            String name = preset.get("_id").asText();
            HttpResponse<String> put = call("PUT", "/presets/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    .replace("+", "%20"), HttpRequest.BodyPublishers.ofString(preset.toString()));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        assertThat(get("/presets/")).hasSize(7);
        List<URI> packages = new ArrayList<>();
        for (String npk : ZeroTouch.routerOsPackages(ZeroTouch.TARGET_VERSION, "mipsbe")) {
            upload(npk, "fake package " + npk, "fileType", FIRMWARE, "oui", "E48D8C", "version", ZeroTouch.TARGET_VERSION);
            packages.add(fileServer.urlOf(npk));
        }
        upload(ZeroTouch.UPGRADE_LIST, ZeroTouch.routerOsPackageList(packages), "fileType", FIRMWARE, "oui", "E48D8C",
                "productClass", "RB951Ui-2HnD", "version", ZeroTouch.TARGET_VERSION);
        upload(ZeroTouch.AP_BRIDGE_FILE, ZeroTouch.AP_BRIDGE_SCRIPT, "fileType", "3 Vendor Configuration File");
        assertThat(get("/files/")).hasSize(4);

        // A new router boots: it reaches PROVISIONED by itself.
        simulator = Simulator.builder(URI.create("http://127.0.0.1:" + transport.port() + "/"))
                .scheduler(scheduler).executor(Runnable::run).noConnectionRequests()
                .periodicInform(Duration.ofMinutes(5)).listener(sessions::add).build();
        SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        cpe.powerOn();
        int firstBoot = runUntil(this::provisioned, 12);
        assertThat(firstBoot).as("sessions from first boot to PROVISIONED").isBetween(2, 8);

        JsonNode device = get("/devices/?query=" + URLEncoder.encode("{\"_id\": \"" + ID + "\"}", StandardCharsets.UTF_8)
                + "&projection=Device.DeviceInfo.SoftwareVersion,Device.WiFi.SSID.1.SSID,_tags").get(0);
        assertThat(device.get("Device").get("DeviceInfo").get("SoftwareVersion").get("_value").asText())
                .isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(device.get("Device").get("WiFi").get("SSID").get("1").get("SSID").get("_value").asText())
                .isEqualTo("test_131E4");
        JsonNode status = get("/status");
        assertThat(status.get("configured").asLong()).isEqualTo(1);
        assertThat(status.get("devices")).isEmpty();
        assertThat(get("/faults/")).isEmpty();

        // The operator resets it through the NBI; it comes back to PROVISIONED by itself.
        HttpResponse<String> reset = call("POST", "/devices/" + URLEncoder.encode(ID.toString(), StandardCharsets.UTF_8)
                + "/tasks", HttpRequest.BodyPublishers.ofString("{\"name\": \"factoryReset\"}"));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(202);
        // The reset router informs 0 BOOTSTRAP; the ACS provisions it again from that session on.
        int beforeReset = sessions.size();
        runUntil(() -> sessions.subList(beforeReset, sessions.size()).stream().anyMatch(r -> r.inform()
                .map(i -> i.event().stream().anyMatch(e -> e.eventCode().equals("0 BOOTSTRAP"))).orElse(false)), 3);
        assertThat(get("/tasks/")).isEmpty();
        runUntil(this::provisioned, 12);

        assertThat(cpe.value("Device.WiFi.SSID.1.SSID")).hasValue("test_131E4");
        assertThat(cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(get("/status").get("configured").asLong()).isEqualTo(1);
    }
}
