package dev.cwmp.nbi;

import static dev.cwmp.nbi.NbiFixture.SERIAL;
import static dev.cwmp.nbi.NbiFixture.assertError;
import static dev.cwmp.nbi.NbiFixture.json;
import static dev.cwmp.nbi.NbiFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwmp.provisioning.PresetObject;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GenieACS's {@code /objects} collection over real HTTP, and presets' add_object using what it stores. */
class NbiObjectsTest {

    private static final String GUEST = """
            {"_id": "ignored", "SSID": "guest", "Enable": false, "_keys": ["SSID"]}""";

    private NbiFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void an_object_put_is_listed_queried_read_and_deleted() {
        fixture = new NbiFixture(false, b -> b);

        HttpResponse<String> put = fixture.send("PUT", "/objects/guest", GUEST);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode all = json(fixture.get("/objects/"));
        assertThat(all).hasSize(1);
        JsonNode doc = all.get(0);
        assertThat(doc.get("_id").asText()).isEqualTo("guest");
        assertThat(doc.get("SSID").asText()).isEqualTo("guest");
        assertThat(doc.get("Enable").asText()).isEqualTo("false");
        assertThat(doc.get("_keys")).hasSize(1);
        assertThat(doc.get("_keys").get(0).asText()).isEqualTo("SSID");
        assertThat(json(fixture.get("/objects/?query=" + q("{\"SSID\": \"guest\"}")))).hasSize(1);
        assertThat(json(fixture.get("/objects/?query=" + q("{\"SSID\": \"office\"}")))).isEmpty();
        assertThat(json(fixture.get("/objects/guest")).get("Enable").asText()).isEqualTo("false");

        assertThat(fixture.send("DELETE", "/objects/guest", null).statusCode()).isEqualTo(200);

        assertThat(json(fixture.get("/objects/"))).isEmpty();
        assertError(fixture.send("DELETE", "/objects/guest", null), 404, "no such object: guest");
        assertError(fixture.get("/objects/guest"), 404, "no such object: guest");
    }

    @Test
    void a_put_replaces_the_object_of_its_id() {
        ObjectCatalog catalog = ObjectCatalog.inMemory();
        fixture = new NbiFixture(false, b -> b.objects(catalog));
        fixture.send("PUT", "/objects/guest", GUEST);

        fixture.send("PUT", "/objects/guest", """
                {"SSID": "guest", "Enable": 1, "KeyPassphrase": "welcome", "_keys": ["SSID"]}""");

        assertThat(catalog.get("guest")).hasValue(new PresetObject("guest",
                Map.of("SSID", "guest", "Enable", "1", "KeyPassphrase", "welcome"), List.of("SSID")));
    }

    @Test
    void bad_objects_are_refused_with_400_and_change_nothing() {
        ObjectCatalog catalog = ObjectCatalog.inMemory();
        fixture = new NbiFixture(false, b -> b.objects(catalog));
        fixture.send("PUT", "/objects/guest", GUEST);
        PresetObject before = catalog.get("guest").orElseThrow();

        assertError(fixture.send("PUT", "/objects/guest", "{\"SSID\": "), 400, "not valid JSON");
        assertError(fixture.send("PUT", "/objects/guest", ""), 400, "empty, JSON expected");
        assertError(fixture.send("PUT", "/objects/guest", "[1, 2]"), 400, "an object is a JSON object");
        assertError(fixture.send("PUT", "/objects/guest", "{\"SSID\": \"x\"}"), 400, "_keys");
        assertError(fixture.send("PUT", "/objects/guest", "{\"SSID\": \"x\", \"_keys\": []}"), 400, "_keys");
        assertError(fixture.send("PUT", "/objects/guest", "{\"SSID\": \"x\", \"_keys\": [1]}"), 400,
                "\"_keys\" holds strings only");
        assertError(fixture.send("PUT", "/objects/guest", "{\"SSID\": \"x\", \"_keys\": [\"Name\"]}"), 400,
                "key Name has no value");
        assertError(fixture.send("PUT", "/objects/guest", "{\"SSID\": {\"a\": 1}, \"_keys\": [\"SSID\"]}"), 400,
                "the value of SSID must be a string, number or boolean");
        assertError(fixture.send("PUT", "/objects/guest", "{\"SSID\": null, \"_keys\": [\"SSID\"]}"), 400,
                "the value of SSID");
        assertError(fixture.send("PUT", "/objects/guest", "{\"Radio.*\": \"x\", \"SSID\": \"x\", \"_keys\": [\"SSID\"]}"),
                400, "not a relative parameter name");
        assertError(fixture.send("PUT", "/objects/guest", "{\"SSID\": \"a\", \"SSID\": \"b\", \"_keys\": [\"SSID\"]}"),
                400, "not valid JSON");
        assertError(fixture.send("PATCH", "/objects/guest", GUEST), 405, "PATCH is not allowed");
        assertError(fixture.send("PUT", "/objects/guest/more", GUEST), 404, "no such resource");

        assertThat(catalog.all()).containsExactly(before);
        assertThat(json(fixture.get("/objects/guest")).get("SSID").asText()).isEqualTo("guest");
    }

    @Test
    void an_object_put_over_the_nbi_after_the_driver_was_built_is_added_by_a_preset_add_object() throws Exception {
        ObjectCatalog catalog = ObjectCatalog.inMemory();
        dev.cwmp.provisioning.PresetStore presets = dev.cwmp.provisioning.PresetStore.inMemory(List.of());
        ProvisioningDriver driver = ProvisioningDriver.builder(presets).objectLookup(catalog::get).build();
        fixture = new NbiFixture(false, acs -> acs.sessionDriver(driver), b -> b.presets(presets).objects(catalog));
        try (driver) {
            assertThat(fixture.send("PUT", "/objects/guest", GUEST).statusCode()).isEqualTo(200);
            HttpResponse<String> preset = fixture.send("PUT", "/presets/guest-wifi", """
                    {"weight": 0, "precondition": "", "configurations": [
                      {"type": "add_object", "name": "Device.WiFi.SSID", "object": "guest"}]}""");
            assertThat(preset.statusCode()).as(preset.body()).isEqualTo(200);

            SimulatedDevice cpe = fixture.simulator.add(dev.cwmp.testkit.sim.DeviceProfile.mikrotikRb951Ui2HnD(),
                    SERIAL);
            cpe.powerOn();
            SessionRecord session = fixture.awaitSession();

            assertThat(session.acsMethodNames()).contains("AddObject");
            assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).hasValue("guest");
            assertThat(cpe.value("Device.WiFi.SSID.2.Enable")).hasValue("false");
            assertThat(json(fixture.get("/faults/"))).isEmpty();
        }
    }

    @Test
    void a_preset_naming_an_object_deleted_over_the_nbi_faults_on_its_channel() throws Exception {
        ObjectCatalog catalog = ObjectCatalog.inMemory();
        dev.cwmp.provisioning.PresetStore presets = dev.cwmp.provisioning.PresetStore.inMemory(List.of());
        ProvisioningDriver driver = ProvisioningDriver.builder(presets).objectLookup(catalog::get).build();
        fixture = new NbiFixture(false, acs -> acs.sessionDriver(driver), b -> b.presets(presets).objects(catalog)
                .provisioning(driver.store()));
        try (driver) {
            fixture.send("PUT", "/objects/guest", GUEST);
            fixture.send("PUT", "/presets/guest-wifi", """
                    {"channel": "wifi", "precondition": "", "configurations": [
                      {"type": "add_object", "name": "Device.WiFi.SSID", "object": "guest"}]}""");
            assertThat(fixture.send("DELETE", "/objects/guest", null).statusCode()).isEqualTo(200);

            SimulatedDevice cpe = fixture.simulator.add(dev.cwmp.testkit.sim.DeviceProfile.mikrotikRb951Ui2HnD(),
                    SERIAL);
            cpe.powerOn();
            SessionRecord session = fixture.awaitSession();

            assertThat(session.acsMethodNames()).doesNotContain("AddObject");
            assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).isEmpty();
            JsonNode faults = json(fixture.get("/faults/"));
            assertThat(faults).hasSize(1);
            assertThat(faults.get(0).get("channel").asText()).isEqualTo("wifi");
            assertThat(faults.get(0).get("message").asText()).contains("no object named 'guest'");
        }
    }
}
