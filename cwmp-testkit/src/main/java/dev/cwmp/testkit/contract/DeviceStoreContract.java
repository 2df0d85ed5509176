package dev.cwmp.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.DeviceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DeviceStore}: every implementation runs it by extending this class and
 * returning a fresh, empty store from {@link #newStore()}.
 */
public abstract class DeviceStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final DeviceId A = new DeviceId("E48D8C", "RB951Ui-2HnD", "A1");
    private static final DeviceId B = new DeviceId("E48D8C", "RB951Ui-2HnD", "B2");

    protected DeviceStore store;

    /** A fresh, empty store. */
    protected abstract DeviceStore newStore();

    /**
     * Whether {@link DeviceStore#candidates} answers exactly (no device that does not meet the filter);
     * the SPI only requires a superset, so the contract checks exactness only where this says so.
     */
    protected boolean exactCandidates() {
        return false;
    }

    /** Takes a fresh instance before each test. */
    @BeforeEach
    public void create() {
        store = newStore();
    }

    private static ParameterTree treeWith(String path, String value) {
        ParameterTree tree = new ParameterTree();
        tree.mergeValues(List.of(new ParameterTree.ValueInfo(ParameterPath.parse(path), value, "xsd:string")), T0);
        return tree;
    }

    @Test
    public void an_unknown_device_has_no_record_and_no_parameters() {
        assertThat(store.record(A)).isEmpty();
        assertThat(store.parameters(A)).isEmpty();
        assertThat(store.delete(A)).isFalse();
        assertThat(store.ids()).isEmpty();
    }

    @Test
    public void a_saved_session_stores_the_record_and_the_tree_together() {
        DeviceRecord fresh = DeviceRecord.registered(A, "MikroTik", T0);
        store.saveSession(A, r -> r.withTag("NEW"), fresh, treeWith("Device.DeviceInfo.SoftwareVersion", "6.40.5"));

        assertThat(store.record(A)).contains(fresh.withTag("NEW"));
        assertThat(store.parameters(A).orElseThrow().value(ParameterPath.parse("Device.DeviceInfo.SoftwareVersion")))
                .contains("6.40.5");
        assertThat(store.ids()).containsExactly(A);
    }

    @Test
    public void reads_and_saves_are_copies() {
        ParameterTree saved = treeWith("Device.DeviceInfo.SoftwareVersion", "6.40.5");
        store.saveSession(A, r -> r, DeviceRecord.registered(A, "MikroTik", T0), saved);
        saved.mergeValues(List.of(new ParameterTree.ValueInfo(
                ParameterPath.parse("Device.DeviceInfo.SoftwareVersion"), "changed", "xsd:string")), T0);
        ParameterTree read = store.parameters(A).orElseThrow();
        read.mergeValues(List.of(new ParameterTree.ValueInfo(
                ParameterPath.parse("Device.DeviceInfo.SoftwareVersion"), "changed too", "xsd:string")), T0);

        assertThat(store.parameters(A).orElseThrow().value(ParameterPath.parse("Device.DeviceInfo.SoftwareVersion")))
                .contains("6.40.5");
    }

    @Test
    public void a_session_save_keeps_tags_added_meanwhile_by_others() {
        DeviceRecord fresh = DeviceRecord.registered(A, "MikroTik", T0);
        store.saveSession(A, r -> r, fresh, new ParameterTree());
        store.update(A, r -> r.map(x -> x.withTag("FROM-NBI")));
        store.saveSession(A, r -> r.withTag("FROM-SESSION"), fresh, new ParameterTree());
        assertThat(store.record(A).orElseThrow().tags()).containsExactlyInAnyOrder("FROM-NBI", "FROM-SESSION");
    }

    @Test
    public void a_session_that_read_the_device_before_another_write_keeps_that_write() {
        DeviceRecord fresh = DeviceRecord.registered(A, "MikroTik", T0);
        store.saveSession(A, r -> r, fresh, new ParameterTree());
        // As a session does: read the record and the tree first, save at its end.
        DeviceRecord read = store.record(A).orElseThrow();
        store.parameters(A);
        store.update(A, r -> r.map(x -> x.withTag("FROM-NBI")));
        store.saveSession(A, r -> r.withTag("FROM-SESSION"), fresh, treeWith("Device.X", "1"));
        assertThat(read.tags()).isEmpty();
        assertThat(store.record(A).orElseThrow().tags()).containsExactlyInAnyOrder("FROM-NBI", "FROM-SESSION");
        assertThat(store.parameters(A).orElseThrow().value(ParameterPath.parse("Device.X"))).contains("1");
    }

    @Test
    public void a_session_that_read_a_device_deleted_since_stores_it_again_from_its_start() {
        DeviceRecord fresh = DeviceRecord.registered(A, "MikroTik", T0);
        store.saveSession(A, r -> r.withTag("OLD"), fresh, new ParameterTree());
        store.record(A);
        assertThat(store.delete(A)).isTrue();
        store.saveSession(A, r -> r.withTag("NEW"), fresh, new ParameterTree());
        assertThat(store.record(A).orElseThrow().tags()).containsExactly("NEW");
    }

    @Test
    public void update_of_an_unknown_device_may_create_it_or_leave_it_absent() {
        assertThat(store.update(A, r -> Optional.empty())).isEmpty();
        assertThat(store.record(A)).isEmpty();
        DeviceRecord created = DeviceRecord.registered(A, "MikroTik", T0);
        assertThat(store.update(A, r -> Optional.of(r.orElse(created)))).contains(created);
        assertThat(store.parameters(A).orElseThrow().size()).isZero();
    }

    @Test
    public void a_record_cannot_be_stored_under_another_id() {
        DeviceRecord b = DeviceRecord.registered(B, "MikroTik", T0);
        assertThatThrownBy(() -> store.update(A, r -> Optional.of(b))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.record(A)).isEmpty();
    }

    @Test
    public void delete_forgets_the_device() {
        store.saveSession(A, r -> r, DeviceRecord.registered(A, "MikroTik", T0), new ParameterTree());
        store.saveSession(B, r -> r, DeviceRecord.registered(B, "MikroTik", T0), new ParameterTree());
        assertThat(store.delete(A)).isTrue();
        assertThat(store.record(A)).isEmpty();
        assertThat(store.parameters(A)).isEmpty();
        assertThat(store.ids()).containsExactly(B);
    }

    @Test
    public void concurrent_updates_of_one_device_lose_nothing() throws Exception {
        store.saveSession(A, r -> r, DeviceRecord.registered(A, "MikroTik", T0), new ParameterTree());
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String tag = "T" + thread + "-" + i;
                        if (i % 2 == 0) {
                            store.update(A, r -> r.map(x -> x.withTag(tag)));
                        } else {
                            store.saveSession(A, r -> r.withTag(tag), DeviceRecord.registered(A, "MikroTik", T0),
                                    new ParameterTree());
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.record(A).orElseThrow().tags()).hasSize(threads * perThread);
    }

    // ---------------------------------------------------------------------------------------------
    // candidates(DeviceFilter)

    private static final DeviceId C = new DeviceId("001122", "", "C3");
    private static final DeviceId D = new DeviceId("001122", "HG8245", "D4");

    /** A (E48D8C, RB951Ui-2HnD, MikroTik, T0, tags X+Y), B (same model, T0+1h, tag X), C (no product class, Huawei, T0+2h), D (Huawei HG8245, T0+3h, tag Y). */
    private void storeFourDevices() {
        store.saveSession(A, r -> r.withTag("X").withTag("Y"), DeviceRecord.registered(A, "MikroTik", T0),
                new ParameterTree());
        store.saveSession(B, r -> r.withTag("X"), DeviceRecord.registered(B, "MikroTik", T0.plusSeconds(3600)),
                new ParameterTree());
        store.saveSession(C, r -> r, DeviceRecord.registered(C, "Huawei", T0.plusSeconds(7200)), new ParameterTree());
        store.saveSession(D, r -> r.withTag("Y"), DeviceRecord.registered(D, "Huawei", T0.plusSeconds(10800)),
                new ParameterTree());
    }

    private void assertCandidates(DeviceFilter filter, DeviceId... exact) {
        List<DeviceId> candidates = store.candidates(filter);
        assertThat(candidates).as("candidates of %s", filter).containsAll(List.of(exact))
                .doesNotHaveDuplicates();
        assertThat(store.ids()).containsAll(candidates);
        if (exactCandidates()) {
            assertThat(candidates).as("candidates of %s", filter).containsExactlyInAnyOrder(exact);
        }
    }

    @Test
    public void candidates_include_every_device_that_meets_the_filter() {
        storeFourDevices();
        assertCandidates(DeviceFilter.all(), A, B, C, D);
        assertCandidates(DeviceFilter.all().withIdIn(List.of(A, C, new DeviceId("FFFFFF", "", "none"))), A, C);
        assertCandidates(DeviceFilter.all().withOuiIn(List.of("001122")), C, D);
        assertCandidates(DeviceFilter.all().withProductClassIn(List.of("RB951Ui-2HnD")), A, B);
        assertCandidates(DeviceFilter.all().withProductClassIn(List.of("")), C);
        assertCandidates(DeviceFilter.all().withSerialNumberIn(List.of("B2", "D4")), B, D);
        assertCandidates(DeviceFilter.all().withManufacturerIn(List.of("Huawei")), C, D);
        assertCandidates(DeviceFilter.all().withTag("X"), A, B);
        assertCandidates(DeviceFilter.all().withTag("X").withTag("Y"), A);
        assertCandidates(DeviceFilter.all().withoutTag("X"), C, D);
        assertCandidates(DeviceFilter.all().withTag("Y").withoutTag("X"), D);
        assertCandidates(DeviceFilter.all().withTag("NOBODY"));
        assertCandidates(DeviceFilter.all().withLastInformFrom(T0.plusSeconds(3600)), B, C, D);
        assertCandidates(DeviceFilter.all().withLastInformTo(T0.plusSeconds(3600)), A, B);
        assertCandidates(DeviceFilter.all().withLastInformFrom(T0.plusSeconds(1))
                .withLastInformTo(T0.plusSeconds(7200)), B, C);
        assertCandidates(DeviceFilter.all().withOuiIn(List.of("E48D8C")).withTag("X").withSerialNumberIn(List.of("B2"))
                .withLastInformFrom(T0), B);
        assertCandidates(DeviceFilter.all().withIdIn(List.of()));
    }

    @Test
    public void candidates_follow_tags_changed_by_sessions_updates_and_deletes() {
        storeFourDevices();
        store.update(A, r -> r.map(x -> x.withoutTag("X")));
        store.update(C, r -> r.map(x -> x.withTag("X")));
        assertCandidates(DeviceFilter.all().withTag("X"), B, C);
        // A session that read the device first (the optimistic save) and changes its tags.
        store.record(B);
        store.parameters(B);
        store.saveSession(B, r -> r.withoutTag("X").withTag("Z"), DeviceRecord.registered(B, "MikroTik", T0),
                new ParameterTree());
        assertCandidates(DeviceFilter.all().withTag("X"), C);
        assertCandidates(DeviceFilter.all().withTag("Z"), B);
        assertThat(store.delete(C)).isTrue();
        assertCandidates(DeviceFilter.all().withTag("X"));
        // Stored again after its delete: no tag left over from before.
        store.saveSession(C, r -> r, DeviceRecord.registered(C, "Huawei", T0), new ParameterTree());
        assertCandidates(DeviceFilter.all().withoutTag("X"), A, B, C, D);
    }

    @Test
    public void candidates_follow_the_last_inform_of_each_session() {
        storeFourDevices();
        Instant later = T0.plusSeconds(86_400);
        store.record(A);
        store.saveSession(A, r -> r.withInform("MikroTik", later, List.of(), 8), DeviceRecord.registered(A, "MikroTik", T0),
                new ParameterTree());
        assertCandidates(DeviceFilter.all().withLastInformFrom(later), A);
        assertCandidates(DeviceFilter.all().withLastInformTo(T0));
    }

    @Test
    public void a_session_written_after_another_write_keeps_the_tags_of_both_for_candidates() {
        storeFourDevices();
        store.record(D);
        store.parameters(D);
        store.update(D, r -> r.map(x -> x.withTag("FROM-NBI")));
        store.saveSession(D, r -> r.withTag("FROM-SESSION"), DeviceRecord.registered(D, "Huawei", T0),
                new ParameterTree());
        assertCandidates(DeviceFilter.all().withTag("FROM-NBI").withTag("FROM-SESSION").withTag("Y"), D);
    }
}
