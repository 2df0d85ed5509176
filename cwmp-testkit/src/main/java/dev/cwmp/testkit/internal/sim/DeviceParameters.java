package dev.cwmp.testkit.internal.sim;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.ObjectDefinition;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.testkit.internal.sim.ProfileTable.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One device's parameters: the shared {@link ProfileTable} plus a copy-on-write overlay of what
 * differs (changed values, added and deleted instances, notification attributes). A factory reset
 * drops the overlay but keeps the provisioned values (identity and TR-069 client settings, which a
 * default script restores). Not thread-safe: the device serializes access.
 */
public final class DeviceParameters {

    private final ProfileTable table;
    private final Map<String, String> provisioned;
    private Map<String, String> changed;
    private LinkedHashMap<String, Node> added;
    private List<String> deleted;
    private Map<String, Integer> notifications;

    public DeviceParameters(ProfileTable table, Map<String, String> provisioned) {
        this.table = table;
        this.provisioned = new HashMap<>(provisioned);
    }

    public ProfileTable table() {
        return table;
    }

    /** Forgets every change but the provisioned values. */
    public void factoryReset() {
        changed = null;
        added = null;
        deleted = null;
        notifications = null;
    }

    /** Sets a provisioned value (survives a factory reset). */
    public void provision(String path, String value) {
        provisioned.put(path, value);
        if (changed != null) {
            changed.remove(path);
        }
    }

    /** The node at a path on this device (deleted instances excluded), or empty. */
    public Optional<Node> find(String path) {
        if (isDeleted(path)) {
            return Optional.empty();
        }
        Optional<Node> n = table.find(path);
        if (n.isPresent() || added == null) {
            return n;
        }
        return Optional.ofNullable(added.get(path));
    }

    private boolean isDeleted(String path) {
        if (deleted == null) {
            return false;
        }
        for (String prefix : deleted) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The current value of a parameter. */
    public Optional<String> value(String path) {
        Optional<Node> n = find(path);
        if (n.isEmpty() || n.get().object()) {
            return Optional.empty();
        }
        return Optional.of(currentValue(n.get()));
    }

    /** The current value of a node known to exist. */
    public String currentValue(Node n) {
        if (changed != null) {
            String v = changed.get(n.path());
            if (v != null) {
                return v;
            }
        }
        String p = provisioned.get(n.path());
        return p != null ? p : n.value();
    }

    /** Changes a value (the caller has checked the path and the value). */
    public void set(String path, String value) {
        if (changed == null) {
            changed = new HashMap<>(4);
        }
        changed.put(path, value);
    }

    /** The notification attribute (0 off, 1 passive, 2 active). */
    public int notification(Node n) {
        if (notifications != null) {
            Integer v = notifications.get(n.path());
            if (v != null) {
                return v;
            }
        }
        return n.notification();
    }

    public void setNotification(String path, int value) {
        if (notifications == null) {
            notifications = new HashMap<>(4);
        }
        notifications.put(path, value);
    }

    /** Every node at or under a partial path ("" for everything), in path order. */
    public void forEachUnder(String prefix, Consumer<Node> action) {
        if (prefix.isEmpty()) {
            for (int i = 0; i < table.size(); i++) {
                Node n = table.node(i);
                if (!isDeleted(n.path())) {
                    action.accept(n);
                }
            }
        } else {
            int start = table.indexOf(prefix).orElse(-1);
            if (start >= 0) {
                for (int i = start; i < table.size() && table.node(i).path().startsWith(prefix); i++) {
                    Node n = table.node(i);
                    if (!isDeleted(n.path())) {
                        action.accept(n);
                    }
                }
            }
        }
        if (added != null) {
            for (Node n : added.values()) {
                if (n.path().startsWith(prefix) && !isDeleted(n.path())) {
                    action.accept(n);
                }
            }
        }
    }

    /** Instance numbers present under a table path ({@code Device.WiFi.SSID.}). */
    public List<Long> instances(String tablePath) {
        List<Long> out = new ArrayList<>();
        forEachUnder(tablePath, n -> {
            if (n.object()) {
                String rest = n.path().substring(tablePath.length());
                int dot = rest.indexOf('.');
                if (dot > 0 && dot == rest.length() - 1 && ProfileTable.isNumber(rest.substring(0, dot))) {
                    out.add(Long.parseLong(rest.substring(0, dot)));
                }
            }
        });
        return out;
    }

    /** Adds an instance to a table; returns its number. */
    public long addInstance(String tablePath) {
        long next = 1;
        for (long i : instances(tablePath)) {
            next = Math.max(next, i + 1);
        }
        for (Node n : table.find(tablePath).isPresent() ? deletedInstanceNumbersOf(tablePath) : List.<Node>of()) {
            next = Math.max(next, instanceNumber(tablePath, n.path()) + 1);
        }
        String instance = tablePath + next + ".";
        if (added == null) {
            added = new LinkedHashMap<>();
        }
        added.put(instance, new Node(instance, true, true, false, false, XsdType.UNSPECIFIED, "", 0));
        List<Node> members = prototypeMembers(tablePath);
        for (Node m : members) {
            String path = instance + m.path();
            added.put(path, new Node(path, m.object(), m.writable(), m.table(), m.secret(), m.type(), m.value(), 0));
        }
        if (deleted != null) {
            deleted.remove(instance);
        }
        updateCount(tablePath);
        return next;
    }

    // Numbers of template instances deleted on this device: never reused.
    private List<Node> deletedInstanceNumbersOf(String tablePath) {
        List<Node> out = new ArrayList<>();
        if (deleted == null) {
            return out;
        }
        for (String d : deleted) {
            if (d.startsWith(tablePath) && d.indexOf('.', tablePath.length()) == d.length() - 1) {
                out.add(new Node(d, true, true, false, false, XsdType.UNSPECIFIED, "", 0));
            }
        }
        return out;
    }

    private static long instanceNumber(String tablePath, String instancePath) {
        String n = instancePath.substring(tablePath.length(), instancePath.length() - 1);
        return ProfileTable.isNumber(n) ? Long.parseLong(n) : 0;
    }

    /** Members of a new instance, relative paths: from the lowest template instance, else from the model. */
    private List<Node> prototypeMembers(String tablePath) {
        List<Node> out = new ArrayList<>();
        String prototype = null;
        int start = table.indexOf(tablePath).orElse(-1);
        if (start >= 0) {
            for (int i = start + 1; i < table.size() && table.node(i).path().startsWith(tablePath); i++) {
                String rest = table.node(i).path().substring(tablePath.length());
                int dot = rest.indexOf('.');
                if (dot > 0 && ProfileTable.isNumber(rest.substring(0, dot))) {
                    prototype = tablePath + rest.substring(0, dot + 1);
                    break;
                }
            }
        }
        if (prototype != null) {
            int p = table.indexOf(prototype).orElseThrow();
            for (int i = p + 1; i < table.size() && table.node(i).path().startsWith(prototype); i++) {
                Node n = table.node(i);
                String rel = n.path().substring(prototype.length());
                if (containsInstance(rel)) {
                    continue; // instances of nested tables are not created with the parent
                }
                out.add(new Node(rel, n.object(), n.writable(), n.table(), n.secret(), n.type(),
                        n.object() ? "" : initialValue(n.type()), 0));
            }
            return out;
        }
        Optional<DataModel> model = table.standard();
        Optional<String> def = ProfileTable.definitionPath(tablePath);
        if (model.isPresent() && def.isPresent()) {
            String objectDef = def.get() + "{i}.";
            for (ParameterDefinition d : model.get().parameters()) {
                if (d.objectPath().equals(objectDef)) {
                    XsdType type = XsdType.fromWireName(d.type().xsdType());
                    String value = d.defaultValue()
                            .filter(v -> v.kind() != ParameterDefinition.DefaultValue.Kind.IMPLEMENTATION)
                            .map(ParameterDefinition.DefaultValue::value).orElse(initialValue(type));
                    out.add(new Node(d.name(), false, d.isWritable(), false, d.isSecret(), type, value, 0));
                }
            }
            for (ObjectDefinition o : model.get().objects()) {
                if (o.path().startsWith(objectDef) && o.path().length() > objectDef.length()
                        && o.path().indexOf('.', objectDef.length()) == o.path().length() - 1) {
                    String rel = o.path().substring(objectDef.length());
                    boolean isTable = rel.endsWith("{i}.");
                    if (!isTable) {
                        out.add(new Node(rel, true, false, false, false, XsdType.UNSPECIFIED, "", 0));
                    }
                }
            }
        }
        return out;
    }

    private static boolean containsInstance(String relativePath) {
        for (String segment : relativePath.split("\\.")) {
            if (ProfileTable.isNumber(segment)) {
                return true;
            }
        }
        return false;
    }

    /** The value a new parameter of a type starts with. */
    public static String initialValue(XsdType type) {
        switch (type) {
            case INT:
            case UNSIGNED_INT:
            case LONG:
            case UNSIGNED_LONG:
                return "0";
            case BOOLEAN:
                return "false";
            case DATE_TIME:
                return "0001-01-01T00:00:00Z";
            default:
                return "";
        }
    }

    /** Deletes an instance and everything under it. */
    public void deleteInstance(String instancePath, String tablePath) {
        if (added != null && added.containsKey(instancePath)) {
            added.keySet().removeIf(p -> p.startsWith(instancePath));
        }
        if (table.find(instancePath).isPresent()) {
            if (deleted == null) {
                deleted = new ArrayList<>(2);
            }
            deleted.add(instancePath);
        }
        if (changed != null) {
            changed.keySet().removeIf(p -> p.startsWith(instancePath));
        }
        updateCount(tablePath);
    }

    private void updateCount(String tablePath) {
        String withoutDot = tablePath.substring(0, tablePath.length() - 1);
        String count = withoutDot + "NumberOfEntries";
        if (find(count).isPresent()) {
            set(count, Integer.toString(instances(tablePath).size()));
        }
    }

    /** How many values this device holds beyond the shared table (for diagnostics). */
    public int overlaySize() {
        return provisioned.size() + (changed == null ? 0 : changed.size()) + (added == null ? 0 : added.size())
                + (deleted == null ? 0 : deleted.size());
    }
}
