package dev.cwmp.nbi;

import static dev.cwmp.nbi.NbiFixture.ID;
import static dev.cwmp.nbi.NbiFixture.SERIAL;
import static dev.cwmp.nbi.NbiFixture.assertError;
import static dev.cwmp.nbi.NbiFixture.json;
import static dev.cwmp.nbi.NbiFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.ProvisioningException;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.VirtualParameterValue;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** NBI tasks naming {@code VirtualParameters.*}: computed on the ACS, only real parameters sent to the CPE. */
class NbiVirtualParameterTasksTest {

    private static final String SSID = "Device.WiFi.SSID.1.SSID";

    /** Greeting (no inputs), LoudSsid (the SSID upper-cased), Broken (always fails); records each run. */
    private static final class Source implements VirtualParameterSource {
        final List<String> evaluated = new CopyOnWriteArrayList<>();
        /** When set, the source knows no parameter any more. */
        volatile boolean forget;

        @Override
        public Optional<VirtualParameterValue> evaluate(String name, ProvisionContext context, Timestamps timestamps,
                Values values) {
            evaluated.add(name);
            if (forget) {
                return Optional.empty();
            }
            return switch (name) {
                case "Greeting" -> Optional.of(new VirtualParameterValue(false,
                        Optional.of("hello " + context.deviceId().serialNumber()), "xsd:string"));
                case "LoudSsid" -> {
                    List<ParameterTree.Entry> ssid = context.declare(SSID, Timestamps.value(context.now()),
                            Values.none());
                    context.commit();
                    yield Optional.of(new VirtualParameterValue(true, ssid.isEmpty() ? Optional.empty()
                            : ssid.get(0).value().map(v -> v.toUpperCase(Locale.ROOT)), "xsd:string"));
                }
                case "Broken" -> throw new ProvisioningException("Broken: no uplink");
                default -> Optional.empty();
            };
        }

        @Override
        public List<String> names() {
            return List.of("Greeting", "LoudSsid");
        }
    }

    private final Source source = new Source();
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

    private JsonNode parameter(String path) {
        JsonNode node = json(fixture.get("/devices/?query=" + q("{\"_id\": \"" + ID + "\"}") + "&projection="
                + q(path))).get(0);
        for (String segment : path.split("\\.")) {
            node = node == null ? null : node.get(segment);
        }
        return node;
    }

    @Test
    void a_task_naming_only_virtual_parameters_is_answered_on_the_acs_without_a_cpe_request() throws Exception {
        fixture = new NbiFixture(false, b -> b.virtualParameters(source));
        fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath(),
                "{\"name\": \"getParameterValues\", \"parameterNames\": [\"VirtualParameters.Greeting\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode task = json(response);
        assertThat(task.get("name").asText()).isEqualTo("getParameterValues");
        assertThat(task.get("parameterNames").get(0).asText()).isEqualTo("VirtualParameters.Greeting");
        assertThat(task.get("_id").asText()).isNotEmpty();
        assertThat(json(fixture.get("/tasks/"))).as("nothing queued for the CPE").isEmpty();
        assertThat(source.evaluated).containsExactly("Greeting");
        JsonNode greeting = parameter("VirtualParameters.Greeting");
        assertThat(greeting.get("_value").asText()).isEqualTo("hello " + SERIAL);
        assertThat(greeting.get("_type").asText()).isEqualTo("xsd:string");
        assertThat(greeting.get("_writable").asBoolean()).isFalse();
    }

    @Test
    void a_mixed_task_sends_only_its_real_parameters_and_the_computed_value_survives_the_session() throws Exception {
        fixture = new NbiFixture(true, b -> b.virtualParameters(source));
        SimulatedDevice cpe = fixture.device(SERIAL);
        // The SSID the virtual parameter reads is in the stored tree once read.
        assertThat(fixture.send("POST", tasksPath() + "?connection_request&timeout=20000",
                "{\"name\": \"getParameterValues\", \"parameterNames\": [\"" + SSID + "\"]}").statusCode())
                .isEqualTo(200);
        fixture.awaitSession();

        HttpResponse<String> response = fixture.send("POST", tasksPath() + "?connection_request&timeout=20000",
                "{\"name\": \"getParameterValues\", \"parameterNames\": [\"" + SSID
                        + "\", \"VirtualParameters.LoudSsid\"]}");
        SessionRecord session = fixture.awaitSession();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("parameterNames")).hasSize(2);
        assertThat(session.acsRequestsOf(GetParameterValues.class)).singleElement()
                .satisfies(gpv -> assertThat(gpv.parameterNames()).containsExactly(SSID));
        assertThat(session.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        String expected = cpe.value(SSID).orElseThrow().toUpperCase(Locale.ROOT);
        JsonNode loud = parameter("VirtualParameters.LoudSsid");
        assertThat(loud.get("_value").asText()).isEqualTo(expected);
        assertThat(loud.get("_writable").asBoolean()).isTrue();
        assertThat(json(fixture.get("/faults/"))).isEmpty();
    }

    @Test
    void refresh_object_on_the_virtual_parameters_root_computes_all_of_the_sources_parameters() throws Exception {
        fixture = new NbiFixture(false, b -> b.virtualParameters(source));
        fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath(),
                "{\"name\": \"refreshObject\", \"objectName\": \"VirtualParameters\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(source.evaluated).containsExactly("Greeting", "LoudSsid");
        assertThat(parameter("VirtualParameters.Greeting").get("_value").asText()).isEqualTo("hello " + SERIAL);
        assertThat(parameter("VirtualParameters.LoudSsid")).as("computed: no SSID read yet, so no value").isNotNull();
        assertThat(json(fixture.get("/tasks/"))).isEmpty();
    }

    @Test
    void a_virtual_parameter_that_fails_answers_202_faulted_and_changes_nothing() throws Exception {
        fixture = new NbiFixture(false, b -> b.virtualParameters(source));
        fixture.device(SERIAL);

        HttpResponse<String> response = fixture.send("POST", tasksPath(), "{\"name\": \"getParameterValues\", "
                + "\"parameterNames\": [\"" + SSID + "\", \"VirtualParameters.Greeting\", \"VirtualParameters.Broken\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Task-Status")).hasValue("Task faulted");
        assertThat(json(response).get("fault").get("message").asText()).contains("Broken: no uplink");
        assertThat(json(fixture.get("/tasks/"))).as("the real part is not queued either").isEmpty();
        assertThat(parameter("VirtualParameters.Greeting")).as("nothing merged").isNull();
    }

    @Test
    void a_virtual_parameter_the_source_does_not_know_is_answered_with_nothing_and_leaves_the_tree()
            throws Exception {
        fixture = new NbiFixture(false, b -> b.virtualParameters(source));
        fixture.device(SERIAL);
        fixture.send("POST", tasksPath(), "{\"name\": \"getParameterValues\", \"parameterNames\": "
                + "[\"VirtualParameters.Greeting\"]}");

        assertThat(parameter("VirtualParameters.Greeting").get("_value").asText()).isEqualTo("hello " + SERIAL);
        source.forget = true;

        HttpResponse<String> response = fixture.send("POST", tasksPath(), "{\"name\": \"getParameterValues\", "
                + "\"parameterNames\": [\"VirtualParameters.Greeting\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(parameter("VirtualParameters.Greeting")).isNull();
    }

    @Test
    void bad_virtual_parameter_names_are_refused_with_400_and_nothing_is_computed() throws Exception {
        fixture = new NbiFixture(false, b -> b.virtualParameters(source));
        fixture.device(SERIAL);

        assertError(fixture.send("POST", tasksPath(), "{\"name\": \"getParameterValues\", \"parameterNames\": "
                + "[\"VirtualParameters.Greeting.Deeper\"]}"), 400, "a virtual parameter is VirtualParameters.<name>");
        assertError(fixture.send("POST", tasksPath(), "{\"name\": \"refreshObject\", \"objectName\": "
                + "\"VirtualParameters.Greeting.Deeper.\"}"), 400, "a virtual parameter is VirtualParameters.<name>");
        assertError(fixture.send("POST", tasksPath(), "{\"name\": \"refreshObject\", \"objectName\": "
                + "\"VirtualParameters.Greet*\"}"), 400, "VirtualParameters.Greet*");

        assertThat(source.evaluated).isEmpty();
        assertThat(json(fixture.get("/tasks/"))).isEmpty();
    }
}
