package dev.cwmp.nbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.PresetObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectJsonTest {

    @Test
    void reads_parameters_and_keys_taking_the_id_given_and_writes_them_back() {
        PresetObject read = ObjectJson.read("port-22", """
                {"_id": "other", "_timestamp": "2026-11-25T10:00:00.000Z", "Protocol": "TCP", "ExternalPort": 22,
                 "Enable": true, "_keys": ["Protocol", "ExternalPort"]}""");

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Protocol", "TCP");
        parameters.put("ExternalPort", "22");
        parameters.put("Enable", "true");
        assertThat(read).isEqualTo(new PresetObject("port-22", parameters, List.of("Protocol", "ExternalPort")));
        assertThat(ObjectJson.write(read)).isEqualTo("{\"_id\":\"port-22\",\"Protocol\":\"TCP\",\"ExternalPort\":\"22\","
                + "\"Enable\":\"true\",\"_keys\":[\"Protocol\",\"ExternalPort\"]}");
        assertThat(ObjectJson.read("port-22", ObjectJson.write(read))).isEqualTo(read);
    }

    @Test
    void refuses_documents_that_are_not_objects_with_keys() {
        assertThatThrownBy(() -> ObjectJson.read("x", "{")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ObjectJson.read("x", "{\"SSID\": \"a\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("_keys");
        assertThatThrownBy(() -> ObjectJson.read("x", "{\"SSID\": [1], \"_keys\": [\"SSID\"]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the value of SSID");
        assertThatThrownBy(() -> ObjectJson.read("", "{\"SSID\": \"a\", \"_keys\": [\"SSID\"]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    }
}
