package dev.cwmp.datamodel;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.cwmp.datamodel.internal.TreeNode;
import dev.cwmp.datamodel.internal.TreeStringPool;

/**
 * The ACS's view of one device's parameters: for each object and parameter what the device last
 * reported (object or parameter, writability, value and xsd type, notification and access list),
 * each with the time it was read.
 *
 * <p>Merging follows the RPCs: {@link #mergeNames} takes a GetParameterNames result and replaces the
 * set of names under the requested path (what disappeared is removed), {@link #mergeValues} takes
 * GetParameterValues results (or values just set), {@link #mergeAttributes} GetParameterAttributes
 * results. Queries take partial paths ({@code Device.WiFi.}: everything below) and patterns
 * ({@code Device.WiFi.SSID.*.SSID}, {@code Device.WiFi.SSID.[cpe-1].SSID},
 * {@code Device.WiFi.SSID.[SSID:home].Enable}). {@link #invalidate} marks what must be read again
 * without losing it; {@link #delete} forgets it; {@link #needingRefresh} lists what is stale or older
 * than a given time; {@link #diff} says which desired values must be set.
 *
 * <p>Mutable and not thread-safe: a session holds the device's lock while it works on the tree.
 * {@link #copy()} gives an independent deep copy (linear in the number of nodes; strings are shared).
 * Compact: names, short values, type names and access lists are pooled process-wide, children are
 * sorted arrays, timestamps are kept as epoch milliseconds (so to the millisecond) and flags are packed.
 */
public final class ParameterTree {

    /** The three things read from a device, each with its own timestamp. */
    public enum Aspect {
        /** Existence, object-ness and writability (GetParameterNames). */
        NAMES,
        /** Value and type (GetParameterValues). */
        VALUE,
        /** Notification and access list (GetParameterAttributes). */
        ATTRIBUTES
    }

    /** One name of a GetParameterNames result; objects end with {@code .}. */
    public record NameInfo(ParameterPath path, boolean writable) {
        public NameInfo {
            Objects.requireNonNull(path, "path");
            requireConcrete(path);
        }
    }

    /** One value of a GetParameterValues result; {@code type} is the xsd type name, e.g. {@code xsd:string}. */
    public record ValueInfo(ParameterPath path, String value, Optional<String> type) {
        public ValueInfo {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
            requireConcrete(path);
            if (path.isObjectPath()) {
                throw new IllegalArgumentException("a value belongs to a parameter, not to object " + path);
            }
        }

        /** A value with its type. */
        public ValueInfo(ParameterPath path, String value, String type) {
            this(path, value, Optional.of(type));
        }
    }

    /** One result of GetParameterAttributes: notification 0 (off) to 6 and the access list. */
    public record AttributeInfo(ParameterPath path, int notification, List<String> accessList) {
        public AttributeInfo {
            Objects.requireNonNull(path, "path");
            requireConcrete(path);
            if (notification < 0 || notification > 6) {
                throw new IllegalArgumentException("notification must be 0..6: " + notification);
            }
            accessList = List.copyOf(accessList);
        }
    }

    /**
     * What the tree knows of one object or parameter.
     *
     * @param path the path; partial for objects
     * @param object whether it is an object
     * @param writable writability, when read
     * @param value the value, when read (parameters only)
     * @param type the xsd type name, when known
     * @param notification the notification attribute, when read
     * @param accessList the access list, when read
     * @param namesReadAt when existence and writability were last read
     * @param valueReadAt when the value was last read
     * @param attributesReadAt when the attributes were last read
     * @param stale the aspects marked stale by {@link #invalidate}
     */
    public record Entry(
            ParameterPath path,
            boolean object,
            Optional<Boolean> writable,
            Optional<String> value,
            Optional<String> type,
            OptionalInt notification,
            Optional<List<String>> accessList,
            Optional<Instant> namesReadAt,
            Optional<Instant> valueReadAt,
            Optional<Instant> attributesReadAt,
            Set<Aspect> stale) {

        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(writable, "writable");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(notification, "notification");
            accessList = accessList.map(List::copyOf);
            Objects.requireNonNull(namesReadAt, "namesReadAt");
            Objects.requireNonNull(valueReadAt, "valueReadAt");
            Objects.requireNonNull(attributesReadAt, "attributesReadAt");
            stale = stale.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(stale));
            if (object != path.isObjectPath()) {
                throw new IllegalArgumentException("an object's path ends with '.', a parameter's does not: " + path);
            }
        }
    }

    /** A parameter whose value must be set: what the tree holds (if known) and what is wanted. */
    public record Change(ParameterPath path, Optional<String> current, String desired, Optional<String> type) {
        public Change {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(desired, "desired");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The result of {@link #diff}.
     *
     * @param toSet parameters whose value differs from the desired one (or was never read) and that
     *     are writable or of unknown writability
     * @param readOnly parameters whose value differs but that the device reported read-only
     * @param unknown desired paths (or patterns) that match no parameter of the tree
     */
    public record Diff(List<Change> toSet, List<Change> readOnly, List<ParameterPath> unknown) {
        public Diff {
            toSet = List.copyOf(toSet);
            readOnly = List.copyOf(readOnly);
            unknown = List.copyOf(unknown);
        }

        /** True when nothing must be set and nothing is missing. */
        public boolean isEmpty() {
            return toSet.isEmpty() && readOnly.isEmpty() && unknown.isEmpty();
        }
    }

    private TreeNode root = new TreeNode("");
    private int size;

    /** An empty tree. */
    public ParameterTree() {
        root.set(TreeNode.OBJECT, true);
    }

    private ParameterTree(TreeNode root, int size) {
        this.root = root;
        this.size = size;
    }

    /** An independent deep copy. */
    public ParameterTree copy() {
        return new ParameterTree(root.deepCopy(), size);
    }

    /** Number of objects and parameters held. */
    public int size() {
        return size;
    }

    /** Shrinks internal arrays to their sizes; worth calling after a bulk load. */
    public void trimToSize() {
        root.trim();
    }

    // ---------------------------------------------------------------------------------------------
    // Merging

    /**
     * Merges a GetParameterNames result for {@code requested}. With {@code nextLevel} false the
     * result is the whole subtree: every object and parameter below {@code requested} that is not
     * listed is removed. With {@code nextLevel} true the result lists the children of the requested
     * object: children not listed are removed with their subtrees, listed ones keep theirs. Listed
     * names are created when new, with their writability and {@code readAt}.
     *
     * @throws IllegalArgumentException for {@code nextLevel} with a parameter path, or a pattern
     */
    public void mergeNames(ParameterPath requested, boolean nextLevel, List<NameInfo> names, Instant readAt) {
        requireConcrete(requested);
        if (nextLevel && !requested.isObjectPath()) {
            throw new IllegalArgumentException("NextLevel needs an object path: " + requested);
        }
        long at = millis(readAt);
        TreeNode start = ensure(requested, requested.isObjectPath());
        if (!requested.isObjectPath()) {
            // A single parameter: it exists if listed, else it is gone.
            if (!upsertNames(names, at).contains(start)) {
                delete(requested);
            }
            return;
        }
        start.set(TreeNode.OBJECT, true);
        Set<TreeNode> touched = upsertNames(names, at);
        if (!nextLevel) {
            start.namesAt = at;
            start.set(TreeNode.NAMES_STALE, false);
            pruneUntouched(start, touched);
        } else {
            for (int i = start.childCount() - 1; i >= 0; i--) {
                TreeNode child = start.child(i);
                if (!touched.contains(child)) {
                    size -= 1 + child.descendantCount();
                    start.removeChild(i);
                }
            }
        }
    }

    /**
     * Merges a GetParameterNames result for the empty path (the whole data model): the same as
     * {@link #mergeNames} with the device's root above every root object.
     */
    public void mergeAllNames(boolean nextLevel, List<NameInfo> names, Instant readAt) {
        long at = millis(readAt);
        Set<TreeNode> touched = upsertNames(names, at);
        if (!nextLevel) {
            pruneUntouched(root, touched);
        } else {
            for (int i = root.childCount() - 1; i >= 0; i--) {
                if (!touched.contains(root.child(i))) {
                    size -= 1 + root.child(i).descendantCount();
                    root.removeChild(i);
                }
            }
        }
    }

    private Set<TreeNode> upsertNames(List<NameInfo> names, long at) {
        Set<TreeNode> touched = Collections.newSetFromMap(new IdentityHashMap<>(names.size() * 2));
        for (NameInfo info : names) {
            ParameterPath path = info.path();
            TreeNode node = root;
            for (int i = 0; i < path.segmentCount(); i++) {
                node = child(node, path.segmentText(i), true);
                touched.add(node);
            }
            node.set(TreeNode.OBJECT, path.isObjectPath());
            node.set(TreeNode.WRITABLE_KNOWN, true);
            node.set(TreeNode.WRITABLE, info.writable());
            node.set(TreeNode.NAMES_STALE, false);
            node.namesAt = at;
        }
        return touched;
    }

    private void pruneUntouched(TreeNode node, Set<TreeNode> touched) {
        for (int i = node.childCount() - 1; i >= 0; i--) {
            TreeNode child = node.child(i);
            if (!touched.contains(child)) {
                size -= 1 + child.descendantCount();
                node.removeChild(i);
            } else {
                pruneUntouched(child, touched);
            }
        }
    }

    /** Merges GetParameterValues results (or values the device accepted in SetParameterValues). */
    public void mergeValues(List<ValueInfo> values, Instant readAt) {
        long at = millis(readAt);
        for (ValueInfo info : values) {
            TreeNode node = ensure(info.path(), false);
            node.set(TreeNode.OBJECT, false);
            node.value = TreeStringPool.value(info.value());
            node.type(info.type().orElse(null));
            node.valueAt = at;
            node.set(TreeNode.VALUE_STALE, false);
        }
    }

    /** Merges GetParameterAttributes results. */
    public void mergeAttributes(List<AttributeInfo> attributes, Instant readAt) {
        long at = millis(readAt);
        for (AttributeInfo info : attributes) {
            TreeNode node = ensure(info.path(), info.path().isObjectPath());
            node.notification(info.notification());
            node.accessList = TreeStringPool.accessList(info.accessList());
            node.attributesAt = at;
            node.set(TreeNode.ATTRIBUTES_STALE, false);
        }
    }

    /**
     * Records a new object instance (the answer to AddObject, {@code Device.WiFi.SSID.4.}); its
     * parameters are unknown until read.
     */
    public void addInstance(ParameterPath instance, Instant readAt) {
        requireConcrete(instance);
        if (instance.kind(instance.segmentCount() - 1) != ParameterPath.INSTANCE) {
            throw new IllegalArgumentException("not an instance path: " + instance);
        }
        TreeNode node = ensure(instance, true);
        node.namesAt = millis(readAt);
    }

    /**
     * Stores an entry as it is (e.g. restoring a tree from storage), creating its ancestors.
     */
    public void put(Entry entry) {
        requireConcrete(entry.path());
        TreeNode node = ensure(entry.path(), entry.object());
        node.set(TreeNode.OBJECT, entry.object());
        node.set(TreeNode.WRITABLE_KNOWN, entry.writable().isPresent());
        node.set(TreeNode.WRITABLE, entry.writable().orElse(false));
        node.value = entry.value().map(TreeStringPool::value).orElse(null);
        node.type(entry.type().orElse(null));
        node.notification(entry.notification().orElse(-1));
        node.accessList = entry.accessList().map(TreeStringPool::accessList).orElse(null);
        node.namesAt = entry.namesReadAt().map(ParameterTree::millis).orElse(TreeNode.UNKNOWN);
        node.valueAt = entry.valueReadAt().map(ParameterTree::millis).orElse(TreeNode.UNKNOWN);
        node.attributesAt = entry.attributesReadAt().map(ParameterTree::millis).orElse(TreeNode.UNKNOWN);
        node.set(TreeNode.NAMES_STALE, entry.stale().contains(Aspect.NAMES));
        node.set(TreeNode.VALUE_STALE, entry.stale().contains(Aspect.VALUE));
        node.set(TreeNode.ATTRIBUTES_STALE, entry.stale().contains(Aspect.ATTRIBUTES));
    }

    // ---------------------------------------------------------------------------------------------
    // Invalidation

    /**
     * Marks the given aspects stale for everything the pattern covers (a partial path covers its
     * whole subtree); values and times are kept. Returns the number of entries marked.
     */
    public int invalidate(ParameterPath pattern, Set<Aspect> aspects) {
        int flags = (aspects.contains(Aspect.NAMES) ? TreeNode.NAMES_STALE : 0)
                | (aspects.contains(Aspect.VALUE) ? TreeNode.VALUE_STALE : 0)
                | (aspects.contains(Aspect.ATTRIBUTES) ? TreeNode.ATTRIBUTES_STALE : 0);
        int[] count = {0};
        visit(pattern, (path, node) -> {
            node.flags |= flags;
            count[0]++;
        });
        return count[0];
    }

    /** Marks every aspect stale for everything the pattern covers. */
    public int invalidate(ParameterPath pattern) {
        return invalidate(pattern, EnumSet.allOf(Aspect.class));
    }

    /**
     * Removes everything the pattern covers (a partial path: the object and its subtree). Returns
     * the number of entries removed.
     */
    public int delete(ParameterPath pattern) {
        List<TreeNode[]> targets = new ArrayList<>();
        matchNodes(pattern, (parent, node) -> targets.add(new TreeNode[] {parent, node}));
        int removed = 0;
        for (TreeNode[] t : targets) {
            TreeNode parent = t[0];
            for (int i = 0; i < parent.childCount(); i++) {
                if (parent.child(i) == t[1]) {
                    removed += 1 + t[1].descendantCount();
                    parent.removeChild(i);
                    break;
                }
            }
        }
        size -= removed;
        return removed;
    }

    /**
     * The paths under the pattern whose {@code aspect} must be read again: marked stale, never read,
     * or read before {@code olderThan}. For {@link Aspect#VALUE} only parameters are listed.
     */
    public List<ParameterPath> needingRefresh(ParameterPath pattern, Aspect aspect, Instant olderThan) {
        long cutoff = millis(olderThan);
        List<ParameterPath> out = new ArrayList<>();
        visit(pattern, (path, node) -> {
            boolean object = node.has(TreeNode.OBJECT);
            long at;
            boolean stale;
            switch (aspect) {
                case NAMES:
                    at = node.namesAt;
                    stale = node.has(TreeNode.NAMES_STALE);
                    break;
                case VALUE:
                    if (object) {
                        return;
                    }
                    at = node.valueAt;
                    stale = node.has(TreeNode.VALUE_STALE);
                    break;
                default:
                    at = node.attributesAt;
                    stale = node.has(TreeNode.ATTRIBUTES_STALE);
                    break;
            }
            if (stale || at == TreeNode.UNKNOWN || at < cutoff) {
                out.add(ParameterPath.parse(path));
            }
        });
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Queries

    /** The entry at a concrete path; a parameter path and the same path with a dot both find an object. */
    public Optional<Entry> get(ParameterPath path) {
        requireConcrete(path);
        TreeNode node = find(path);
        if (node == null) {
            return Optional.empty();
        }
        String text = node.has(TreeNode.OBJECT) && !path.isPartial() ? path + "." : path.toString();
        return Optional.of(entry(ParameterPath.parse(text), node));
    }

    /** The value of a parameter, if read. */
    public Optional<String> value(ParameterPath path) {
        requireConcrete(path);
        TreeNode node = find(path);
        return node == null || node.has(TreeNode.OBJECT) ? Optional.empty() : Optional.ofNullable(node.value);
    }

    /**
     * Every entry the pattern covers, in tree order (instances numerically): a partial path gives the
     * object and everything below it; a parameter path or pattern gives the matching parameters.
     */
    public List<Entry> query(ParameterPath pattern) {
        List<Entry> out = new ArrayList<>();
        visit(pattern, (path, node) -> out.add(entry(ParameterPath.parse(path), node)));
        return out;
    }

    /** Every entry, in tree order. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(size);
        for (int i = 0; i < root.childCount(); i++) {
            TreeNode child = root.child(i);
            walk(child, child.has(TreeNode.OBJECT) ? child.name + "." : child.name,
                    (path, node) -> out.add(entry(ParameterPath.parse(path), node)));
        }
        return out;
    }

    /** The instance numbers of a multi-instance object ({@code Device.WiFi.SSID.} gives {@code [1, 2, 3]}), in order. */
    public List<Long> instances(ParameterPath object) {
        requireConcrete(object);
        TreeNode node = find(object);
        if (node == null) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < node.childCount(); i++) {
            String name = node.child(i).name;
            if (TreeNode.isInstanceNumber(name)) {
                out.add(Long.parseLong(name));
            }
        }
        return out;
    }

    /**
     * What must be set for the device to hold the desired values: the parameters whose value differs
     * (booleans compare {@code 1}/{@code true} and {@code 0}/{@code false} as equal, integer types
     * compare numerically) or was never read. A key may be a pattern ({@code Device.WiFi.SSID.*.Enable});
     * a key that matches no parameter is reported unknown.
     */
    public Diff diff(Map<ParameterPath, String> desired) {
        List<Change> toSet = new ArrayList<>();
        List<Change> readOnly = new ArrayList<>();
        List<ParameterPath> unknown = new ArrayList<>();
        for (Map.Entry<ParameterPath, String> e : desired.entrySet()) {
            ParameterPath key = e.getKey();
            String want = Objects.requireNonNull(e.getValue(), "desired value");
            if (key.isObjectPath()) {
                throw new IllegalArgumentException("a desired value needs a parameter path: " + key);
            }
            int before = toSet.size() + readOnly.size();
            boolean[] found = {false};
            visit(key, (path, node) -> {
                if (node.has(TreeNode.OBJECT)) {
                    return;
                }
                found[0] = true;
                String type = node.type();
                if (node.value != null && !node.has(TreeNode.VALUE_STALE) && sameValue(type, node.value, want)) {
                    return;
                }
                Change change = new Change(ParameterPath.parse(path), Optional.ofNullable(node.value), want,
                        Optional.ofNullable(type));
                boolean readOnlyNode = node.has(TreeNode.WRITABLE_KNOWN) && !node.has(TreeNode.WRITABLE);
                (readOnlyNode ? readOnly : toSet).add(change);
            });
            if (!found[0] && toSet.size() + readOnly.size() == before) {
                unknown.add(key);
            }
        }
        return new Diff(toSet, readOnly, unknown);
    }

    /**
     * Whether two wire values mean the same for an xsd type: booleans accept 1/0, integer types
     * compare numerically; everything else compares as text.
     */
    static boolean sameValue(String type, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (type == null) {
            return false;
        }
        switch (type.startsWith("xsd:") ? type.substring(4) : type) {
            case "boolean":
                return booleanOf(a) != null && booleanOf(a).equals(booleanOf(b));
            case "int":
            case "unsignedInt":
            case "long":
            case "unsignedLong":
                try {
                    return new BigInteger(a.trim()).equals(new BigInteger(b.trim()));
                } catch (NumberFormatException e) {
                    return false;
                }
            default:
                return false;
        }
    }

    private static Boolean booleanOf(String s) {
        switch (s.trim()) {
            case "1":
            case "true":
                return Boolean.TRUE;
            case "0":
            case "false":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Traversal

    private interface Visitor {
        void visit(String path, TreeNode node);
    }

    private interface NodeMatch {
        void match(TreeNode parent, TreeNode node);
    }

    /** Visits everything the pattern covers: the matched nodes and, for a partial pattern, their subtrees. */
    private void visit(ParameterPath pattern, Visitor visitor) {
        boolean partial = pattern.isPartial();
        matchPaths(pattern, 0, root, "", (path, node) -> {
            if (partial) {
                walk(node, path, visitor);
            } else {
                visitor.visit(path, node);
            }
        });
    }

    private void walk(TreeNode node, String path, Visitor visitor) {
        visitor.visit(path, node);
        if (node.childCount() == 0) {
            return;
        }
        String prefix = path.endsWith(".") ? path : path + ".";
        for (int i = 0; i < node.childCount(); i++) {
            TreeNode child = node.child(i);
            walk(child, child.has(TreeNode.OBJECT) ? prefix + child.name + "." : prefix + child.name, visitor);
        }
    }

    private void matchNodes(ParameterPath pattern, NodeMatch match) {
        matchNodesFrom(pattern, 0, root, match);
    }

    private void matchNodesFrom(ParameterPath pattern, int index, TreeNode node, NodeMatch match) {
        forEachMatchingChild(pattern, index, node, "", (child, ignoredPath) -> {
            if (index + 1 == pattern.segmentCount()) {
                if (!pattern.isPartial() || child.has(TreeNode.OBJECT)) {
                    match.match(node, child);
                }
            } else {
                matchNodesFrom(pattern, index + 1, child, match);
            }
        });
    }

    private void matchPaths(ParameterPath pattern, int index, TreeNode node, String prefix, Visitor found) {
        forEachMatchingChild(pattern, index, node, prefix, (child, childPath) -> {
            boolean last = index + 1 == pattern.segmentCount();
            if (!last) {
                if (child.has(TreeNode.OBJECT) || child.childCount() > 0) {
                    matchPaths(pattern, index + 1, child, childPath + ".", found);
                }
                return;
            }
            boolean object = child.has(TreeNode.OBJECT);
            if (pattern.isPartial() && !object) {
                return;
            }
            found.visit(object ? childPath + "." : childPath, child);
        });
    }

    private interface ChildMatch {
        void match(TreeNode child, String childPath);
    }

    /** Calls {@code match} for each child of {@code node} that segment {@code index} of the pattern selects. */
    private void forEachMatchingChild(ParameterPath pattern, int index, TreeNode node, String prefix,
            ChildMatch match) {
        byte kind = pattern.kind(index);
        if (kind == ParameterPath.NAME || kind == ParameterPath.INSTANCE) {
            String name = pattern.segmentText(index);
            TreeNode child = node.find(name);
            if (child != null) {
                match.match(child, prefix + name);
            }
            return;
        }
        // Wildcard, alias or keys: instances only (the callbacks never change the children array).
        for (int i = 0; i < node.childCount(); i++) {
            TreeNode child = node.child(i);
            if (!TreeNode.isInstanceNumber(child.name)) {
                continue;
            }
            if (kind == ParameterPath.WILDCARD
                    || pattern.selectorMatches(index, relative -> valueBelow(child, relative))) {
                match.match(child, prefix + child.name);
            }
        }
    }

    private static Optional<String> valueBelow(TreeNode instance, String relativeName) {
        TreeNode node = instance;
        int start = 0;
        while (node != null) {
            int dot = relativeName.indexOf('.', start);
            String name = dot < 0 ? relativeName.substring(start) : relativeName.substring(start, dot);
            node = node.find(name);
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return node == null || node.has(TreeNode.OBJECT) ? Optional.empty() : Optional.ofNullable(node.value);
    }

    private TreeNode find(ParameterPath path) {
        TreeNode node = root;
        for (int i = 0; i < path.segmentCount() && node != null; i++) {
            node = node.find(path.segmentText(i));
        }
        return node;
    }

    private TreeNode ensure(ParameterPath path, boolean object) {
        TreeNode node = root;
        int n = path.segmentCount();
        for (int i = 0; i < n; i++) {
            node = child(node, path.segmentText(i), i < n - 1 || object);
        }
        return node;
    }

    private TreeNode child(TreeNode parent, String name, boolean objectIfNew) {
        TreeNode existing = parent.find(name);
        if (existing != null) {
            return existing;
        }
        TreeNode created = parent.findOrCreate(name);
        created.set(TreeNode.OBJECT, objectIfNew);
        parent.set(TreeNode.OBJECT, true);
        size++;
        return created;
    }

    private static Entry entry(ParameterPath path, TreeNode node) {
        boolean object = node.has(TreeNode.OBJECT);
        EnumSet<Aspect> stale = EnumSet.noneOf(Aspect.class);
        if (node.has(TreeNode.NAMES_STALE)) {
            stale.add(Aspect.NAMES);
        }
        if (node.has(TreeNode.VALUE_STALE)) {
            stale.add(Aspect.VALUE);
        }
        if (node.has(TreeNode.ATTRIBUTES_STALE)) {
            stale.add(Aspect.ATTRIBUTES);
        }
        int notification = node.notification();
        return new Entry(path, object,
                node.has(TreeNode.WRITABLE_KNOWN) ? Optional.of(node.has(TreeNode.WRITABLE)) : Optional.empty(),
                object ? Optional.empty() : Optional.ofNullable(node.value),
                Optional.ofNullable(node.type()),
                notification < 0 ? OptionalInt.empty() : OptionalInt.of(notification),
                Optional.ofNullable(node.accessList),
                instant(node.namesAt), instant(node.valueAt), instant(node.attributesAt), stale);
    }

    private static Optional<Instant> instant(long millis) {
        return millis == TreeNode.UNKNOWN ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static long millis(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? TreeNode.UNKNOWN + 1 : Long.MAX_VALUE;
        }
    }

    private static void requireConcrete(ParameterPath path) {
        if (!path.isConcrete()) {
            throw new IllegalArgumentException("a concrete path is needed here, not a pattern: " + path);
        }
    }
}
