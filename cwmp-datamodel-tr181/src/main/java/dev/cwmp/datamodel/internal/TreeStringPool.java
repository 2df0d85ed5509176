package dev.cwmp.datamodel.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide pools shared by every device's parameter tree: path segment names, short frequent
 * values ({@code true}, {@code 0}, {@code Up}...), xsd type names and access lists. A name such as
 * {@code Device} or {@code 1} is then stored once for all devices. Each pool is bounded: past its
 * limit strings are simply not pooled (a misbehaving device cannot grow it without bound).
 */
public final class TreeStringPool {

    /** Most pooled names. */
    static final int MAX_NAMES = 200_000;
    /** Most pooled values. */
    static final int MAX_VALUES = 50_000;
    /** Longest value that is pooled. */
    static final int MAX_POOLED_VALUE_LENGTH = 12;
    /** Most distinct type names (index 0 means "unknown"). */
    public static final int MAX_TYPES = 0xFFFF;

    private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> VALUES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<List<String>, List<String>> ACCESS_LISTS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Integer> TYPE_INDEX = new ConcurrentHashMap<>();
    private static volatile String[] types = new String[] {null};

    private TreeStringPool() {}

    /** The pooled instance of a segment name. */
    public static String name(String name) {
        String pooled = NAMES.get(name);
        if (pooled != null) {
            return pooled;
        }
        if (NAMES.size() >= MAX_NAMES) {
            return name;
        }
        pooled = NAMES.putIfAbsent(name, name);
        return pooled == null ? name : pooled;
    }

    /** The pooled instance of a short value; long values are returned as they are. */
    public static String value(String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (value.length() > MAX_POOLED_VALUE_LENGTH) {
            return value;
        }
        String pooled = VALUES.get(value);
        if (pooled != null) {
            return pooled;
        }
        if (VALUES.size() >= MAX_VALUES) {
            return value;
        }
        pooled = VALUES.putIfAbsent(value, value);
        return pooled == null ? value : pooled;
    }

    /** The pooled, immutable instance of an access list. */
    public static List<String> accessList(List<String> list) {
        List<String> copy = List.copyOf(list);
        if (ACCESS_LISTS.size() >= 1_000) {
            List<String> pooled = ACCESS_LISTS.get(copy);
            return pooled == null ? copy : pooled;
        }
        List<String> pooled = ACCESS_LISTS.putIfAbsent(copy, copy);
        return pooled == null ? copy : pooled;
    }

    /** The index (1..{@link #MAX_TYPES}) of a type name, or 0 when the pool is full. */
    public static int typeIndex(String type) {
        Integer index = TYPE_INDEX.get(type);
        if (index != null) {
            return index;
        }
        synchronized (TreeStringPool.class) {
            index = TYPE_INDEX.get(type);
            if (index != null) {
                return index;
            }
            String[] current = types;
            if (current.length > MAX_TYPES) {
                return 0;
            }
            String[] grown = java.util.Arrays.copyOf(current, current.length + 1);
            grown[current.length] = type;
            types = grown;
            TYPE_INDEX.put(type, current.length);
            return current.length;
        }
    }

    /** The type name of an index from {@link #typeIndex}; null for 0. */
    public static String type(int index) {
        return types[index];
    }
}
