package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's "done when": the whole zero-touch story driven through the NBI only, against the
 * server in process on loopback, on the simulator's manual time (no sleeping), then a restart on
 * the same data directory.
 */
class ZeroTouchOverNbiTest {

    private static final String TOKEN = "n6i-t0ken";
    private static final String SERIAL = "4AC7046131E4";
    private static final String DEVICE = "E48D8C-RB951Ui%2D2HnD-" + SERIAL;
    private static final String FIRMWARE = "1 Firmware Upgrade Image";
    private static final int MAX_STEPS = 80;

    @TempDir
    Path dir;

    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<AutoCloseable> open = new ArrayList<>();
    private URI nbi;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private AcsServer start(boolean zeroTouch) {
        AcsServer server = AcsServer.start(ServerConfig.builder(new CpeAuth.Shared("cpe", Secret.of("cpe-pw")))
                .nbiToken(Secret.of(TOKEN)).cwmpPort(0).nbiPort(0).fsPort(0).dataDir(dir.resolve("acs-data"))
                .zeroTouch(zeroTouch).clock(clock).build());
        open.add(server);
        nbi = server.nbiUrl();
        return server;
    }

    @Test
    void a_router_provisions_itself_is_reset_by_a_task_provisions_itself_again_and_the_state_survives_a_restart()
            throws Exception {
        AcsServer server = start(false);
        assertThat(get("presets")).isEmpty();

        // The operator creates the presets and uploads the files, over the NBI only.
        List<Preset> presets = ZeroTouch.presets(server.fileServerUrl());
        for (Preset preset : presets) {
            assertThat(send("PUT", "presets/" + encode(preset.name()), PresetJson.write(preset), Map.of()).statusCode())
                    .isEqualTo(200);
        }
        List<URI> packages = new ArrayList<>();
        for (String npk : ZeroTouch.routerOsPackages(ZeroTouch.TARGET_VERSION, "mipsbe")) {
            putFile(npk, "fake package " + npk, FIRMWARE);
            packages.add(server.fileServerUrl().resolve(npk));
        }
        putFile(ZeroTouch.UPGRADE_LIST, ZeroTouch.routerOsPackageList(packages), FIRMWARE);
        putFile(ZeroTouch.AP_BRIDGE_FILE, ZeroTouch.AP_BRIDGE_SCRIPT, "3 Vendor Configuration File");
        assertThat(get("presets")).hasSize(presets.size());
        assertThat(get("files")).hasSize(4);

        // A new router out of its box.
        Simulator simulator = Simulator.builder(server.cwmpUrl()).scheduler(clock).executor(Runnable::run)
                .noConnectionRequests().periodicInform(Duration.ofMinutes(5)).acsCredentials("cpe", "cpe-pw").build();
        open.add(simulator);
        SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");
        cpe.powerOn();

        // (A step of the clock may run several sessions back to back: the tags between them are not all seen.)
        runUntil(d -> tags(d).contains("PROVISIONED"), "PROVISIONED");
        assertThat(cpe.boots()).as("booted again after the upgrade").isGreaterThan(1);
        assertThat(cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(cpe.lastScript()).hasValue(ZeroTouch.AP_BRIDGE_SCRIPT);

        // Query it: its firmware as the ACS read it, its configuration status.
        JsonNode doc = device("Device.DeviceInfo.SoftwareVersion,_tags,_deviceId");
        assertThat(doc.at("/Device/DeviceInfo/SoftwareVersion/_value").asText()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(doc.at("/_deviceId/_SerialNumber").asText()).isEqualTo(SERIAL);
        JsonNode status = getObject("status");
        assertThat(status.path("configured").asLong()).isEqualTo(1);
        assertThat(status.path("faulted").asLong()).isZero();

        // The operator resets it with a task; it comes back blank and provisions itself again.
        int boots = cpe.boots();
        String bootstrap = device("_lastBootstrap").path("_lastBootstrap").asText();
        assertThat(bootstrap).isNotEmpty();
        HttpResponse<String> queued = send("POST", "devices/" + encode(DEVICE) + "/tasks", "{\"name\":\"factoryReset\"}",
                Map.of());
        assertThat(queued.statusCode()).isEqualTo(202);
        runUntil(d -> !d.path("_lastBootstrap").asText().equals(bootstrap) && tags(d).contains("PROVISIONED"),
                "a new bootstrap, then PROVISIONED again");
        assertThat(cpe.boots()).isGreaterThan(boots);
        assertThat(cpe.hasBootstrapped()).isTrue();
        assertThat(get("tasks")).isEmpty();

        // A restart on the same data directory keeps the device, its tags, the presets, the files, the status.
        String lastInform = device("_lastInform").path("_lastInform").asText();
        simulator.close();
        open.remove(simulator);
        server.close();
        open.remove(server);
        start(false);
        JsonNode after = device("Device.DeviceInfo.SoftwareVersion,_tags,_lastInform");
        assertThat(tags(after)).contains("PROVISIONED");
        assertThat(after.path("_lastInform").asText()).isEqualTo(lastInform);
        assertThat(after.at("/Device/DeviceInfo/SoftwareVersion/_value").asText()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(get("presets")).hasSize(presets.size());
        assertThat(get("files")).hasSize(4);
        assertThat(getObject("status").path("configured").asLong()).isEqualTo(1);
    }

    @Test
    void loads_the_zero_touch_presets_at_the_first_start_only_so_a_deleted_one_stays_deleted() throws Exception {
        start(true);
        List<JsonNode> presets = get("presets");
        assertThat(presets).hasSize(ZeroTouch.presets().size());
        String first = presets.get(0).path("_id").asText();
        assertThat(send("DELETE", "presets/" + encode(first), "", Map.of()).statusCode()).isEqualTo(200);
        close();
        open.clear();

        start(true);
        assertThat(get("presets")).hasSize(ZeroTouch.presets().size() - 1)
                .noneMatch(p -> p.path("_id").asText().equals(first));
    }

    @Test
    void the_nbi_refuses_a_request_without_the_token() throws Exception {
        start(false);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(nbi.resolve("devices")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** Steps the manual clock, timer by timer, until the device (read over the NBI) satisfies {@code done}. */
    private void runUntil(Predicate<JsonNode> done, String what) throws Exception {
        List<Set<String>> seen = new ArrayList<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            JsonNode doc = deviceOrEmpty();
            Set<String> tags = tags(doc);
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(tags)) {
                seen.add(tags);
            }
            if (done.test(doc)) {
                return;
            }
            if (clock.runDue() == 0) {
                Instant next = clock.nextDue().orElseThrow(() -> new AssertionError("nothing left to run; tags " + seen));
                clock.advance(Duration.between(clock.instant(), next));
            }
        }
        fail(what + " not reached in " + MAX_STEPS + " steps; tags seen " + seen);
    }

    private JsonNode deviceOrEmpty() throws Exception {
        List<JsonNode> found = get("devices?query=" + encode("{\"_id\":\"" + DEVICE + "\"}") + "&projection=_tags,_lastBootstrap");
        return found.isEmpty() ? json.createObjectNode() : found.get(0);
    }

    private JsonNode device(String projection) throws Exception {
        List<JsonNode> found = get("devices?query=" + encode("{\"_id\":\"" + DEVICE + "\"}") + "&projection="
                + encode(projection));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Set<String> tags(JsonNode device) {
        Set<String> tags = new HashSet<>();
        device.path("_tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    private void putFile(String name, String content, String fileType) throws Exception {
        HttpResponse<String> put = send("PUT", "files/" + encode(name), content, Map.of("fileType", fileType,
                "oui", "E48D8C", "productClass", "RB951Ui-2HnD", "version", ZeroTouch.TARGET_VERSION));
        assertThat(put.statusCode()).as("PUT /files/%s: %s", name, put.body()).isBetween(200, 201);
    }

    private List<JsonNode> get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, "", Map.of());
        assertThat(response.statusCode()).as("GET /%s: %s", path, response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json.readTree(response.body()).forEach(items::add);
        return items;
    }

    private JsonNode getObject(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, "", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(nbi.resolve(path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
