package dev.cwmp.datamodel.internal;

import java.util.Arrays;
import java.util.List;

/**
 * One node of a device parameter tree, laid out to be small: names and short values come from
 * {@link TreeStringPool}, children are a sorted array (instance numbers numerically, then names),
 * timestamps are epoch milliseconds ({@link #UNKNOWN} when never read), and everything else is packed
 * into one {@code int}. Not thread-safe.
 */
public final class TreeNode {

    /** Timestamp of something never read. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    public static final int OBJECT = 1;
    public static final int WRITABLE_KNOWN = 1 << 1;
    public static final int WRITABLE = 1 << 2;
    public static final int NAMES_STALE = 1 << 3;
    public static final int VALUE_STALE = 1 << 4;
    public static final int ATTRIBUTES_STALE = 1 << 5;
    private static final int NOTIFICATION_SHIFT = 8;
    private static final int NOTIFICATION_MASK = 0xF << NOTIFICATION_SHIFT;
    private static final int TYPE_SHIFT = 16;

    private static final TreeNode[] NO_CHILDREN = new TreeNode[0];

    public final String name;
    private TreeNode[] children = NO_CHILDREN;
    private int childCount;
    /** The value, null when never read. */
    public String value;
    /** The access list, null when never read. */
    public List<String> accessList;
    public long namesAt = UNKNOWN;
    public long valueAt = UNKNOWN;
    public long attributesAt = UNKNOWN;
    public int flags;

    public TreeNode(String name) {
        this.name = name;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public void set(int flag, boolean on) {
        flags = on ? flags | flag : flags & ~flag;
    }

    /** The notification attribute, or -1 when unknown. */
    public int notification() {
        return ((flags & NOTIFICATION_MASK) >>> NOTIFICATION_SHIFT) - 1;
    }

    public void notification(int notification) {
        flags = (flags & ~NOTIFICATION_MASK) | ((notification + 1) << NOTIFICATION_SHIFT);
    }

    /** The xsd type name, or null when unknown. */
    public String type() {
        return TreeStringPool.type(flags >>> TYPE_SHIFT);
    }

    public void type(String type) {
        int index = type == null ? 0 : TreeStringPool.typeIndex(type);
        flags = (flags & ((1 << TYPE_SHIFT) - 1)) | (index << TYPE_SHIFT);
    }

    public int childCount() {
        return childCount;
    }

    public TreeNode child(int index) {
        return children[index];
    }

    /** The child called {@code name}, or null. */
    public TreeNode find(String name) {
        int i = search(name);
        return i >= 0 ? children[i] : null;
    }

    /** The child called {@code name}, created (with a pooled name) when absent. */
    public TreeNode findOrCreate(String name) {
        int i = search(name);
        if (i >= 0) {
            return children[i];
        }
        int at = -i - 1;
        TreeNode node = new TreeNode(TreeStringPool.name(name));
        if (childCount == children.length) {
            children = Arrays.copyOf(children, childCount == 0 ? 2 : childCount + (childCount >> 1) + 1);
        }
        System.arraycopy(children, at, children, at + 1, childCount - at);
        children[at] = node;
        childCount++;
        return node;
    }

    /** Removes child number {@code index}. */
    public void removeChild(int index) {
        System.arraycopy(children, index + 1, children, index, childCount - index - 1);
        childCount--;
        children[childCount] = null;
        if (childCount == 0) {
            children = NO_CHILDREN;
        }
    }

    /** Shrinks the children array to its size (after a bulk load). */
    public void trim() {
        if (children.length != childCount) {
            children = childCount == 0 ? NO_CHILDREN : Arrays.copyOf(children, childCount);
        }
        for (int i = 0; i < childCount; i++) {
            children[i].trim();
        }
    }

    /** A deep copy (strings are immutable and shared). */
    public TreeNode deepCopy() {
        TreeNode copy = new TreeNode(name);
        copy.value = value;
        copy.accessList = accessList;
        copy.namesAt = namesAt;
        copy.valueAt = valueAt;
        copy.attributesAt = attributesAt;
        copy.flags = flags;
        if (childCount > 0) {
            copy.children = new TreeNode[childCount];
            for (int i = 0; i < childCount; i++) {
                copy.children[i] = children[i].deepCopy();
            }
            copy.childCount = childCount;
        }
        return copy;
    }

    /** Number of nodes below this one. */
    public int descendantCount() {
        int n = childCount;
        for (int i = 0; i < childCount; i++) {
            n += children[i].descendantCount();
        }
        return n;
    }

    private int search(String key) {
        int lo = 0;
        int hi = childCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareNames(children[mid].name, key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Instance numbers first, in numeric order, then names in code-point order. */
    public static int compareNames(String a, String b) {
        boolean da = isInstanceNumber(a);
        boolean db = isInstanceNumber(b);
        if (da != db) {
            return da ? -1 : 1;
        }
        if (da && a.length() != b.length()) {
            return a.length() - b.length();
        }
        return a.compareTo(b);
    }

    public static boolean isInstanceNumber(String name) {
        char c = name.isEmpty() ? 'x' : name.charAt(0);
        return c >= '0' && c <= '9';
    }
}
