package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store commits concurrent sessions' saves together; each still lands, or fails, alone. */
class GroupCommitTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final int THREADS = 8;
    private static final int SAVES = 40;

    @TempDir
    Path dir;

    private final TestDatabases dbs = new TestDatabases();

    @AfterEach
    void close() {
        dbs.close();
    }

    @Test
    void concurrent_saves_and_updates_each_apply_their_change_and_a_refused_save_fails_only_its_caller() throws Exception {
        JdbcStore store = dbs.h2(dir);
        DeviceStore devices = store.deviceStore();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < SAVES; i++) {
                        // Every thread tags one shared device and saves a device of its own.
                        DeviceId shared = new DeviceId("GC0001", "Box", "shared");
                        String tag = "t" + thread + "-" + i;
                        devices.saveSession(shared, r -> r.withTag(tag), DeviceRecord.registered(shared, "Acme", T0),
                                tree("Device.Shared", tag));
                        // An update between saves (as the NBI's tags): neither loses the other's change.
                        devices.update(shared, r -> r.map(x -> x.withTag("u" + tag)));
                        DeviceId own = new DeviceId("GC0001", "Box", "own" + thread);
                        devices.saveSession(own, r -> r.withTag(tag), DeviceRecord.registered(own, "Acme", T0),
                                tree("Device.Own", tag));
                        if (i % 10 == 0) {
                            try {
                                devices.saveSession(own, r -> {
                                    throw new IllegalStateException("refused " + tag);
                                }, DeviceRecord.registered(own, "Acme", T0), tree("Device.Own", "never"));
                            } catch (IllegalStateException e) {
                                refused.add(e);
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).hasSize(THREADS * SAVES / 10)
                .allSatisfy(e -> assertThat(e).hasMessageStartingWith("refused t"));
        DeviceId shared = new DeviceId("GC0001", "Box", "shared");
        assertThat(devices.record(shared).orElseThrow().tags()).hasSize(2 * THREADS * SAVES);
        for (int t = 0; t < THREADS; t++) {
            DeviceId own = new DeviceId("GC0001", "Box", "own" + t);
            assertThat(devices.record(own).orElseThrow().tags()).hasSize(SAVES);
            assertThat(devices.parameters(own).orElseThrow().value(ParameterPath.parse("Device.Own")))
                    .isEqualTo(Optional.of("t" + t + "-" + (SAVES - 1)));
        }
    }

    private static ParameterTree tree(String path, String value) {
        ParameterTree tree = new ParameterTree();
        tree.mergeValues(List.of(new ParameterTree.ValueInfo(ParameterPath.parse(path), value, Optional.empty())), T0);
        return tree;
    }
}
