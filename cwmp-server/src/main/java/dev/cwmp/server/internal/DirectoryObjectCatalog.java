package dev.cwmp.server.internal;

import dev.cwmp.nbi.ObjectCatalog;
import dev.cwmp.nbi.ObjectJson;
import dev.cwmp.provisioning.PresetObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects put over the NBI ({@code /objects}), kept in memory and written through to a
 * directory, one file each (the id on the first line, GenieACS's object document after it), so they
 * survive a restart.
 */
public final class DirectoryObjectCatalog implements ObjectCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryObjectCatalog.class);

    private final TextDirectory files;
    private final ObjectCatalog objects = ObjectCatalog.inMemory();

    private DirectoryObjectCatalog(TextDirectory files) {
        this.files = files;
    }

    /** Opens the catalog in {@code dir}, reading every object found there (a file that does not read is skipped, logged). */
    public static DirectoryObjectCatalog open(Path dir) {
        DirectoryObjectCatalog catalog = new DirectoryObjectCatalog(new TextDirectory(dir, ".object"));
        for (String text : catalog.files.readAll()) {
            int newline = text.indexOf('\n');
            if (newline <= 0) {
                continue;
            }
            String id = text.substring(0, newline);
            try {
                catalog.objects.put(ObjectJson.read(id, text.substring(newline + 1)));
            } catch (IllegalArgumentException e) {
                LOG.warn("object '{}' in {} not loaded: {}", id, dir, e.getMessage());
            }
        }
        return catalog;
    }

    @Override
    public List<PresetObject> all() {
        return objects.all();
    }

    @Override
    public Optional<PresetObject> get(String id) {
        return objects.get(id);
    }

    @Override
    public synchronized void put(PresetObject object) {
        Objects.requireNonNull(object, "object");
        if (object.id().indexOf('\n') >= 0 || object.id().indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an object's id is on one line");
        }
        files.write(object.id(), object.id() + "\n" + ObjectJson.write(object));
        objects.put(object);
    }

    @Override
    public synchronized boolean delete(String id) {
        files.delete(id);
        return objects.delete(id);
    }
}
