package dev.cwmp.nbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwmp.provisioning.PresetObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GenieACS's object documents, read from and written to JSON trees (see {@link dev.cwmp.nbi.ObjectJson}). */
public final class ObjectDocuments {

    private ObjectDocuments() {
    }

    /** The object of that id the document describes; a 400 saying what is wrong otherwise. */
    public static PresetObject read(String id, JsonNode doc) {
        if (!doc.isObject()) {
            throw HttpError.badRequest("an object is a JSON object");
        }
        JsonNode keysNode = doc.get("_keys");
        if (keysNode == null || !keysNode.isArray() || keysNode.isEmpty()) {
            throw HttpError.badRequest("an object needs \"_keys\": a non-empty array of its parameters' names");
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode k : keysNode) {
            if (!k.isTextual()) {
                throw HttpError.badRequest("\"_keys\" holds strings only: " + k);
            }
            keys.add(k.textValue());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.startsWith("_")) {
                continue; // _id (the path names the object), _keys, and GenieACS's own fields such as _timestamp
            }
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw HttpError.badRequest("the value of " + name + " must be a string, number or boolean");
            }
            parameters.put(name, value.asText());
        }
        try {
            return new PresetObject(id, parameters, keys);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("bad object: " + e.getMessage());
        }
    }

    /** The object as GenieACS's NBI shows it: {@code _id}, the parameters (values as strings), {@code _keys}. */
    public static ObjectNode document(PresetObject object) {
        ObjectNode doc = Json.object();
        doc.put("_id", object.id());
        object.parameters().forEach(doc::put);
        object.keys().forEach(doc.putArray("_keys")::add);
        return doc;
    }
}
