package dev.cwmp.benchmarks.datamodel;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Map;

import org.openjdk.jol.info.GraphLayout;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.datamodel.dump.GenieacsSimCsv;
import dev.cwmp.datamodel.internal.ModelLoader;
import dev.cwmp.datamodel.internal.TreeStringPool;

/**
 * Retained sizes measured with JOL's {@link GraphLayout}: the bytes of every object reachable from
 * a root (object headers, fields, padding, arrays), in this JVM's layout (compressed oops).
 */
public final class RetainedSizes {

    private static final Instant READ_AT = Instant.parse("2023-05-25T21:00:00Z");

    static {
        // Records (definitions, entries) hide their field offsets from Unsafe; JOL then finds them itself.
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
    }

    private RetainedSizes() {}

    /** Bytes retained by a freshly loaded model (not the cached singleton). */
    public static long model(String name) {
        DataModel model = name.equals("tr181") ? ModelLoader.loadTr181() : ModelLoader.loadTr098();
        return GraphLayout.parseInstance(model).totalSize();
    }

    /**
     * Per-device figures of a parameter tree built from a dump.
     *
     * @param entries objects and parameters in the tree
     * @param parameters parameters (not objects) in the tree
     * @param treeBytes the tree alone, without its pooled segment names and type names (which every
     *     device shares) but with every value, pooled or not
     * @param marginalBytes what a second device with the same dump adds (pooled short values shared too)
     * @param firstDeviceBytes the first tree with everything it reaches, pools included
     * @param naiveMapBytes a plain {@code HashMap<String, String>} of path to value of the same dump
     */
    public record TreeSizes(int entries, int parameters, long treeBytes, long marginalBytes, long firstDeviceBytes,
            long naiveMapBytes) {
        /** {@link #treeBytes} per entry (object or parameter). */
        public double perEntry() {
            return (double) treeBytes / entries;
        }

        /** {@link #treeBytes} per parameter (objects' bytes counted too). */
        public double perParameter() {
            return (double) treeBytes / parameters;
        }

        /** {@link #marginalBytes} per entry. */
        public double marginalPerEntry() {
            return (double) marginalBytes / entries;
        }
    }

    /**
     * The trees of two devices with the same dump, read twice (so no long value string is shared by
     * accident). The headline leaves out only the pooled segment names ({@code Device}, {@code WiFi},
     * {@code 1}) and type names, which all devices share; the marginal cost size(both) - size(first)
     * also leaves out the pooled short values ({@code true}, {@code 0}) the two devices share.
     * The baseline is a plain {@code HashMap<String, String>} of path to value of the same dump.
     */
    public static TreeSizes tree(GenieacsSimCsv.Dump first, GenieacsSimCsv.Dump second) {
        ParameterTree one = first.toParameterTree(READ_AT);
        ParameterTree two = second.toParameterTree(READ_AT);
        long firstBytes = GraphLayout.parseInstance(one).totalSize();
        long bothBytes = GraphLayout.parseInstance(one, two).totalSize();
        Map<String, String> naive = new HashMap<>();
        int parameters = 0;
        for (GenieacsSimCsv.Row row : second.rows()) {
            naive.put(row.path().toString(), row.value());
            if (!row.object()) {
                parameters++;
            }
        }
        long naiveBytes = GraphLayout.parseInstance(naive).totalSize();
        return new TreeSizes(two.size(), parameters, GraphLayout.parseInstance(two).totalSize() - sharedNameBytes(two),
                bothBytes - firstBytes, firstBytes, naiveBytes);
    }

    /** Bytes of the pooled segment names and type names a tree refers to (each counted once). */
    private static long sharedNameBytes(ParameterTree tree) {
        Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParameterTree.Entry entry : tree.entries()) {
            for (int i = 0; i < entry.path().segmentCount(); i++) {
                shared.add(TreeStringPool.name(entry.path().segmentText(i)));
            }
            entry.type().ifPresent(t -> shared.add(TreeStringPool.type(TreeStringPool.typeIndex(t))));
        }
        long bytes = 0;
        for (Object o : shared) {
            bytes += GraphLayout.parseInstance(o).totalSize();
        }
        return bytes;
    }
}
