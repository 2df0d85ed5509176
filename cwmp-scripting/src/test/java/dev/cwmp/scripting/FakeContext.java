package dev.cwmp.scripting;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.ExtensionFunction;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provision context over a parameter tree, for unit tests: records the declarations and calls,
 * and commits like the engine (a declaration of something unknown or older than asked is pending).
 */
final class FakeContext implements ProvisionContext {

    /** What the engine's commit throws while something is pending. */
    static final class Pending extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Pending() {
            super("pending", null, false, false);
        }
    }

    record Declaration(String path, Timestamps timestamps, Values values) {
    }

    final DeviceId deviceId;
    final Instant now;
    final ParameterTree tree = new ParameterTree();
    final List<Declaration> declarations = new ArrayList<>();
    final List<String> logs = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final Set<String> tags = new LinkedHashSet<>();
    final Map<String, ExtensionFunction> extensions = new HashMap<>();
    private boolean pending;

    FakeContext(DeviceId deviceId, Instant now) {
        this.deviceId = deviceId;
        this.now = now;
    }

    FakeContext value(String path, String value, String type, Instant readAt) {
        ParameterPath p = ParameterPath.parse(path);
        tree.mergeNames(p, false, List.of(new ParameterTree.NameInfo(p, true)), readAt);
        tree.mergeValues(List.of(new ParameterTree.ValueInfo(p, value, Optional.of(type))), readAt);
        return this;
    }

    @Override
    public DeviceId deviceId() {
        return deviceId;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public List<ParameterTree.Entry> declare(String path, Timestamps timestamps, Values values) {
        declarations.add(new Declaration(path, timestamps, values));
        List<ParameterTree.Entry> found = tree.query(ParameterPath.parse(path));
        if (found.isEmpty()) {
            pending = true;
        }
        for (ParameterTree.Entry e : found) {
            if (timestamps.value().isPresent()
                    && e.valueReadAt().map(t -> t.isBefore(timestamps.value().get())).orElse(true)) {
                pending = true;
            }
            if (values.value().isPresent() && !values.value().equals(e.value())) {
                pending = true;
            }
        }
        return found;
    }

    @Override
    public void clear(String path, Instant time) {
        calls.add("clear " + path + " " + time);
    }

    @Override
    public void commit() {
        calls.add("commit");
        if (pending) {
            throw new Pending();
        }
    }

    @Override
    public Object ext(String name, List<Object> args) {
        calls.add("ext " + name + " " + args);
        try {
            return extensions.get(name).apply(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void log(String message) {
        logs.add(message);
    }

    @Override
    public Set<String> tags() {
        return Set.copyOf(tags);
    }

    @Override
    public void tag(String tag, boolean present) {
        if (present) {
            tags.add(tag);
        } else {
            tags.remove(tag);
        }
    }

    @Override
    public void reboot() {
        calls.add("reboot");
    }

    @Override
    public void factoryReset() {
        calls.add("factoryReset");
    }

    @Override
    public void download(String fileType, String url, String targetFileName) {
        calls.add("download " + fileType + " " + url + " " + targetFileName);
    }
}
