package dev.cwmp.nbi.internal;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.ProvisioningException;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.VirtualParameterValue;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.session.TaskAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NBI tasks that name {@code VirtualParameters.*}: the virtual parameters are computed on the ACS
 * with the {@link VirtualParameterSource} (never asked of the CPE, which would fault), from the
 * device's stored tree, and merged into it; only the task's real parameters go to the CPE.
 */
public final class VirtualParameterTasks {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualParameterTasks.class);

    /** The root of virtual parameters. */
    public static final String ROOT = "VirtualParameters";

    private final VirtualParameterSource source;
    private final Object[] stripes = new Object[64];

    public VirtualParameterTasks(VirtualParameterSource source) {
        this.source = source;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * A task split into the virtual parameters it names and what remains for the CPE.
     *
     * @param virtualNames the virtual parameters' names (one segment each), in order
     * @param forCpe the task without them; empty when nothing is left for the CPE
     */
    public record Split(List<String> virtualNames, Optional<TaskAction> forCpe) {
        public Split {
            virtualNames = List.copyOf(virtualNames);
        }
    }

    /** The task split, when it names virtual parameters (getParameterValues, refreshObject). */
    public Optional<Split> split(TaskAction action) {
        if (action instanceof TaskAction.GetParameterValues get) {
            Set<String> virtual = new LinkedHashSet<>();
            List<String> real = new ArrayList<>();
            for (String name : get.parameterNames()) {
                Optional<List<String>> v = virtualNames(name);
                if (v.isPresent()) {
                    virtual.addAll(v.get());
                } else {
                    real.add(name);
                }
            }
            if (real.size() == get.parameterNames().size()) {
                return Optional.empty();
            }
            return Optional.of(new Split(List.copyOf(virtual),
                    real.isEmpty() ? Optional.empty() : Optional.of(new TaskAction.GetParameterValues(real))));
        }
        if (action instanceof TaskAction.RefreshObject refresh) {
            return virtualNames(refresh.path()).map(names -> new Split(names, Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * The virtual parameters a path names: {@code VirtualParameters}, {@code VirtualParameters.} or
     * {@code VirtualParameters.*} all of the source's, {@code VirtualParameters.<name>} that one.
     */
    private Optional<List<String>> virtualNames(String path) {
        if (!path.equals(ROOT) && !path.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = path.length() <= ROOT.length() + 1 ? "" : path.substring(ROOT.length() + 1);
        if (rest.endsWith(".")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty() || rest.equals("*")) {
            return Optional.of(source.names());
        }
        if (rest.contains(".") || rest.contains("*") || rest.contains("[") || rest.contains("{")) {
            throw HttpError.badRequest("a virtual parameter is " + ROOT + ".<name> or " + ROOT + ".*: " + path);
        }
        return Optional.of(List.of(rest));
    }

    /**
     * Computes the virtual parameters from the device's stored tree and merges them into it: each
     * computed one replaces its entry, one the source does not know leaves the tree. Requests of one
     * device are computed one at a time.
     *
     * @return the entries merged, in order
     * @throws ProvisioningException when a computation fails (nothing is merged then)
     */
    public List<ParameterTree.Entry> compute(DeviceStore devices, DeviceRecord record, List<String> names,
            Instant now) {
        DeviceId id = record.id();
        synchronized (stripes[Math.floorMod(id.hashCode(), stripes.length)]) {
            ParameterTree tree = devices.parameters(id).orElseGet(ParameterTree::new);
            StoredTreeContext context = new StoredTreeContext(id, record.tags(), now, tree);
            List<ParameterTree.Entry> merged = new ArrayList<>();
            List<ParameterPath> unknown = new ArrayList<>();
            for (String name : names) {
                ParameterPath path = ParameterPath.parse(ROOT + "." + name);
                Optional<VirtualParameterValue> computed;
                try {
                    computed = source.evaluate(name, context, Timestamps.value(now), Values.none());
                } catch (ProvisioningException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new ProvisioningException("virtual parameter " + name + " failed: " + e.getMessage());
                }
                if (computed.isEmpty()) {
                    unknown.add(path);
                    continue;
                }
                VirtualParameterValue v = computed.get();
                Optional<ParameterTree.Entry> before = tree.get(path);
                merged.add(new ParameterTree.Entry(path, false, Optional.of(v.writable()), v.value(),
                        Optional.of(v.type()), before.map(ParameterTree.Entry::notification).orElse(OptionalInt.empty()),
                        before.flatMap(ParameterTree.Entry::accessList), Optional.of(now), Optional.of(now),
                        before.flatMap(ParameterTree.Entry::attributesReadAt), Set.of()));
            }
            boolean changed = false;
            for (ParameterPath path : unknown) {
                changed |= tree.get(path).isPresent();
                tree.delete(path);
            }
            for (ParameterTree.Entry e : merged) {
                tree.put(e);
                changed = true;
            }
            if (changed) {
                devices.saveSession(id, r -> r, record, tree);
            }
            LOG.info("NBI: computed virtual parameters {} of device {}", names, id);
            return merged;
        }
    }

    /**
     * What a virtual parameter's script sees when an NBI task computes it: the device's stored
     * tree (declarations are answered from it, whatever their timestamps: nothing is asked of the
     * CPE), its tags; it cannot write, tag, reboot, reset or download, and has no extensions.
     */
    private static final class StoredTreeContext implements ProvisionContext {
        private final DeviceId id;
        private final Set<String> tags;
        private final Instant now;
        private final ParameterTree tree;

        StoredTreeContext(DeviceId id, Set<String> tags, Instant now, ParameterTree tree) {
            this.id = id;
            this.tags = Set.copyOf(tags);
            this.now = now;
            this.tree = tree;
        }

        @Override
        public DeviceId deviceId() {
            return id;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public List<ParameterTree.Entry> declare(String path, Timestamps timestamps, Values values) {
            ParameterPath pattern;
            try {
                pattern = ParameterPath.parse(path);
            } catch (RuntimeException e) {
                throw new ProvisioningException("bad path '" + path + "': " + e.getMessage());
            }
            if (values.value().isPresent() || values.instances().isPresent()) {
                LOG.debug("{}: a virtual parameter computed for an NBI task declared a value of {}: not written",
                        id, path);
            }
            return tree.query(pattern);
        }

        @Override
        public void clear(String path, Instant time) {
            // Nothing is cached beyond the stored tree: nothing to clear.
        }

        @Override
        public void commit() {
            // Declarations are answered at once from the stored tree: nothing is ever pending.
        }

        @Override
        public Object ext(String name, List<Object> args) {
            throw new ProvisioningException("extensions are not available to a virtual parameter computed for an "
                    + "NBI task (ext '" + name + "')");
        }

        @Override
        public void log(String message) {
            LOG.info("{}: {}", id, message);
        }

        @Override
        public Set<String> tags() {
            return tags;
        }

        @Override
        public void tag(String tag, boolean present) {
            throw refused("tag");
        }

        @Override
        public void reboot() {
            throw refused("reboot");
        }

        @Override
        public void factoryReset() {
            throw refused("factoryReset");
        }

        @Override
        public void download(String fileType, String url, String targetFileName) {
            throw refused("download");
        }

        private static ProvisioningException refused(String what) {
            return new ProvisioningException(what + " is not available to a virtual parameter");
        }
    }
}
