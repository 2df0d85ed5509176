package dev.cwmp.nbi;

import dev.cwmp.nbi.internal.InMemoryObjectCatalog;
import dev.cwmp.provisioning.PresetObject;
import java.util.List;
import java.util.Optional;

/**
 * The objects presets' {@code add_object} / {@code delete_object} entries name (GenieACS's
 * {@code objects} collection), changeable through the NBI's {@code PUT/GET/DELETE /objects/<id>}.
 * Hand {@link #get} to {@code ProvisioningDriver.Builder.objectLookup(catalog::get)} so that objects
 * stored through the NBI are used by the presets at the next session. Implementations are thread-safe.
 */
public interface ObjectCatalog {

    /** Every object, sorted by id. */
    List<PresetObject> all();

    /** The object of that id. */
    Optional<PresetObject> get(String id);

    /** Stores (or replaces) an object under its id. */
    void put(PresetObject object);

    /** Removes the object of that id; whether there was one. */
    boolean delete(String id);

    /** A catalog in memory. */
    static ObjectCatalog inMemory() {
        return new InMemoryObjectCatalog();
    }
}
