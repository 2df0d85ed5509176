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
            return concrete(path);
        }
        List<ParameterPath.Segment> segments = path.segments();
        for (ParameterPath.Segment s : segments) {
            if (!(s instanceof ParameterPath.Name || s instanceof ParameterPath.Instance
                    || s instanceof ParameterPath.Wildcard)) {
                return firstOfQuery(path);
            }
        }
        if (!(segments.get(0) instanceof ParameterPath.Name root)) {
            return Optional.empty();
        }
        return firstMatch(segments, 1, ParameterPath.root(root.name()));
    }

    /** Expands wildcards left to right, instances in order, and stops at the first parameter with a value. */
    private Optional<ParameterValue> firstMatch(List<ParameterPath.Segment> segments, int index, ParameterPath object) {
        ParameterPath.Segment s = segments.get(index);
        boolean last = index == segments.size() - 1;
        if (s instanceof ParameterPath.Wildcard) {
            if (last) {
                return Optional.empty(); // a wildcard names instances (objects), which have no value
            }
            for (long instance : tree.instances(object)) {
                Optional<ParameterValue> found = firstMatch(segments, index + 1, object.child(instance));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (s instanceof ParameterPath.Instance i) {
            return last ? Optional.empty() : firstMatch(segments, index + 1, object.child(i.number()));
        }
        String name = ((ParameterPath.Name) s).name();
        return last ? concrete(object.child(name)) : firstMatch(segments, index + 1, object.childObject(name));
    }

    private Optional<ParameterValue> concrete(ParameterPath path) {
        return tree.get(path).flatMap(e -> e.object() ? Optional.empty()
                : e.value().map(v -> new ParameterValue(v, e.type())));
    }

    private Optional<ParameterValue> firstOfQuery(ParameterPath path) {
        for (ParameterTree.Entry e : tree.query(path)) {
            if (!e.object() && e.value().isPresent()) {
                return Optional.of(new ParameterValue(e.value().get(), e.type()));
            }
        }
        return Optional.empty();
    }
}
