package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database ({@code --db-url}, {@code --node-name}), each with its own
 * data directory, serving one router that informs them in turn. Runs on the server named by
 * {@code CWMP_PG_URL} ({@code CWMP_PG_USER}, {@code CWMP_PG_PASSWORD}), in a schema of its own that
 * it drops afterwards; skips without it.
 */
class SharedDatabaseTest {

    private static final String PG_URL = System.getenv("CWMP_PG_URL");
    private static final String PG_USER = envOr("CWMP_PG_USER", "cwmp");
    private static final String PG_PASSWORD = envOr("CWMP_PG_PASSWORD", "");
    private static final String SERIAL = "2B0D000001";
    private static final String PARAMETER = "Device.ManagementServer.PeriodicInformInterval";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private String schema;

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    @BeforeEach
    void createSchema() throws SQLException {
        assumeTrue(PG_URL != null && !PG_URL.isBlank(),
                "PostgreSQL test skipped: set CWMP_PG_URL (and CWMP_PG_USER, CWMP_PG_PASSWORD) to a server");
        schema = "acs_server_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void two_servers_on_one_database_serve_one_device_alternately() {
        AcsServer a = start("node-a");
        AcsServer b = start("node-b");
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-25T12:00:00Z"));
        List<SessionRecord> sessions = new ArrayList<>();
        // The same router behind each node (as after a DNS change or behind a load balancer).
        SimulatedDevice viaA = simulator(a, clock, sessions).add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        SimulatedDevice viaB = simulator(b, clock, sessions).add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        DeviceId id = DeviceId.of(viaA.deviceId());

        viaA.powerOn();
        clock.runDue();
        assertThat(b.acs().devices().record(id)).as("node B reads what node A stored").isPresent();

        // A task queued on one node runs in the device's next session, on the other node.
        submit(a, id, "600", "queued-on-a");
        viaB.powerOn();
        clock.runDue();
        submit(b, id, "900", "queued-on-b");
        viaA.informNow();
        clock.runDue();

        assertThat(sessions).extracting(SessionRecord::outcome).containsExactly(SessionRecord.Outcome.COMPLETED,
                SessionRecord.Outcome.COMPLETED, SessionRecord.Outcome.COMPLETED);
        assertThat(parameterKeys(sessions.get(0))).isEmpty();
        assertThat(parameterKeys(sessions.get(1))).containsExactly("queued-on-a");
        assertThat(parameterKeys(sessions.get(2))).containsExactly("queued-on-b");
        assertThat(viaB.value(PARAMETER)).hasValue("600");
        assertThat(viaA.value(PARAMETER)).hasValue("900");
        assertThat(a.acs().taskQueue().all()).isEmpty();

        // No session's events lost: the record holds those of all three, whichever node saved them.
        DeviceRecord stored = a.acs().devices().record(id).orElseThrow();
        int eventsSent = sessions.stream().mapToInt(s -> s.events().size()).sum();
        assertThat(stored.recentEvents()).hasSize(eventsSent);
        assertThat(b.acs().devices().record(id).orElseThrow().recentEvents()).hasSize(eventsSent);
        assertThat(dir.resolve("node-a").resolve("db")).as("no embedded database beside a shared one").doesNotExist();
    }

    @Test
    void files_scripts_and_objects_put_through_one_node_are_used_by_the_other() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-25T12:00:00Z"));
        AcsServer a = start("node-a", clock);
        AcsServer b = start("node-b", clock);
        byte[] config = "/interface wireless set wlan1 ssid=shared\n".getBytes(StandardCharsets.UTF_8);

        assertThat(nbi(a, "PUT", "files/shared.rsc", config, Map.of("fileType", "3 Vendor Configuration File"))
                .statusCode()).isBetween(200, 201);
        assertThat(nbi(a, "PUT", "provisions/mark", text("""
                declare("Tags.marked_by_script", null, {value: true});"""), Map.of()).statusCode()).isEqualTo(200);
        assertThat(nbi(a, "PUT", "virtual_parameters/Firmware", text("""
                const s = declare("Device.DeviceInfo.SoftwareVersion", {value: 1});
                return {writable: false, value: ["sn-" + s.value[0], "xsd:string"]};"""), Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(nbi(a, "PUT", "objects/guest", text("{\"SSID\": \"guest\", \"_keys\": [\"SSID\"]}"), Map.of())
                .statusCode()).isEqualTo(200);
        assertThat(nbi(a, "PUT", "presets/shared", text("""
                {"precondition": "", "configurations": [
                  {"type": "provision", "name": "mark"},
                  {"type": "add_object", "name": "Device.WiFi.SSID", "object": "guest"}]}"""), Map.of())
                .statusCode()).isEqualTo(200);

        // Node B looks again once a second of its clock has passed.
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(b.fileServerUrl().resolve("shared.rsc")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(config);
        assertThat(body(nbi(b, "GET", "provisions/", new byte[0], Map.of()))).contains("marked_by_script");
        assertThat(body(nbi(b, "GET", "objects/", new byte[0], Map.of()))).contains("guest");

        List<SessionRecord> sessions = new ArrayList<>();
        SimulatedDevice viaB = simulator(b, clock, sessions).add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        viaB.powerOn();
        clock.runDue();
        DeviceId id = DeviceId.of(viaB.deviceId());
        assertThat(a.acs().devices().record(id).orElseThrow().tags()).contains("marked_by_script");
        assertThat(viaB.value("Device.WiFi.SSID.2.SSID")).hasValue("guest");
        HttpResponse<byte[]> task = nbi(b, "POST", "devices/" + URLEncoder.encode(id.toString(), StandardCharsets.UTF_8)
                + "/tasks", text("{\"name\": \"getParameterValues\", \"parameterNames\": [\"VirtualParameters.Firmware\"]}"),
                Map.of());
        assertThat(task.statusCode()).as(body(task)).isEqualTo(200);
        String query = URLEncoder.encode("{\"_id\": \"" + id + "\"}", StandardCharsets.UTF_8);
        assertThat(body(nbi(a, "GET", "devices/?query=" + query + "&projection=VirtualParameters.Firmware", new byte[0],
                Map.of()))).contains("sn-" + viaB.value("Device.DeviceInfo.SoftwareVersion").orElseThrow());

        // A provision deleted through B is gone on A at A's next look.
        assertThat(nbi(b, "DELETE", "provisions/mark", new byte[0], Map.of()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertThat(body(nbi(a, "GET", "provisions/", new byte[0], Map.of()))).doesNotContain("marked_by_script");
        Path nodeFiles = dir.resolve("node-a").resolve("files");
        assertThat(!Files.exists(nodeFiles) || isEmpty(nodeFiles)).as("files in the database, not in a node's directory")
                .isTrue();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static boolean isEmpty(Path directory) throws java.io.IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private HttpResponse<byte[]> nbi(AcsServer server, String method, String path, byte[] body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.nbiUrl().resolve(path))
                .header("Authorization", "Bearer t0k3n")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private AcsServer start(String node) {
        return start(node, java.time.InstantSource.system());
    }

    private AcsServer start(String node, java.time.InstantSource clock) {
        ServerConfig config = ServerConfig.builder(new CpeAuth.None()).nbiToken(Secret.of("t0k3n"))
                .cwmpPort(0).nbiPort(0).fsPort(0).zeroTouch(false).dataDir(dir.resolve(node)).clock(clock)
                .store(new ServerConfig.Store.Database(url(), PG_USER, Secret.of(PG_PASSWORD)))
                .nodeName(node)
                .build();
        AcsServer server = AcsServer.start(config);
        open.add(server);
        return server;
    }

    private Simulator simulator(AcsServer server, ManualScheduler clock, List<SessionRecord> sessions) {
        Simulator simulator = Simulator.builder(server.cwmpUrl()).scheduler(clock).executor(Runnable::run)
                .noConnectionRequests().listener(sessions::add).build();
        open.add(simulator);
        return simulator;
    }

    private static void submit(AcsServer node, DeviceId id, String value, String key) {
        node.acs().submit(id, new TaskAction.SetParameterValues(
                List.of(new ParameterValueStruct(PARAMETER, value, XsdType.UNSIGNED_INT)), key), TaskOptions.DEFAULT);
    }

    private static List<String> parameterKeys(SessionRecord session) {
        List<String> keys = new ArrayList<>();
        for (AcsMessage m : session.acsRequests()) {
            if (m instanceof SetParameterValues spv) {
                keys.add(spv.parameterKey());
            }
        }
        return keys;
    }

    private String url() {
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
