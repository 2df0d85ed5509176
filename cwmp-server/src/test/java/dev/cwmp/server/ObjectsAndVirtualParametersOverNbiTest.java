package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.server.ServerConfig.CpeAuth;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's NBI: objects put over {@code /objects} are kept across a restart and used by presets'
 * add_object; tasks naming a stored virtual parameter are computed by the server, not sent to the CPE.
 */
class ObjectsAndVirtualParametersOverNbiTest {

    private static final String SERIAL = "4AC7046131E4";
    private static final String DEVICE = "E48D8C-RB951Ui%2D2HnD-" + SERIAL;

    @TempDir
    Path dir;

    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private AcsServer start() {
        return AcsServer.start(ServerConfig.builder(new CpeAuth.None()).nbiToken(Secret.of("t")).cwmpPort(0).nbiPort(0)
                .fsPort(0).dataDir(dir).zeroTouch(false).clock(clock).build());
    }

    private HttpResponse<String> send(AcsServer server, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.nbiUrl().resolve(path)).header("Authorization", "Bearer t")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_object_put_over_the_nbi_survives_a_restart_and_a_preset_adds_it_to_a_router() throws Exception {
        try (AcsServer server = start()) {
            assertThat(send(server, "PUT", "objects/guest",
                    "{\"SSID\": \"guest\", \"Enable\": false, \"_keys\": [\"SSID\"]}").statusCode()).isEqualTo(200);
            assertThat(send(server, "PUT", "objects/broken", "{\"SSID\": \"guest\"}").statusCode()).isEqualTo(400);
        }
        try (AcsServer server = start()) {
            JsonNode kept = json.readTree(send(server, "GET", "objects/", "").body());
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).get("_id").asText()).isEqualTo("guest");
            assertThat(kept.get(0).get("_keys").get(0).asText()).isEqualTo("SSID");
            assertThat(send(server, "PUT", "presets/guest-wifi", """
                    {"precondition": "", "configurations": [
                      {"type": "add_object", "name": "Device.WiFi.SSID", "object": "guest"}]}""").statusCode())
                    .isEqualTo(200);

            List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
            try (Simulator simulator = Simulator.builder(server.cwmpUrl()).scheduler(clock).executor(Runnable::run)
                    .noConnectionRequests().listener(sessions::add).build()) {
                SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
                cpe.powerOn();
                clock.runDue();

                assertThat(sessions).singleElement()
                        .satisfies(s -> assertThat(s.acsMethodNames()).contains("AddObject"));
                assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).hasValue("guest");
                assertThat(cpe.value("Device.WiFi.SSID.2.Enable")).hasValue("false");
            }
        }
    }

    @Test
    void a_task_naming_a_stored_virtual_parameter_is_computed_by_the_server_and_never_sent_to_the_router()
            throws Exception {
        try (AcsServer server = start()) {
            assertThat(send(server, "PUT", "virtual_parameters/Ssid", """
                    const ssid = declare("Device.WiFi.SSID.1.SSID", {value: 1});
                    return {writable: false, value: [ssid.value[0] + "!", "xsd:string"]};""").statusCode())
                    .isEqualTo(200);
            List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
            try (Simulator simulator = Simulator.builder(server.cwmpUrl()).scheduler(clock).executor(Runnable::run)
                    .noConnectionRequests().listener(sessions::add).build()) {
                SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
                String ssid = cpe.value("Device.WiFi.SSID.1.SSID").orElseThrow();
                cpe.powerOn();
                clock.runDue();
                // The SSID read by a task first, then the virtual parameter computed from it.
                assertThat(send(server, "POST", "devices/" + DEVICE + "/tasks", """
                        {"name": "getParameterValues", "parameterNames": ["Device.WiFi.SSID.1.SSID"]}""")
                        .statusCode()).isEqualTo(202);
                cpe.informNow();
                clock.runDue();

                HttpResponse<String> done = send(server, "POST", "devices/" + DEVICE + "/tasks", """
                        {"name": "getParameterValues", "parameterNames": ["VirtualParameters.Ssid"]}""");

                assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
                assertThat(json.readTree(send(server, "GET", "tasks/", "").body())).isEmpty();
                String query = URLEncoder.encode("{\"_id\": \"" + DEVICE + "\"}", StandardCharsets.UTF_8);
                JsonNode device = json.readTree(send(server, "GET", "devices/?query=" + query
                        + "&projection=VirtualParameters.Ssid", "").body()).get(0);
                assertThat(device.at("/VirtualParameters/Ssid/_value").asText()).isEqualTo(ssid + "!");
                assertThat(sessions).allSatisfy(s -> assertThat(s.acsRequestsOf(GetParameterValues.class))
                        .allSatisfy(gpv -> assertThat(gpv.parameterNames()).noneMatch(n -> n.startsWith("Virtual"))));
            }
        }
    }
}
