package dev.cwmp.benchmarks.nbi;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import dev.cwmp.store.jdbc.JdbcStore;
import dev.cwmp.testkit.store.ForwardingDeviceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The devices of {@code bin/bench nbi-query}, in an embedded H2 store: {@link #DEVICES} devices,
 * {@link #TAGGED} of them tagged {@code X}, {@link #OF_PRODUCT_CLASS} of product class
 * {@code RB951Ui-2HnD} (the others of four more classes), each with a tree of
 * {@link #PARAMETERS} parameters and a last inform spread over a day.
 */
public final class NbiQueryDevices {

    public static final int DEVICES = 20_000;
    public static final int TAGGED = 100;
    public static final int OF_PRODUCT_CLASS = 200;
    public static final int PARAMETERS = 60;
    static final String PRODUCT_CLASS = "RB951Ui-2HnD";
    private static final List<String> OTHER_CLASSES = List.of("HG8245", "F670L", "EC220-G5", "H199A");
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    private NbiQueryDevices() {
    }

    /** Fills a new embedded store under {@code directory}, from several threads (the writes commit in groups). */
    public static void create(Path directory) throws Exception {
        try (JdbcStore store = JdbcStore.h2(directory)) {
            DeviceStore devices = store.deviceStore();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = thread; i < DEVICES; i += 8) {
                            save(devices, i);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void save(DeviceStore devices, int i) {
        // Every 200th device is tagged X, every 100th is of the benchmark's product class.
        String productClass = i % (DEVICES / OF_PRODUCT_CLASS) == 1 ? PRODUCT_CLASS : OTHER_CLASSES.get(i % 4);
        DeviceId id = new DeviceId("00259E", productClass, String.format("SN%08d", i));
        Instant lastInform = T0.plusSeconds(i * 86_400L / DEVICES);
        DeviceRecord record = DeviceRecord.registered(id, "Vendor", T0).withInform("Vendor", lastInform, List.of(), 8)
                .withTag("PROVISIONED");
        if (i % (DEVICES / TAGGED) == 0) {
            record = record.withTag("X");
        }
        ParameterTree tree = new ParameterTree();
        List<ParameterTree.ValueInfo> values = new ArrayList<>();
        for (int p = 0; p < PARAMETERS; p++) {
            values.add(new ParameterTree.ValueInfo(ParameterPath.parse("Device.Bench." + (p / 10 + 1) + ".Value" + p),
                    "value-" + i + "-" + p, "xsd:string"));
        }
        tree.mergeValues(values, lastInform);
        DeviceRecord stored = record;
        devices.saveSession(id, r -> stored, stored, tree);
    }

    /** A store that answers {@link #candidates} with every device: the NBI reads them all, as before narrowing. */
    public static DeviceStore fullScan(DeviceStore inner) {
        return new ForwardingDeviceStore(inner) {
            @Override
            public List<DeviceId> candidates(DeviceFilter filter) {
                return ids();
            }
        };
    }
}
