package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store reads a record with its tree; the tree it hands out later is never older than a write. */
class EmbeddedReadAheadTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final DeviceId A = new DeviceId("RA0001", "Box", "A");
    private static final DeviceId B = new DeviceId("RA0001", "Box", "B");
    private static final ParameterPath SSID = ParameterPath.parse("Device.WiFi.SSID.1.SSID");

    @TempDir
    Path dir;

    @Test
    void a_save_between_the_record_and_the_tree_is_seen_even_from_another_thread() {
        try (JdbcStore store = JdbcStore.h2(dir)) {
            DeviceStore devices = store.deviceStore();
            save(devices, A, "one");
            save(devices, B, "bee");

            assertThat(devices.record(A)).isPresent();
            CompletableFuture.runAsync(() -> save(devices, A, "two")).join();
            assertThat(devices.parameters(A).orElseThrow().value(SSID)).contains("two");

            assertThat(devices.record(A)).isPresent();
            assertThat(devices.parameters(B).orElseThrow().value(SSID)).contains("bee");
            assertThat(devices.parameters(A).orElseThrow().value(SSID)).contains("two");

            assertThat(devices.record(B)).isPresent();
            ParameterTree first = devices.parameters(B).orElseThrow();
            first.mergeValues(List.of(new ParameterTree.ValueInfo(SSID, "changed by the caller", Optional.empty())), T0);
            assertThat(devices.parameters(B).orElseThrow().value(SSID)).contains("bee");

            assertThat(devices.record(A)).isPresent();
            assertThat(devices.delete(A)).isTrue();
            assertThat(devices.parameters(A)).isEmpty();
        }
    }

    private static void save(DeviceStore devices, DeviceId id, String ssid) {
        ParameterTree tree = new ParameterTree();
        tree.mergeValues(List.of(new ParameterTree.ValueInfo(SSID, ssid, Optional.empty())), T0);
        devices.saveSession(id, r -> r, DeviceRecord.registered(id, "Acme", T0), tree);
    }
}
