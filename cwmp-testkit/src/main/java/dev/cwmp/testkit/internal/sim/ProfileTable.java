package dev.cwmp.testkit.internal.sim;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.InvalidPathException;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.protocol.rpc.XsdType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The shared, immutable definitions and default values of one device model: every object and
 * parameter in path order, with its type, writability and default value. Devices of the model keep
 * only what differs from it, so thousands of devices share one table.
 */
public final class ProfileTable {

    /** One object or parameter of the model; objects' paths end with a dot. */
    public record Node(String path, boolean object, boolean writable, boolean table, boolean secret,
            XsdType type, String value, int notification) {
    }

    private final String rootName;
    private final Node[] nodes;
    private final Map<String, Integer> index;
    private final Optional<DataModel> standard;

    private ProfileTable(String rootName, Node[] nodes, Optional<DataModel> standard) {
        this.rootName = rootName;
        this.nodes = nodes;
        this.standard = standard;
        this.index = new HashMap<>(nodes.length * 2);
        for (int i = 0; i < nodes.length; i++) {
            index.put(nodes[i].path(), i);
        }
    }

    /** Builds a table from rows (object paths end with a dot); adds missing ancestors and marks tables. */
    public static ProfileTable of(List<Node> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a device profile needs at least one parameter");
        }
        String root = rootOf(rows.get(0).path());
        Optional<DataModel> standard = DataModel.forRoot(root);
        Map<String, Node> byPath = new java.util.TreeMap<>();
        for (Node row : rows) {
            if (!rootOf(row.path()).equals(root)) {
                throw new IllegalArgumentException("path outside root " + root + ": " + row.path());
            }
            byPath.put(row.path(), row);
        }
        // Ancestors the rows do not list, as read-only objects.
        for (Node row : new ArrayList<>(byPath.values())) {
            String p = row.path();
            int end = p.endsWith(".") ? p.length() - 1 : p.length();
            for (int dot = p.lastIndexOf('.', end - 1); dot > 0; dot = p.lastIndexOf('.', dot - 1)) {
                byPath.putIfAbsent(p.substring(0, dot + 1),
                        new Node(p.substring(0, dot + 1), true, false, false, false, XsdType.UNSPECIFIED, "", 0));
            }
        }
        List<Node> out = new ArrayList<>(byPath.size());
        for (Node n : byPath.values()) {
            if (n.object()) {
                boolean table = n.writable() && isTableName(n.path()) && (hasInstanceChild(byPath, n.path())
                        || standard.flatMap(m -> definitionPath(n.path()).flatMap(m::table)).isPresent());
                table |= hasInstanceChild(byPath, n.path()) && isTableName(n.path());
                out.add(new Node(n.path(), true, n.writable(), table, false, XsdType.UNSPECIFIED, "", 0));
            } else {
                boolean secret = standard.flatMap(m -> parameterDefinition(m, n.path()))
                        .map(ParameterDefinition::isSecret).orElse(false);
                out.add(new Node(n.path(), false, n.writable(), false, secret || n.secret(), n.type(),
                        n.value().intern(), n.notification()));
            }
        }
        // Canonical CWMP order: a parameter path sorts like its characters, objects before their members.
        return new ProfileTable(root, out.toArray(new Node[0]), standard);
    }

    private static boolean isTableName(String objectPath) {
        String last = lastSegment(objectPath);
        return !last.isEmpty() && !Character.isDigit(last.charAt(0));
    }

    private static boolean hasInstanceChild(Map<String, Node> byPath, String objectPath) {
        for (Map.Entry<String, Node> e : ((java.util.TreeMap<String, Node>) byPath).tailMap(objectPath, false).entrySet()) {
            String p = e.getKey();
            if (!p.startsWith(objectPath)) {
                return false;
            }
            String rest = p.substring(objectPath.length());
            int dot = rest.indexOf('.');
            if (dot > 0 && isNumber(rest.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    static String lastSegment(String path) {
        int end = path.endsWith(".") ? path.length() - 1 : path.length();
        int dot = path.lastIndexOf('.', end - 1);
        return path.substring(dot + 1, end);
    }

    static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String rootOf(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    static Optional<String> definitionPath(String path) {
        try {
            return Optional.of(ParameterPath.parse(path).definitionPath());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    static Optional<ParameterDefinition> parameterDefinition(DataModel model, String path) {
        return definitionPath(path).flatMap(model::parameter);
    }

    /** The root object's name, {@code Device} or {@code InternetGatewayDevice}. */
    public String rootName() {
        return rootName;
    }

    /** The standard data model of the root, if the toolkit has it. */
    public Optional<DataModel> standard() {
        return standard;
    }

    /** How many objects and parameters. */
    public int size() {
        return nodes.length;
    }

    /** The node at a position (path order). */
    public Node node(int i) {
        return nodes[i];
    }

    /** The position of a path, or empty. */
    public OptionalInt indexOf(String path) {
        Integer i = index.get(path);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The node at a path, or empty. */
    public Optional<Node> find(String path) {
        Integer i = index.get(path);
        return i == null ? Optional.empty() : Optional.of(nodes[i]);
    }

    /** The number of parameters (leaves). */
    public int parameterCount() {
        int n = 0;
        for (Node node : nodes) {
            if (!node.object()) {
                n++;
            }
        }
        return n;
    }
}
