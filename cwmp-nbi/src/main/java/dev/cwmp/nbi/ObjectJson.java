package dev.cwmp.nbi;

import dev.cwmp.nbi.internal.HttpError;
import dev.cwmp.nbi.internal.Json;
import dev.cwmp.nbi.internal.ObjectDocuments;
import dev.cwmp.provisioning.PresetObject;

/**
 * GenieACS's object documents, as {@code PUT /objects/<id>} takes them and {@code GET /objects/}
 * shows them: {@code {"_id": "guest", "SSID": "guest", "Enable": true, "_keys": ["SSID"]}}. Every
 * field not starting with {@code _} is a parameter (relative to the instance) with a string, number
 * or boolean value; {@code _keys} names the parameters that identify an instance. Use it to keep a
 * {@link ObjectCatalog} in a file or a database.
 */
public final class ObjectJson {

    private ObjectJson() {
    }

    /**
     * Reads an object document; its id is {@code id} (a {@code _id} in the document is ignored: the
     * NBI's path names the object).
     *
     * @throws IllegalArgumentException when the text is not such a document (the message says why)
     */
    public static PresetObject read(String id, String json) {
        try {
            return ObjectDocuments.read(id, Json.parse(json, "the object"));
        } catch (HttpError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The object's document (values as strings). */
    public static String write(PresetObject object) {
        return Json.write(ObjectDocuments.document(object));
    }
}
