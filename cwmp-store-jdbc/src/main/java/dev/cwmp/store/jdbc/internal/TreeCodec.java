package dev.cwmp.store.jdbc.internal;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.store.jdbc.JdbcStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A parameter tree as one compact blob: a format byte, then deflated entries in tree order. Each
 * entry's path is written as the length of the prefix it shares with the previous path plus the rest,
 * types and access lists as indexes into a per-blob dictionary, timestamps as epoch milliseconds
 * (the tree keeps milliseconds). One blob per device because a session replaces the whole tree: one
 * row written per session instead of one per parameter.
 */
public final class TreeCodec {

    private static final int FORMAT = 1;
    private static final int MAX_ENTRIES = 2_000_000;
    /** The most a stored tree may inflate to (a dump of 5,229 entries takes about 400 kB). */
    private static final int MAX_RAW_BYTES = 512 * 1024 * 1024;

    private static final int WRITABLE_KNOWN = 1;
    private static final int WRITABLE = 1 << 1;
    private static final int VALUE = 1 << 2;
    private static final int TYPE = 1 << 3;
    private static final int NOTIFICATION = 1 << 4;
    private static final int ACCESS_LIST = 1 << 5;
    private static final int NAMES_AT = 1 << 6;
    private static final int VALUE_AT = 1 << 7;
    private static final int ATTRIBUTES_AT = 1 << 8;
    private static final int STALE_NAMES = 1 << 9;
    private static final int STALE_VALUE = 1 << 10;
    private static final int STALE_ATTRIBUTES = 1 << 11;

    private TreeCodec() {
    }

    public static byte[] encode(ParameterTree tree) {
        List<ParameterTree.Entry> entries = tree.entries();
        ByteSink out = new ByteSink(64 + entries.size() * 48);
        out.writeInt(entries.size());
        Map<String, Integer> dictionary = new HashMap<>();
        String previous = "";
        for (ParameterTree.Entry e : entries) {
            String path = e.path().toString();
            int common = commonPrefix(previous, path);
            out.writeVarint(common);
            out.writeString(path.substring(common));
            previous = path;
            int flags = 0;
            if (e.writable().isPresent()) {
                flags |= WRITABLE_KNOWN | (e.writable().get() ? WRITABLE : 0);
            }
            flags |= e.value().isPresent() ? VALUE : 0;
            flags |= e.type().isPresent() ? TYPE : 0;
            flags |= e.notification().isPresent() ? NOTIFICATION : 0;
            flags |= e.accessList().isPresent() ? ACCESS_LIST : 0;
            flags |= e.namesReadAt().isPresent() ? NAMES_AT : 0;
            flags |= e.valueReadAt().isPresent() ? VALUE_AT : 0;
            flags |= e.attributesReadAt().isPresent() ? ATTRIBUTES_AT : 0;
            flags |= e.stale().contains(ParameterTree.Aspect.NAMES) ? STALE_NAMES : 0;
            flags |= e.stale().contains(ParameterTree.Aspect.VALUE) ? STALE_VALUE : 0;
            flags |= e.stale().contains(ParameterTree.Aspect.ATTRIBUTES) ? STALE_ATTRIBUTES : 0;
            out.writeVarint(flags);
            if (e.value().isPresent()) {
                out.writeString(e.value().get());
            }
            if (e.type().isPresent()) {
                writeDictionary(out, dictionary, e.type().get());
            }
            if (e.notification().isPresent()) {
                out.writeVarint(e.notification().getAsInt());
            }
            if (e.accessList().isPresent()) {
                writeDictionary(out, dictionary, String.join(",", e.accessList().get()));
            }
            writeTime(out, e.namesReadAt());
            writeTime(out, e.valueReadAt());
            writeTime(out, e.attributesReadAt());
        }
        return Compression.deflate(FORMAT, out);
    }

    public static ParameterTree decode(byte[] blob) {
        ParameterTree tree = new ParameterTree();
        if (blob.length == 0) {
            return tree;
        }
        if (blob[0] != FORMAT) {
            throw new JdbcStoreException("unknown parameter tree format " + blob[0]);
        }
        try {
            ByteSource in = Compression.inflate(blob, 1, MAX_RAW_BYTES);
            int count = in.readInt();
            if (count < 0 || count > MAX_ENTRIES) {
                throw new JdbcStoreException("corrupt parameter tree: " + count + " entries");
            }
            List<String> dictionary = new ArrayList<>();
            String previous = "";
            for (int i = 0; i < count; i++) {
                int common = in.readVarint();
                if (common > previous.length()) {
                    throw new ByteSource.CorruptBlobException("bad path prefix " + common);
                }
                String path = previous.substring(0, common) + in.readString();
                previous = path;
                int flags = in.readVarint();
                Optional<String> value = (flags & VALUE) != 0 ? Optional.of(in.readString()) : Optional.empty();
                Optional<String> type = (flags & TYPE) != 0 ? Optional.of(readDictionary(in, dictionary))
                        : Optional.empty();
                OptionalInt notification = (flags & NOTIFICATION) != 0 ? OptionalInt.of(in.readVarint())
                        : OptionalInt.empty();
                Optional<List<String>> accessList = Optional.empty();
                if ((flags & ACCESS_LIST) != 0) {
                    String joined = readDictionary(in, dictionary);
                    accessList = Optional.of(joined.isEmpty() ? List.of() : List.of(joined.split(",", -1)));
                }
                Optional<Instant> namesAt = readTime(in, (flags & NAMES_AT) != 0);
                Optional<Instant> valueAt = readTime(in, (flags & VALUE_AT) != 0);
                Optional<Instant> attributesAt = readTime(in, (flags & ATTRIBUTES_AT) != 0);
                Set<ParameterTree.Aspect> stale = EnumSet.noneOf(ParameterTree.Aspect.class);
                if ((flags & STALE_NAMES) != 0) {
                    stale.add(ParameterTree.Aspect.NAMES);
                }
                if ((flags & STALE_VALUE) != 0) {
                    stale.add(ParameterTree.Aspect.VALUE);
                }
                if ((flags & STALE_ATTRIBUTES) != 0) {
                    stale.add(ParameterTree.Aspect.ATTRIBUTES);
                }
                ParameterPath p = ParameterPath.parse(path);
                tree.put(new ParameterTree.Entry(p, p.isObjectPath(),
                        (flags & WRITABLE_KNOWN) != 0 ? Optional.of((flags & WRITABLE) != 0) : Optional.empty(),
                        value, type, notification, accessList, namesAt, valueAt, attributesAt, stale));
            }
        } catch (ByteSource.CorruptBlobException | RuntimeException e) {
            if (e instanceof JdbcStoreException j) {
                throw j;
            }
            throw new JdbcStoreException("corrupt parameter tree: " + e.getMessage(), e);
        }
        tree.trimToSize();
        return tree;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        // Never split a surrogate pair.
        if (i > 0 && Character.isHighSurrogate(a.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static void writeDictionary(ByteSink out, Map<String, Integer> dictionary, String s) {
        Integer index = dictionary.get(s);
        if (index != null) {
            out.writeVarint(index + 1);
        } else {
            out.writeVarint(0);
            out.writeString(s);
            dictionary.put(s, dictionary.size());
        }
    }

    private static String readDictionary(ByteSource in, List<String> dictionary) throws ByteSource.CorruptBlobException {
        int index = in.readVarint();
        if (index == 0) {
            String s = in.readString();
            dictionary.add(s);
            return s;
        }
        if (index > dictionary.size()) {
            throw new ByteSource.CorruptBlobException("bad dictionary index " + index);
        }
        return dictionary.get(index - 1);
    }

    private static void writeTime(ByteSink out, Optional<Instant> t) {
        if (t.isPresent()) {
            out.writeLong(t.get().toEpochMilli());
        }
    }

    private static Optional<Instant> readTime(ByteSource in, boolean present) throws ByteSource.CorruptBlobException {
        return present ? Optional.of(Instant.ofEpochMilli(in.readLong())) : Optional.empty();
    }
}
