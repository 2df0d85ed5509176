package dev.cwmp.nbi;

import static dev.cwmp.nbi.NbiFixture.ID;
import static dev.cwmp.nbi.NbiFixture.SERIAL;
import static dev.cwmp.nbi.NbiFixture.assertError;
import static dev.cwmp.nbi.NbiFixture.json;
import static dev.cwmp.nbi.NbiFixture.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwmp.provisioning.ConfigurationStatus;
import dev.cwmp.provisioning.ProvisioningFault;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.Secret;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NBI over real HTTP on loopback: devices, tags, presets, scripts, faults, files, status, authentication. */
class NbiServerTest {

    private NbiFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new NbiFixture(false, b -> b.maxBodyBytes(64 * 1024).maxFileBytes(1024));
        fixture.device(SERIAL);
        fixture.device("SECOND00001");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    // --- devices -----------------------------------------------------------------------------------

    @Test
    void lists_devices_in_genieacs_shape_with_a_total_header() {
        HttpResponse<String> response = fixture.get("/devices/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("total")).hasValue("2");
        JsonNode first = findDevice(json(response), ID.toString());
        assertThat(first.get("_deviceId").get("_OUI").asText()).isEqualTo("E48D8C");
        assertThat(first.get("_deviceId").get("_ProductClass").asText()).isEqualTo("RB951Ui-2HnD");
        assertThat(first.get("_deviceId").get("_SerialNumber").asText()).isEqualTo(SERIAL);
        assertThat(first.get("_deviceId").get("_Manufacturer").asText()).isNotEmpty();
        assertThat(first.get("_lastInform").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(first.get("_registered").asText()).isNotEmpty();
        assertThat(first.get("_lastBoot").asText()).isNotEmpty();
        JsonNode version = first.get("Device").get("DeviceInfo").get("SoftwareVersion");
        assertThat(version.get("_value").isTextual()).isTrue();
        assertThat(version.get("_type").asText()).isEqualTo("xsd:string");
        assertThat(version.get("_object").asBoolean()).isFalse();
    }

    private static JsonNode findDevice(JsonNode devices, String id) {
        for (JsonNode d : devices) {
            if (d.get("_id").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no device " + id + " in " + devices);
    }

    @Test
    void queries_by_parameter_value_with_the_bare_path_meaning_its_value() {
        String query = "{\"_deviceId._SerialNumber\": {\"$regex\": \"^SECOND\"}, \"Device.DeviceInfo.SoftwareVersion\": {\"$exists\": true}}";
        HttpResponse<String> response = fixture.get("/devices/?query=" + q(query) + "&projection=_deviceId,Device.DeviceInfo.SoftwareVersion");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode devices = json(response);
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).get("_id").asText()).endsWith("SECOND00001");
        assertThat(devices.get(0).has("_lastInform")).isFalse();
        assertThat(devices.get(0).get("Device").get("DeviceInfo").fieldNames()).toIterable().containsExactly("SoftwareVersion");
    }

    @Test
    void sorts_skips_and_limits_with_the_total_of_all_matches() {
        HttpResponse<String> response = fixture.get("/devices/?sort=" + q("{\"_deviceId._SerialNumber\": -1}")
                + "&skip=1&limit=1&projection=_id");

        assertThat(response.headers().firstValue("total")).hasValue("2");
        JsonNode devices = json(response);
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).get("_id").asText()).endsWith(SERIAL);
    }

    @Test
    void tags_are_added_queried_and_removed() {
        String path = "/devices/" + ID + "/tags/maintenance";
        assertThat(fixture.send("POST", path, null).statusCode()).isEqualTo(200);
        assertThat(fixture.acs.devices().record(ID).orElseThrow().tags()).containsExactly("maintenance");

        JsonNode tagged = json(fixture.get("/devices/?query=" + q("{\"_tags\": \"maintenance\"}") + "&projection=_tags"));
        assertThat(tagged).hasSize(1);
        assertThat(tagged.get(0).get("_tags").get(0).asText()).isEqualTo("maintenance");

        assertThat(fixture.send("DELETE", path, null).statusCode()).isEqualTo(200);
        assertThat(fixture.acs.devices().record(ID).orElseThrow().tags()).isEmpty();
    }

    @Test
    void a_device_id_escaped_as_genieacs_clients_send_it_names_the_device() {
        // encodeURIComponent("E48D8C-RB951Ui%2D2HnD-4AC7046131E4")
        String escaped = "E48D8C-RB951Ui%252D2HnD-4AC7046131E4";

        assertThat(fixture.send("POST", "/devices/" + escaped + "/tags/lab", null).statusCode()).isEqualTo(200);

        assertThat(fixture.acs.devices().record(ID).orElseThrow().tags()).containsExactly("lab");
    }

    @Test
    void head_answers_the_total_without_a_body() {
        HttpResponse<String> response = fixture.send("HEAD", "/devices/?query=" + q("{\"_tags\": \"none\"}"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("total")).hasValue("0");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void deletes_a_device_and_its_provisioning_state() {
        fixture.provisioning.update(ID, d -> d.withStatus(ConfigurationStatus.configured(Instant.now())));

        assertThat(fixture.send("DELETE", "/devices/" + ID, null).statusCode()).isEqualTo(200);

        assertThat(fixture.acs.devices().record(ID)).isEmpty();
        assertThat(fixture.provisioning.get(ID)).isEmpty();
        assertError(fixture.send("DELETE", "/devices/" + ID, null), 404, "no such device");
    }

    // --- presets and scripts -----------------------------------------------------------------------

    @Test
    void presets_are_put_read_listed_and_deleted_as_genieacs_preset_json() {
        String preset = """
                {"weight": 10, "channel": "wifi", "precondition": "DeviceID.ProductClass = \\"RB951Ui-2HnD\\"",
                 "configurations": [{"type": "add_tag", "tag": "seen"}]}""";
        assertThat(fixture.send("PUT", "/presets/tag%20seen", preset).statusCode()).isEqualTo(200);
        assertThat(fixture.presets.get("tag seen")).isPresent();

        JsonNode read = json(fixture.get("/presets/tag%20seen"));
        assertThat(read.get("_id").asText()).isEqualTo("tag seen");
        assertThat(read.get("weight").asInt()).isEqualTo(10);
        assertThat(json(fixture.get("/presets/"))).hasSize(1);

        assertThat(fixture.send("DELETE", "/presets/tag%20seen", null).statusCode()).isEqualTo(200);
        assertThat(fixture.presets.all()).isEmpty();
        assertError(fixture.get("/presets/tag%20seen"), 404, "no such preset");
    }

    @Test
    void provisions_and_virtual_parameters_are_kept_in_their_catalogs() {
        assertThat(fixture.send("PUT", "/provisions/wifi", "declare('Device.WiFi.SSID.1.SSID', null, {value: 'x'});")
                .statusCode()).isEqualTo(200);
        assertThat(fixture.get("/provisions/wifi").body()).contains("declare(");
        assertThat(json(fixture.get("/provisions/")).get(0).get("_id").asText()).isEqualTo("wifi");
        assertThat(fixture.send("PUT", "/virtual_parameters/uptime", "return {writable: false, value: [1, 'xsd:int']};")
                .statusCode()).isEqualTo(200);
        assertThat(json(fixture.get("/virtual_parameters/")).get(0).get("script").asText()).contains("writable");
        assertThat(fixture.send("DELETE", "/provisions/wifi", null).statusCode()).isEqualTo(200);
        assertThat(json(fixture.get("/provisions/"))).isEmpty();
    }

    @Test
    void a_script_the_catalog_refuses_is_400_with_line_and_column_and_not_stored() {
        fixture.close();
        ScriptCatalog refusing = new ScriptCatalog() {
            private final ScriptCatalog inner = ScriptCatalog.inMemory();

            @Override
            public List<String> names() {
                return inner.names();
            }

            @Override
            public java.util.Optional<String> get(String name) {
                return inner.get(name);
            }

            @Override
            public void put(String name, String source) {
                if (source.contains("{{")) {
                    throw new ScriptRejectedException("missing } in compound statement", 3, 7);
                }
                inner.put(name, source);
            }

            @Override
            public boolean delete(String name) {
                return inner.delete(name);
            }
        };
        fixture = new NbiFixture(false, b -> b.provisionScripts(refusing));

        assertError(fixture.send("PUT", "/provisions/broken", "let x = {{"), 400, "3:7: missing }");
        assertThat(refusing.names()).isEmpty();
    }

    // --- faults and status -------------------------------------------------------------------------

    @Test
    void faults_are_listed_by_genieacs_id_and_deleted() {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        fixture.provisioning.update(ID, d -> d.withFault(new ProvisioningFault(ID, "default", "cwmp.9005",
                "Invalid parameter name", t, 2, t.plusSeconds(240)))
                .withStatus(ConfigurationStatus.faulted(List.of("wifi"), "cwmp.9005: Invalid parameter name", t)));

        JsonNode faults = json(fixture.get("/faults/"));
        assertThat(faults).hasSize(1);
        JsonNode fault = faults.get(0);
        assertThat(fault.get("_id").asText()).isEqualTo(ID + ":default");
        assertThat(fault.get("device").asText()).isEqualTo(ID.toString());
        assertThat(fault.get("channel").asText()).isEqualTo("default");
        assertThat(fault.get("code").asText()).isEqualTo("cwmp.9005");
        assertThat(fault.get("retries").asInt()).isEqualTo(2);
        assertThat(fault.get("timestamp").asText()).isEqualTo("2026-11-25T10:00:00.000Z");

        // The id escapes the device id's '-' as %2D, and the NBI decodes it as GenieACS does.
        String encoded = "E48D8C-RB951Ui%252D2HnD-4AC7046131E4%3Adefault";
        assertThat(fixture.send("DELETE", "/faults/" + encoded, null).statusCode()).isEqualTo(200);
        assertThat(fixture.provisioning.faults()).isEmpty();
        assertError(fixture.send("DELETE", "/faults/" + encoded, null), 404, "no such fault");
    }

    @Test
    void status_counts_the_devices_and_pages_those_not_configured_with_the_reason() {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        DeviceId second = new DeviceId("E48D8C", "RB951Ui-2HnD", "SECOND00001");
        fixture.provisioning.update(ID, d -> d.withStatus(ConfigurationStatus.configured(t)));
        fixture.provisioning.update(second, d -> d.withStatus(ConfigurationStatus.pending(List.of("firmware"),
                "waiting for TransferComplete of 1 Firmware Upgrade Image", t)));

        JsonNode status = json(fixture.get("/status"));

        assertThat(status.get("configured").asLong()).isEqualTo(1);
        assertThat(status.get("pending").asLong()).isEqualTo(1);
        assertThat(status.get("faulted").asLong()).isZero();
        assertThat(status.get("total").asLong()).isEqualTo(2);
        assertThat(status.get("devices")).hasSize(1);
        JsonNode pending = status.get("devices").get(0);
        assertThat(pending.get("_id").asText()).isEqualTo(second.toString());
        assertThat(pending.get("state").asText()).isEqualTo("PENDING");
        assertThat(pending.get("reason").asText()).contains("TransferComplete");
        assertThat(pending.get("pendingPresets").get(0).asText()).isEqualTo("firmware");
        assertThat(json(fixture.get("/status?skip=1")).get("devices")).isEmpty();
    }

    // --- files -------------------------------------------------------------------------------------

    @Test
    void files_are_uploaded_with_their_metadata_headers_listed_downloaded_and_deleted() {
        HttpResponse<String> put = fixture.send("PUT", "/files/fw-7.1.bin", "firmware bytes",
                "fileType", "1 Firmware Upgrade Image", "oui", "E48D8C", "productClass", "RB951Ui-2HnD", "version", "7.1");
        assertThat(put.statusCode()).isEqualTo(201);

        JsonNode listed = json(fixture.get("/files/")).get(0);
        assertThat(listed.get("_id").asText()).isEqualTo("fw-7.1.bin");
        assertThat(listed.get("length").asLong()).isEqualTo(14);
        assertThat(listed.get("metadata").get("fileType").asText()).isEqualTo("1 Firmware Upgrade Image");
        assertThat(listed.get("metadata").get("version").asText()).isEqualTo("7.1");
        HttpResponse<String> got = fixture.get("/files/fw-7.1.bin");
        assertThat(got.body()).isEqualTo("firmware bytes");
        assertThat(got.headers().firstValue("fileType")).hasValue("1 Firmware Upgrade Image");

        assertThat(fixture.send("DELETE", "/files/fw-7.1.bin", null).statusCode()).isEqualTo(200);
        assertThat(fixture.files.list()).isEmpty();
        assertError(fixture.get("/files/fw-7.1.bin"), 404, "no such file");
    }

    @Test
    void a_download_task_points_the_cpe_at_the_file_servers_url_of_the_file() {
        fixture.send("PUT", "/files/fw%207.1.bin", "x", "fileType", "1 Firmware Upgrade Image");

        HttpResponse<String> response = fixture.send("POST", "/devices/" + ID + "/tasks",
                "{\"name\": \"download\", \"fileName\": \"fw 7.1.bin\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode task = json(response);
        assertThat(task.get("url").asText()).isEqualTo("http://127.0.0.1:7567/fw%207.1.bin");
        assertThat(task.get("fileType").asText()).isEqualTo("1 Firmware Upgrade Image");
        assertThat(task.get("fileName").asText()).isEqualTo("fw 7.1.bin");
    }

    // --- authentication ----------------------------------------------------------------------------

    @Test
    void basic_credentials_are_checked_when_chosen() {
        fixture.close();
        fixture = new NbiFixture(false, b -> b.authentication(NbiAuthentication.basic("ops", Secret.of("pw"))));
        String good = "Basic " + Base64.getEncoder().encodeToString("ops:pw".getBytes());
        String bad = "Basic " + Base64.getEncoder().encodeToString("ops:wrong".getBytes());

        assertThat(fixture.send(request("/devices/").header("Authorization", good).build()).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = fixture.send(request("/devices/").header("Authorization", bad).build());
        assertError(refused, 401, "wrong credentials");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(fixture.uri(path)).GET();
    }

    @Test
    void an_open_nbi_serves_without_credentials_on_loopback_and_refuses_any_other_address() {
        fixture.close();
        fixture = new NbiFixture(false, b -> b.authentication(NbiAuthentication.open()));
        assertThat(fixture.send(request("/devices/").build()).statusCode()).isEqualTo(200);

        NbiServer.Builder wildcard = NbiServer.builder().acs(fixture.acs).authentication(NbiAuthentication.open())
                .bind(new InetSocketAddress("0.0.0.0", 0));
        assertThatThrownBy(wildcard::start).isInstanceOf(NbiException.class).hasMessageContaining("loopback");
    }

    @Test
    void the_builder_refuses_to_build_without_an_explicit_authentication() {
        assertThatThrownBy(() -> NbiServer.builder().acs(fixture.acs).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("authentication");
    }
}
