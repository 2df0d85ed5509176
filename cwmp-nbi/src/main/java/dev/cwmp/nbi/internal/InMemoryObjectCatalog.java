package dev.cwmp.nbi.internal;

import dev.cwmp.nbi.ObjectCatalog;
import dev.cwmp.provisioning.PresetObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link ObjectCatalog#inMemory()}: a sorted concurrent map by id. */
public final class InMemoryObjectCatalog implements ObjectCatalog {

    private final ConcurrentSkipListMap<String, PresetObject> objects = new ConcurrentSkipListMap<>();

    @Override
    public List<PresetObject> all() {
        return List.copyOf(objects.values());
    }

    @Override
    public Optional<PresetObject> get(String id) {
        return Optional.ofNullable(objects.get(id));
    }

    @Override
    public void put(PresetObject object) {
        Objects.requireNonNull(object, "object");
        objects.put(object.id(), object);
    }

    @Override
    public boolean delete(String id) {
        return objects.remove(id) != null;
    }
}
