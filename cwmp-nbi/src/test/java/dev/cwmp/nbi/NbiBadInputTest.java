package dev.cwmp.nbi;

import static dev.cwmp.nbi.NbiFixture.ID;
import static dev.cwmp.nbi.NbiFixture.SERIAL;
import static dev.cwmp.nbi.NbiFixture.assertError;
import static dev.cwmp.nbi.NbiFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.provisioning.files.FileInfo;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bad input, over real HTTP: each gets the right status, a clear JSON error, and changes nothing. */
class NbiBadInputTest {

    private NbiFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new NbiFixture(false, b -> b.maxBodyBytes(4096).maxFileBytes(1024));
        fixture.device(SERIAL);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void assertNothingQueued() {
        assertThat(fixture.acs.taskQueue().all()).isEmpty();
    }

    @Test
    void a_missing_token_is_401_with_a_bearer_challenge() {
        HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/devices/")).GET().build());

        assertError(response, 401, "authentication required");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void a_wrong_token_is_401_and_changes_nothing() {
        HttpRequest request = HttpRequest.newBuilder(fixture.uri("/devices/" + ID + "/tags/x"))
                .header("Authorization", "Bearer s3cret-tokem").POST(HttpRequest.BodyPublishers.noBody()).build();

        assertError(fixture.send(request), 401, "wrong credentials");
        assertThat(fixture.acs.devices().record(ID).orElseThrow().tags()).isEmpty();
    }

    @Test
    void a_token_sent_as_basic_is_401() {
        HttpRequest request = HttpRequest.newBuilder(fixture.uri("/devices/"))
                .header("Authorization", "Basic " + NbiFixture.TOKEN).GET().build();

        assertError(fixture.send(request), 401, "wrong credentials");
    }

    @Test
    void malformed_task_json_is_400_with_the_place_and_nothing_is_queued() {
        HttpResponse<String> response = fixture.send("POST", "/devices/" + ID + "/tasks", "{\"name\": \"reboot\",");

        assertError(response, 400, "not valid JSON");
        assertThat(NbiFixture.json(response).get("error").asText()).contains("line 1");
        assertNothingQueued();
    }

    @Test
    void malformed_query_json_is_400() {
        assertError(fixture.get("/devices/?query=" + q("{\"_id\": ")), 400, "query is not valid JSON");
    }

    @Test
    void a_query_with_an_unknown_operator_is_400_naming_it() {
        HttpResponse<String> response = fixture.get("/devices/?query=" + q("{\"_lastInform\": {\"$near\": 1}}"));

        assertError(response, 400, "unknown query operator $near");
    }

    @Test
    void an_unknown_top_level_operator_is_400_naming_it() {
        assertError(fixture.get("/devices/?query=" + q("{\"$where\": \"1\"}")), 400, "unknown query operator $where");
    }

    @Test
    void a_bad_projection_sort_or_paging_is_400() {
        assertError(fixture.get("/devices/?projection=" + q("Device..DeviceInfo")), 400, "bad projection");
        assertError(fixture.get("/devices/?sort=" + q("{\"_lastInform\": 2}")), 400, "must be 1 or -1");
        assertError(fixture.get("/devices/?skip=-1"), 400, "skip must not be negative");
        assertError(fixture.get("/devices/?limit=ten"), 400, "limit must be a whole number");
    }

    @Test
    void a_preset_with_a_bad_precondition_is_400_with_the_column_and_is_not_stored() {
        HttpResponse<String> response = fixture.send("PUT", "/presets/broken",
                "{\"precondition\": \"Tags.x IS NOT\", \"configurations\": []}");

        assertError(response, 400, "column");
        assertThat(fixture.presets.all()).isEmpty();
    }

    @Test
    void a_preset_with_an_unknown_configuration_is_400_naming_the_field() {
        HttpResponse<String> response = fixture.send("PUT", "/presets/broken",
                "{\"configurations\": [{\"type\": \"teleport\"}]}");

        assertError(response, 400, "configurations");
        assertThat(fixture.presets.all()).isEmpty();
    }

    @Test
    void a_task_for_an_unknown_device_is_404_and_nothing_is_queued() {
        assertError(fixture.send("POST", "/devices/E48D8C-RB951Ui%252D2HnD-NOSUCH/tasks", "{\"name\": \"reboot\"}"),
                404, "no such device");
        assertError(fixture.send("POST", "/devices/not-a-device-id-at-all/tasks", "{\"name\": \"reboot\"}"), 404,
                "no such device");
        assertNothingQueued();
    }

    @Test
    void an_unknown_task_name_or_missing_argument_is_400_and_nothing_is_queued() {
        String tasks = "/devices/" + ID + "/tasks";
        assertError(fixture.send("POST", tasks, "{\"name\": \"selfDestruct\"}"), 400, "unknown task name 'selfDestruct'");
        assertError(fixture.send("POST", tasks, "{\"name\": \"getParameterValues\"}"), 400, "parameterNames");
        assertError(fixture.send("POST", tasks, "{\"name\": \"setParameterValues\", \"parameterValues\": [[\"A.b\"]]}"),
                400, "[name, value]");
        assertError(fixture.send("POST", tasks, "{\"name\": \"download\", \"fileName\": \"missing.bin\"}"), 404,
                "no such file");
        assertNothingQueued();
    }

    @Test
    void a_json_body_over_the_limit_is_413() {
        String big = "{\"name\": \"reboot\", \"pad\": \"" + "x".repeat(5000) + "\"}";

        assertError(fixture.send("POST", "/devices/" + ID + "/tasks", big), 413, "larger than 4096 bytes");
        assertNothingQueued();
    }

    @Test
    void a_file_over_the_limit_is_413_and_the_stored_file_of_that_name_stays() throws Exception {
        fixture.files.put("fw.bin", FileInfo.ofType("1 Firmware Upgrade Image"),
                new ByteArrayInputStream("old".getBytes(StandardCharsets.UTF_8)), 1024);

        HttpResponse<String> response = fixture.send("PUT", "/files/fw.bin", "y".repeat(2000), "fileType",
                "1 Firmware Upgrade Image");

        assertError(response, 413, "larger than 1024 bytes");
        assertThat(fixture.files.list()).singleElement().satisfies(m -> assertThat(m.length()).isEqualTo(3));
    }

    @Test
    void a_streamed_file_over_the_limit_without_a_length_is_413_and_leaves_nothing() {
        HttpRequest request = HttpRequest.newBuilder(fixture.uri("/files/big.bin"))
                .header("Authorization", "Bearer " + NbiFixture.TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[5000]))).build();

        assertError(fixture.send(request), 413, "larger than 1024 bytes");
        assertThat(fixture.files.list()).isEmpty();
    }

    @Test
    void path_traversal_in_a_file_name_is_400_and_stores_nothing() {
        for (String name : Set.of("..%2F..%2Fetc%2Fpasswd", "%2E%2E", "a%5Cb", ".hidden", "x%00y")) {
            assertError(fixture.send("PUT", "/files/" + name, "data"), 400, "bad file name");
        }
        assertThat(fixture.files.list()).isEmpty();
    }

    @Test
    void a_wrong_method_is_405_with_allow() {
        HttpResponse<String> response = fixture.send("PUT", "/devices/" + ID, "{}");

        assertError(response, 405, "PUT is not allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("DELETE");
    }

    @Test
    void unknown_resources_are_404() {
        assertError(fixture.get("/nothing/here"), 404, "no such resource");
        assertError(fixture.send("DELETE", "/tasks/no-such-task", null), 404, "no such task");
        assertError(fixture.send("DELETE", "/presets/none", null), 404, "no such preset");
        assertError(fixture.send("DELETE", "/files/none.bin", null), 404, "no such file");
        assertError(fixture.send("POST", "/devices/E48D8C-X-NOPE/tags/x", null),
                404, "no such device");
    }
}
