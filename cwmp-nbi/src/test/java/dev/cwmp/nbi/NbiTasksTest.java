package dev.cwmp.nbi;

import static dev.cwmp.nbi.NbiFixture.ID;
import static dev.cwmp.nbi.NbiFixture.SERIAL;
import static dev.cwmp.nbi.NbiFixture.assertError;
import static dev.cwmp.nbi.NbiFixture.json;
import static dev.cwmp.nbi.NbiFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwmp.testkit.sim.SimulatedDevice;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks over real HTTP: a simulated CPE reached by connection request, and one that cannot be reached. */
class NbiTasksTest {

    private static final String SSID = "Device.WiFi.SSID.1.SSID";

    private NbiFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private String tasksPath() {
        return "/devices/" + ID + "/tasks";
    }

    @Test
    void a_get_parameter_values_task_with_a_connection_request_is_done_within_the_timeout_and_answers_200()
            throws Exception {
        fixture = new NbiFixture(true, b -> b);
        SimulatedDevice cpe = fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath() + "?connection_request&timeout=20000",
                "{\"name\": \"getParameterValues\", \"parameterNames\": [\"" + SSID + "\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode task = json(response);
        assertThat(task.get("name").asText()).isEqualTo("getParameterValues");
        assertThat(task.get("device").asText()).isEqualTo("E48D8C-RB951Ui%2D2HnD-4AC7046131E4");
        assertThat(task.get("_id").asText()).isNotEmpty();
        assertThat(task.get("parameterNames").get(0).asText()).isEqualTo(SSID);
        // The value read is in the device's document, typed as GenieACS shows it.
        HttpResponse<String> devices = fixture.get("/devices/?query=" + q("{\"_id\": \"" + ID + "\"}")
                + "&projection=" + q(SSID));
        JsonNode ssid = json(devices).get(0).get("Device").get("WiFi").get("SSID").get("1").get("SSID");
        assertThat(ssid.get("_value").asText()).isEqualTo(cpe.value(SSID).orElseThrow());
        assertThat(ssid.get("_type").asText()).isEqualTo("xsd:string");
        assertThat(ssid.get("_timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        // Done: no longer queued.
        assertThat(json(fixture.get("/tasks/"))).isEmpty();
    }

    @Test
    void a_set_parameter_values_task_changes_the_device_and_takes_the_type_the_device_reported() throws Exception {
        fixture = new NbiFixture(true, b -> b);
        SimulatedDevice cpe = fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath() + "?connection_request&timeout=20000",
                "{\"name\": \"setParameterValues\", \"parameterValues\": [[\"" + SSID + "\", \"office\"]]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(cpe.value(SSID)).hasValue("office");
        assertThat(json(response).get("parameterValues").get(0).get(2).asText()).isEqualTo("xsd:string");
    }

    @Test
    void a_task_for_a_device_that_cannot_be_reached_is_queued_and_answers_202_saying_why() throws Exception {
        fixture = new NbiFixture(false, b -> b);
        fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath() + "?connection_request&timeout=3000",
                "{\"name\": \"reboot\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Task-Status")).hasValueSatisfying(s -> assertThat(s).startsWith("Device is offline"));
        String taskId = json(response).get("_id").asText();
        JsonNode queued = json(fixture.get("/tasks/?query=" + q("{\"device\": \"" + ID + "\"}")));
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).get("_id").asText()).isEqualTo(taskId);
        assertThat(queued.get(0).get("name").asText()).isEqualTo("reboot");
    }

    @Test
    void a_task_without_a_connection_request_is_queued_with_202_and_can_be_deleted() throws Exception {
        fixture = new NbiFixture(true, b -> b);
        fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath(),
                "{\"name\": \"refreshObject\", \"objectName\": \"Device.WiFi.\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        String taskId = json(response).get("_id").asText();
        assertThat(fixture.acs.taskQueue().get(taskId)).isPresent();
        HttpResponse<String> list = fixture.get("/tasks/");
        assertThat(list.headers().firstValue("total")).hasValue("1");

        assertThat(fixture.send("DELETE", "/tasks/" + taskId, null).statusCode()).isEqualTo(200);
        assertThat(fixture.acs.taskQueue().get(taskId)).isEmpty();
        assertError(fixture.send("DELETE", "/tasks/" + taskId, null), 404, "no such task");
    }

    @Test
    void a_task_the_cpe_faults_answers_202_task_faulted_is_listed_as_a_fault_and_can_be_retried() throws Exception {
        fixture = new NbiFixture(true, b -> b);
        fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath() + "?connection_request&timeout=20000",
                "{\"name\": \"setParameterValues\", \"parameterValues\": [[\"Device.No.Such\", \"x\", \"xsd:string\"]]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Task-Status")).hasValue("Task faulted");
        String taskId = json(response).get("_id").asText();
        JsonNode faults = json(fixture.get("/faults/"));
        assertThat(faults).hasSize(1);
        assertThat(faults.get(0).get("_id").asText()).isEqualTo(ID + ":task_" + taskId);
        assertThat(faults.get(0).get("code").asText()).startsWith("cwmp.900");
        assertThat(json(fixture.get("/tasks/?query=" + q("{\"_id\": \"" + taskId + "\"}")))).hasSize(1);

        HttpResponse<String> retry = fixture.send("POST", "/tasks/" + taskId + "/retry", null);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(fixture.get("/faults/"))).isEmpty();
        String retried = json(retry).get("_id").asText();
        assertThat(fixture.acs.taskQueue().get(retried)).isPresent();
    }

    @Test
    void a_connection_request_alone_answers_200_when_the_device_accepts_it() throws Exception {
        fixture = new NbiFixture(true, b -> b);
        fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath() + "?connection_request", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.awaitSession().hasEvent("6 CONNECTION REQUEST")).isTrue();
    }
}
