package dev.cwmp.provisioning.internal;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.DeviceView.ParameterValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads parameter values from a tree, caching each path's answer (trees answer with fresh entries). */
final class TreeLookup {

    private final ParameterTree tree;
    private final Map<ParameterPath, Optional<ParameterValue>> cache = new HashMap<>();

    TreeLookup(ParameterTree tree) {
        this.tree = tree;
    }

    Optional<ParameterValue> value(ParameterPath path) {
        Optional<ParameterValue> cached = cache.get(path);
        if (cached == null) {
            cached = read(path);
            cache.put(path, cached);
        }
        return cached;
    }

    private Optional<ParameterValue> read(ParameterPath path) {
        if (path.isConcrete()) {
            return tree.get(path).flatMap(e -> e.object() ? Optional.empty()
                    : e.value().map(v -> new ParameterValue(v, e.type())));
        }
        List<ParameterTree.Entry> entries = tree.query(path);
        for (ParameterTree.Entry e : entries) {
            if (!e.object() && e.value().isPresent()) {
                return Optional.of(new ParameterValue(e.value().get(), e.type()));
            }
        }
        return Optional.empty();
    }
}
