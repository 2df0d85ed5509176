package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's "done when": the standalone server, in process on loopback, takes the story's
 * {@code upgrade} and {@code wifi} provisions as GenieACS scripts put over the NBI, and a simulated
 * MikroTik provisions itself with them exactly as with the server's Java provisions, on the
 * simulator's manual time (no sleeping). Scripts that do not compile are refused when stored; a
 * runaway one becomes a fault, not a stuck session.
 */
class ScriptedStoryOverNbiTest {

    private static final String TOKEN = "scr1pt-t0ken";
    private static final String SERIAL = "4AC7046131E4";
    private static final String DEVICE = "E48D8C-RB951Ui%2D2HnD-" + SERIAL;
    private static final String FIRMWARE = "1 Firmware Upgrade Image";
    private static final String SSID = "Device.WiFi.SSID.1.SSID";
    private static final String ACCESS_POINT_ENABLE = "Device.WiFi.AccessPoint.1.Enable";
    private static final int MAX_STEPS = 80;

    /** The story's {@code upgrade(minimumVersion, url)} as a GenieACS user writes it. */
    static final String UPGRADE_SCRIPT = """
            // upgrade(minimumVersion): RouterOS firmware when the router runs an older one, from the
            // package list of that version on the file server (a FileName, as GenieACS names files).
            const now = Date.now();
            const version = declare("Device.DeviceInfo.SoftwareVersion", {value: now}).value[0];

            function compareVersions(a, b) {
              const x = a.split(/\\D+/), y = b.split(/\\D+/);
              for (let i = 0; i < Math.max(x.length, y.length); i++) {
                const d = (parseInt(x[i], 10) || 0) - (parseInt(y[i], 10) || 0);
                if (d !== 0) return d;
              }
              return 0;
            }

            if (compareVersions(version, args[0]) < 0) {
              log("upgrading from " + version + " to " + args[0]);
              declare("Downloads.[FileType:1 Firmware Upgrade Image]", {path: 1}, {path: 1});
              declare("Downloads.[FileType:1 Firmware Upgrade Image].FileName", {value: 1},
                      {value: "routeros-" + args[0] + "-upgrade.xml"});
              declare("Downloads.[FileType:1 Firmware Upgrade Image].Download", {value: 1}, {value: now});
            } else {
              // No TransferComplete will come: move the story on here.
              declare("Tags.UPGRADING", null, {value: false});
              declare("Tags.UPGRADED", null, {value: true});
            }
            """;

    /** The story's {@code wifi(ssidPrefix, apBridgeScriptUrl)} as a GenieACS user writes it. */
    static final String WIFI_SCRIPT = """
            // wifi(ssidPrefix, apBridgeScriptUrl): SSID = prefix + last five hex digits of the MAC, AP on.
            const mac = declare("Device.Ethernet.Interface.1.MACAddress", {value: 1}).value[0];
            const hex = mac.replace(/[^0-9A-Fa-f]/g, "").toUpperCase();
            declare("Device.WiFi.SSID.1.SSID", null, {value: args[0] + hex.slice(-5)});
            declare("Device.WiFi.AccessPoint.1.Enable", null, {value: true});

            if (args[1]) {
              // RouterOS runs a downloaded configuration file whose name ends with .alter as a script.
              const target = args[1].split("?")[0].split("/").pop();
              declare("Downloads.[FileType:3 Vendor Configuration File]", {path: 1}, {path: 1});
              declare("Downloads.[FileType:3 Vendor Configuration File].URL", {value: 1}, {value: args[1]});
              declare("Downloads.[FileType:3 Vendor Configuration File].TargetFileName", {value: 1}, {value: target});
              declare("Downloads.[FileType:3 Vendor Configuration File].Download", {value: 1}, {value: Date.now()});
            }
            """;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A server with its own data directory and manual clock, and one simulated MikroTik (not yet on). */
    private final class Running {
        final ManualScheduler clock;
        final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
        final AcsServer server;
        final URI nbi;
        final Simulator simulator;
        final SimulatedDevice cpe;

        Running(String name) {
            this(name, Instant.parse("2026-11-25T10:00:00Z"), 0);
        }

        Running(String name, Instant start, int fsPort) {
            clock = new ManualScheduler(start);
            server = AcsServer.start(ServerConfig.builder(new CpeAuth.Shared("cpe", Secret.of("cpe-pw")))
                    .nbiToken(Secret.of(TOKEN)).cwmpPort(0).nbiPort(0).fsPort(fsPort).dataDir(dir.resolve(name))
                    .zeroTouch(false).clock(clock).build());
            open.add(server);
            nbi = server.nbiUrl();
            simulator = Simulator.builder(server.cwmpUrl()).scheduler(clock).executor(Runnable::run)
                    .noConnectionRequests().periodicInform(Duration.ofMinutes(5)).acsCredentials("cpe", "cpe-pw")
                    .listener(sessions::add).build();
            open.add(simulator);
            cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        }

        /** The story's presets over the NBI, their two provisions renamed, and its files. */
        void story(String upgrade, String wifi) throws Exception {
            assertThat(get(this, "presets")).isEmpty();
            int count = presets(upgrade, wifi);
            List<URI> packages = new ArrayList<>();
            for (String npk : ZeroTouch.routerOsPackages(ZeroTouch.TARGET_VERSION, "mipsbe")) {
                putFile(npk, "fake package " + npk, FIRMWARE);
                packages.add(server.fileServerUrl().resolve(npk));
            }
            putFile(ZeroTouch.UPGRADE_LIST, ZeroTouch.routerOsPackageList(packages), FIRMWARE);
            putFile(ZeroTouch.AP_BRIDGE_FILE, ZeroTouch.AP_BRIDGE_SCRIPT, "3 Vendor Configuration File");
            assertThat(get(this, "presets")).hasSize(count);
            assertThat(get(this, "files")).hasSize(4);
        }

        /** Puts the story's presets, their two provisions renamed and URLs on this file server; their count. */
        int presets(String upgrade, String wifi) throws Exception {
            String presets = ZeroTouch.presetsJson(server.fileServerUrl())
                    .replace("\"name\":\"" + ZeroTouch.UPGRADE + "\"", "\"name\":\"" + upgrade + "\"")
                    .replace("\"name\":\"" + ZeroTouch.WIFI + "\"", "\"name\":\"" + wifi + "\"");
            assertThat(presets.split("\"name\":\"" + upgrade + "\"", -1)).as("presets naming %s", upgrade)
                    .hasSize(2);
            assertThat(presets.split("\"name\":\"" + wifi + "\"", -1)).as("presets naming %s", wifi)
                    .hasSize(2);
            List<Preset> list = PresetJson.readList(presets);
            for (Preset preset : list) {
                putPreset(this, preset);
            }
            return list.size();
        }

        private void putFile(String name, String content, String fileType) throws Exception {
            HttpResponse<String> put = send(this, "PUT", "files/" + encode(name), content, Map.of("fileType",
                    fileType, "oui", "E48D8C", "productClass", "RB951Ui-2HnD", "version", ZeroTouch.TARGET_VERSION));
            assertThat(put.statusCode()).as("PUT /files/%s: %s", name, put.body()).isBetween(200, 201);
        }

        /** Powers the router on (out of its box) and steps the clock until it is PROVISIONED. */
        void provision() throws Exception {
            assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");
            List<JsonNode> known = get(this, "devices?query=" + encode("{\"_id\":\"" + DEVICE + "\"}")
                    + "&projection=_lastBootstrap");
            String bootstrap = known.isEmpty() ? "" : known.get(0).path("_lastBootstrap").asText();
            cpe.powerOn();
            runUntil(d -> !d.path("_lastBootstrap").asText().equals(bootstrap) && tags(d).contains("PROVISIONED"),
                    "a bootstrap, then PROVISIONED");
        }

        /** Stops the simulator and the server, keeping the data directory. */
        void stop() throws Exception {
            simulator.close();
            open.remove(simulator);
            server.close();
            open.remove(server);
        }

        /** A factory reset as an NBI task, then steps the clock until a new bootstrap is PROVISIONED. */
        void factoryReset() throws Exception {
            String bootstrap = device(this, "_lastBootstrap").path("_lastBootstrap").asText();
            assertThat(bootstrap).isNotEmpty();
            HttpResponse<String> queued = send(this, "POST", "devices/" + encode(DEVICE) + "/tasks",
                    "{\"name\":\"factoryReset\"}", Map.of());
            assertThat(queued.statusCode()).isEqualTo(202);
            runUntil(d -> !d.path("_lastBootstrap").asText().equals(bootstrap) && tags(d).contains("PROVISIONED"),
                    "a new bootstrap, then PROVISIONED again");
            assertThat(cpe.hasBootstrapped()).isTrue();
        }

        /** Steps the manual clock, timer by timer, until the device (read over the NBI) satisfies {@code done}. */
        void runUntil(Predicate<JsonNode> done, String what) throws Exception {
            List<Set<String>> seen = new ArrayList<>();
            for (int step = 0; step < MAX_STEPS; step++) {
                List<JsonNode> found = get(this, "devices?query=" + encode("{\"_id\":\"" + DEVICE + "\"}")
                        + "&projection=_tags,_lastBootstrap");
                JsonNode doc = found.isEmpty() ? json.createObjectNode() : found.get(0);
                Set<String> tags = tags(doc);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(tags)) {
                    seen.add(tags);
                }
                if (done.test(doc)) {
                    return;
                }
                if (clock.runDue() == 0) {
                    Instant next = clock.nextDue()
                            .orElseThrow(() -> new AssertionError("nothing left to run; tags " + seen));
                    clock.advance(Duration.between(clock.instant(), next));
                }
            }
            fail(what + " not reached in " + MAX_STEPS + " steps; tags seen " + seen + "; faults "
                    + get(this, "faults/"));
        }

        /** The ACS's requests of each session so far, by method name. */
        List<List<String>> requests() {
            return sessions.stream().map(s -> s.acsRequests().stream().map(AcsMessage::methodName).toList())
                    .toList();
        }

        List<Download> downloads() {
            return sessions.stream().flatMap(s -> s.acsRequests().stream()).filter(Download.class::isInstance)
                    .map(Download.class::cast).toList();
        }
    }

    @Test
    void the_story_runs_with_genieacs_scripts_put_over_the_nbi_then_again_after_a_factory_reset_task()
            throws Exception {
        Running acs = new Running("scripted");
        assertThat(send(acs, "PUT", "provisions/js-upgrade", UPGRADE_SCRIPT, Map.of()).statusCode()).isEqualTo(200);
        assertThat(send(acs, "PUT", "provisions/js-wifi", WIFI_SCRIPT, Map.of()).statusCode()).isEqualTo(200);
        assertThat(get(acs, "provisions")).extracting(p -> p.path("_id").asText())
                .containsExactly("js-upgrade", "js-wifi");
        acs.story("js-upgrade", "js-wifi");

        acs.provision();
        assertThat(acs.cpe.boots()).as("booted again after the upgrade").isGreaterThan(1);
        assertThat(acs.cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(acs.cpe.value(SSID)).hasValue("test_131E4");
        assertThat(acs.cpe.value(ACCESS_POINT_ENABLE)).hasValueSatisfying(v -> assertThat(v).isIn("true", "1"));
        assertThat(acs.cpe.lastScript()).hasValue(ZeroTouch.AP_BRIDGE_SCRIPT);
        assertThat(acs.downloads()).extracting(Download::fileType, Download::url, Download::targetFileName)
                .containsExactly(
                        tuple(FIRMWARE,
                                acs.server.fileServerUrl().resolve(ZeroTouch.UPGRADE_LIST).toString(), ""),
                        tuple("3 Vendor Configuration File",
                                acs.server.fileServerUrl().resolve(ZeroTouch.AP_BRIDGE_FILE).toString(),
                                ZeroTouch.AP_BRIDGE_FILE));
        assertThat(acs.sessions).allSatisfy(s -> assertThat(s.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED));

        // What the ACS read and holds, over the NBI.
        JsonNode doc = device(acs, "Device.DeviceInfo.SoftwareVersion," + SSID + ",_tags");
        assertThat(doc.at("/Device/DeviceInfo/SoftwareVersion/_value").asText()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(doc.at("/Device/WiFi/SSID/1/SSID/_value").asText()).isEqualTo("test_131E4");
        assertThat(tags(doc)).contains("PROVISIONED").doesNotContain("PENDING", "UPGRADING", "UPGRADED", "INIT",
                "WIFI", "OTHER");
        JsonNode status = getObject(acs, "status");
        assertThat(status.path("configured").asLong()).isEqualTo(1);
        assertThat(status.path("faulted").asLong()).isZero();
        assertThat(get(acs, "faults/")).isEmpty();
        int storySessions = acs.sessions.size();

        // Reset by a task: the router keeps its firmware, so the upgrade script moves the tags on itself.
        int boots = acs.cpe.boots();
        acs.factoryReset();
        assertThat(acs.cpe.boots()).isGreaterThan(boots);
        assertThat(acs.cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(acs.cpe.value(SSID)).hasValue("test_131E4");
        assertThat(acs.downloads()).as("no firmware download the second time").hasSize(3)
                .extracting(Download::fileType).containsOnlyOnce(FIRMWARE);
        assertThat(get(acs, "tasks")).isEmpty();
        assertThat(get(acs, "faults/")).isEmpty();
        assertThat(getObject(acs, "status").path("configured").asLong()).isEqualTo(1);
        assertThat(storySessions).as("sessions to PROVISIONED").isPositive();

        // A restart on the same data directory: the scripts are read back from it, and a router of the
        // same serial out of its box (old firmware again) goes through the whole story with them. (The
        // file server keeps its port: the presets and the package list name it.)
        int fsPort = acs.server.fileServerUrl().getPort();
        acs.stop();
        Running again = new Running("scripted", acs.clock.instant().plus(Duration.ofHours(1)), fsPort);
        assertThat(get(again, "provisions")).extracting(p -> p.path("_id").asText())
                .containsExactly("js-upgrade", "js-wifi");
        assertThat(send(again, "GET", "provisions/js-wifi", "", Map.of()).body()).isEqualTo(WIFI_SCRIPT);
        assertThat(get(again, "files")).hasSize(4);
        assertThat(get(again, "presets")).hasSize(ZeroTouch.presets().size());
        again.provision();
        assertThat(again.cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(again.cpe.value(SSID)).hasValue("test_131E4");
        assertThat(again.downloads()).extracting(Download::fileType)
                .containsExactly(FIRMWARE, "3 Vendor Configuration File");
        assertThat(again.sessions).hasSize(storySessions);
        assertThat(get(again, "faults/")).isEmpty();
    }

    @Test
    void the_scripted_story_takes_the_same_sessions_and_requests_as_the_java_provisions() throws Exception {
        Running java = new Running("java");
        java.story(ZeroTouch.UPGRADE, ZeroTouch.WIFI);
        Running scripted = new Running("scripted");
        assertThat(send(scripted, "PUT", "provisions/js-upgrade", UPGRADE_SCRIPT, Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(send(scripted, "PUT", "provisions/js-wifi", WIFI_SCRIPT, Map.of()).statusCode()).isEqualTo(200);
        scripted.story("js-upgrade", "js-wifi");

        java.provision();
        scripted.provision();
        assertThat(scripted.requests()).as("each session's requests, to PROVISIONED").isEqualTo(java.requests());
        assertThat(scripted.cpe.value(SSID)).isEqualTo(java.cpe.value(SSID)).hasValue("test_131E4");
        assertThat(scripted.cpe.softwareVersion()).isEqualTo(java.cpe.softwareVersion());

        java.factoryReset();
        scripted.factoryReset();
        assertThat(scripted.requests()).as("each session's requests, after the reset too").isEqualTo(java.requests());
        assertThat(scripted.cpe.boots()).isEqualTo(java.cpe.boots());
    }

    @Test
    void a_script_put_under_the_name_of_a_java_provision_is_the_one_a_preset_runs() throws Exception {
        Running acs = new Running("override");
        assertThat(send(acs, "PUT", "provisions/" + ZeroTouch.UPGRADE, """
                declare("Tags.SCRIPTED_" + args[0].replace(/\\./g, "_"), null, {value: true});
                """, Map.of()).statusCode()).isEqualTo(200);
        putPreset(acs, Preset.builder("lab upgrade").channel("lab")
                .provision(ZeroTouch.UPGRADE, Literal.of(ZeroTouch.TARGET_VERSION),
                        Literal.of(acs.server.fileServerUrl().resolve(ZeroTouch.UPGRADE_LIST).toString()))
                .build());

        acs.cpe.powerOn();
        acs.runUntil(d -> tags(d).contains("SCRIPTED_6_49_7"), "the stored script's tag");
        assertThat(acs.downloads()).as("the Java upgrade provision would have asked for the firmware").isEmpty();
        assertThat(acs.cpe.softwareVersion()).isEqualTo("6.40.5");
        assertThat(get(acs, "faults/")).isEmpty();

        // Deleted, the name falls back to the Java provision: the router is asked to download its firmware.
        assertThat(send(acs, "DELETE", "provisions/" + ZeroTouch.UPGRADE, "", Map.of()).statusCode())
                .isBetween(200, 204);
        acs.cpe.informNow();
        acs.clock.runDue();
        assertThat(acs.downloads()).extracting(Download::fileType, Download::url).containsExactly(
                tuple(FIRMWARE, acs.server.fileServerUrl().resolve(ZeroTouch.UPGRADE_LIST).toString()));
    }

    @Test
    void a_provision_script_with_a_syntax_error_is_refused_naming_its_line_and_column() throws Exception {
        Running acs = new Running("broken");
        HttpResponse<String> refused = send(acs, "PUT", "provisions/js-broken", """
                const mac = declare("Device.Ethernet.Interface.1.MACAddress", {value: 1}).value[0];
                const hex = mac.replace(/:/g, "");
                declare("Device.WiFi.SSID.1.SSID", null, {value: args[0] + hex.slice(-5)};
                """, Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).as("names line 3 and a column").containsPattern("(?<![0-9])3:[1-9][0-9]*: ");
        assertThat(send(acs, "GET", "provisions/js-broken", "", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get(acs, "provisions")).isEmpty();
    }

    @Test
    void a_runaway_script_used_by_a_preset_ends_as_a_fault_and_the_session_completes() throws Exception {
        Running acs = new Running("runaway");
        assertThat(send(acs, "PUT", "provisions/js-spin", """
                declare("Device.DeviceInfo.SoftwareVersion", {value: 1});
                while (true) {}
                """, Map.of()).statusCode()).isEqualTo(200);
        putPreset(acs, Preset.builder("lab spin").channel("lab").provision("js-spin").build());
        putPreset(acs, Preset.builder("office ssid").setValue(SSID, Literal.of("office")).build());

        acs.cpe.powerOn();
        acs.runUntil(d -> !get(acs, "faults/").isEmpty(), "a fault");
        assertThat(acs.sessions).isNotEmpty()
                .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED));
        assertThat(get(acs, "faults/")).singleElement().satisfies(f -> {
            assertThat(f.path("device").asText()).isEqualTo(DEVICE);
            assertThat(f.path("channel").asText()).isEqualTo("lab");
            assertThat(f.path("code").asText()).isEqualTo("script");
            assertThat(f.path("message").asText()).contains("CPU time");
        });
        assertThat(acs.cpe.value(SSID)).as("the other channel still applied").hasValue("office");
        assertThat(getObject(acs, "status").path("faulted").asLong()).isEqualTo(1);

        // The server still answers sessions: the router informs again and the session completes.
        int before = acs.sessions.size();
        acs.cpe.informNow();
        acs.clock.runDue();
        assertThat(acs.sessions).hasSizeGreaterThan(before);
        assertThat(acs.sessions.get(acs.sessions.size() - 1).outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
    }

    private void putPreset(Running acs, Preset preset) throws Exception {
        HttpResponse<String> put = send(acs, "PUT", "presets/" + encode(preset.name()), PresetJson.write(preset),
                Map.of());
        assertThat(put.statusCode()).as("PUT /presets/%s: %s", preset.name(), put.body()).isEqualTo(200);
    }

    private JsonNode device(Running acs, String projection) throws Exception {
        List<JsonNode> found = get(acs, "devices?query=" + encode("{\"_id\":\"" + DEVICE + "\"}") + "&projection="
                + encode(projection));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Set<String> tags(JsonNode device) {
        Set<String> tags = new HashSet<>();
        device.path("_tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    private List<JsonNode> get(Running acs, String path) {
        try {
            HttpResponse<String> response = send(acs, "GET", path, "", Map.of());
            assertThat(response.statusCode()).as("GET /%s: %s", path, response.body()).isEqualTo(200);
            List<JsonNode> items = new ArrayList<>();
            json.readTree(response.body()).forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new AssertionError("GET /" + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private JsonNode getObject(Running acs, String path) throws Exception {
        HttpResponse<String> response = send(acs, "GET", path, "", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(Running acs, String method, String path, String body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(acs.nbi.resolve(path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
