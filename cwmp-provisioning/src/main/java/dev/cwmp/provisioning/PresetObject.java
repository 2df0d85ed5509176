package dev.cwmp.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored object a preset's {@code add_object} / {@code delete_object} entries refer to by id
 * (GenieACS's {@code objects} collection): the parameters of an instance and which of them are its
 * keys. {@code add_object} ensures an instance with the key values exists under the entry's path
 * (adding one when none does) and sets the other parameters on it; {@code delete_object} deletes
 * every instance with the key values. Registered with {@link ProvisioningDriver.Builder#object}.
 *
 * <p>Example: id {@code guest}, parameters {@code SSID=guest, Enable=true}, keys {@code [SSID]},
 * used by {@code {"type": "add_object", "name": "Device.WiFi.SSID", "object": "guest"}}.
 *
 * @param id the id the preset entries use
 * @param parameters the instance's parameters (names relative to the instance) and values
 * @param keys the names among {@code parameters} that identify the instance (at least one)
 */
public record PresetObject(String id, Map<String, String> parameters, List<String> keys) {

    public PresetObject {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an object's id is not empty");
        }
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("object " + id + " needs at least one key parameter");
        }
        for (String name : parameters.keySet()) {
            if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("*")) {
                throw new IllegalArgumentException("object " + id + ": not a relative parameter name: '" + name + "'");
            }
            Objects.requireNonNull(parameters.get(name), "value of " + name);
        }
        for (String key : keys) {
            if (!parameters.containsKey(key)) {
                throw new IllegalArgumentException("object " + id + ": key " + key + " has no value");
            }
        }
    }
}
