package dev.cwmp.datamodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The definition of an object of a data model.
 *
 * @param path the definition path, with {@code {i}} for instance numbers and a trailing dot, e.g.
 *     {@code Device.WiFi.SSID.{i}.}
 * @param multiInstance whether this is a table (its path ends in {@code {i}.})
 * @param access {@link Access#READ_WRITE} when the ACS may add and delete instances
 * @param minEntries the fewest instances
 * @param maxEntries the most instances, empty when unbounded ("unbounded" in the XML)
 * @param uniqueKeys the unique keys of a table, each a list of parameter names
 * @param numEntriesParameter the path of the parameter that counts the instances of a table
 *     (e.g. {@code Device.WiFi.SSIDNumberOfEntries})
 * @param enableParameter the name of the parameter that enables an instance, when the model names one
 * @param status the life-cycle status of the definition
 */
public record ObjectDefinition(
        String path,
        boolean multiInstance,
        Access access,
        int minEntries,
        OptionalInt maxEntries,
        List<List<String>> uniqueKeys,
        Optional<String> numEntriesParameter,
        Optional<String> enableParameter,
        Status status) {

    public ObjectDefinition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(maxEntries, "maxEntries");
        Objects.requireNonNull(numEntriesParameter, "numEntriesParameter");
        Objects.requireNonNull(enableParameter, "enableParameter");
        Objects.requireNonNull(status, "status");
        if (!path.endsWith(".")) {
            throw new IllegalArgumentException("object path must end with '.': " + path);
        }
        if (minEntries < 0 || (maxEntries.isPresent() && maxEntries.getAsInt() < minEntries)) {
            throw new IllegalArgumentException("bad entries " + minEntries + ".." + maxEntries + " for " + path);
        }
        List<List<String>> keys = new java.util.ArrayList<>(uniqueKeys.size());
        for (List<String> key : uniqueKeys) {
            keys.add(List.copyOf(key));
        }
        uniqueKeys = List.copyOf(keys);
    }

    /** Whether the number of instances is unbounded. */
    public boolean isUnbounded() {
        return maxEntries.isEmpty();
    }

    /** Whether the ACS may add and delete instances. */
    public boolean isWritable() {
        return access.isWritable();
    }
}
