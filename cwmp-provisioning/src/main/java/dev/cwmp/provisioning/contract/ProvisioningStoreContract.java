package dev.cwmp.provisioning.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.ConfigurationStatus;
import dev.cwmp.provisioning.DeviceProvisioning;
import dev.cwmp.provisioning.PendingTransfer;
import dev.cwmp.provisioning.ProvisioningFault;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.StatusSummary;
import dev.cwmp.session.DeviceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ProvisioningStore}: every implementation runs it by extending this class
 * and returning a fresh, empty store from {@link #newStore()}.
 */
public abstract class ProvisioningStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final DeviceId A = new DeviceId("E48D8C", "RB951Ui-2HnD", "A1");
    private static final DeviceId B = new DeviceId("E48D8C", "RB951Ui-2HnD", "B2");

    protected ProvisioningStore store;

    /** A fresh, empty store. */
    protected abstract ProvisioningStore newStore();

    /** Takes a fresh instance before each test. */
    @BeforeEach
    public void create() {
        store = newStore();
    }

    private static ProvisioningFault fault(DeviceId id, String channel, int retries) {
        return new ProvisioningFault(id, channel, "cwmp.9007", "SetParameterValues: Invalid parameter value", T0,
                retries, T0.plus(Duration.ofSeconds(60L << Math.min(retries, 10))));
    }

    private static PendingTransfer transfer(DeviceId id, String key) {
        return new PendingTransfer(id, key, "default", "1 Firmware Upgrade Image", "http://127.0.0.1:7567/fw.xml",
                T0, T0.plus(Duration.ofHours(1)));
    }

    private static ConfigurationStatus configured() {
        return ConfigurationStatus.configured(T0);
    }

    @Test
    public void an_unknown_device_has_no_state() {
        assertThat(store.get(A)).isEmpty();
        assertThat(store.delete(A)).isFalse();
        assertThat(store.clearFault(A, "default")).isFalse();
        assertThat(store.faults()).isEmpty();
        assertThat(store.summary()).isEqualTo(new StatusSummary(0, 0, 0));
    }

    @Test
    public void update_of_a_new_device_starts_from_the_empty_state() {
        DeviceProvisioning seen = store.update(A, current -> {
            assertThat(current).isEqualTo(DeviceProvisioning.empty(A));
            return current;
        });

        assertThat(seen).isEqualTo(DeviceProvisioning.empty(A));
        assertThat(store.get(A)).contains(DeviceProvisioning.empty(A));
    }

    @Test
    public void update_stores_and_returns_the_new_state() {
        DeviceProvisioning written = store.update(A, p -> p.withStatus(configured())
                .withFault(fault(A, "wifi", 0)).withTransfer(transfer(A, "cwmp-kit-1")));

        assertThat(written.status()).isEqualTo(configured());
        assertThat(store.get(A)).contains(written);
        assertThat(store.get(A).orElseThrow().faults()).containsExactly(fault(A, "wifi", 0));
        assertThat(store.get(A).orElseThrow().transfers()).containsExactly(transfer(A, "cwmp-kit-1"));
    }

    @Test
    public void update_sees_the_previous_state() {
        store.update(A, p -> p.withFault(fault(A, "default", 0)));
        store.update(A, p -> p.withFault(fault(A, "default", p.fault("default").orElseThrow().retries() + 1)));

        assertThat(store.get(A).orElseThrow().fault("default").orElseThrow().retries()).isEqualTo(1);
    }

    @Test
    public void update_refuses_the_state_of_another_device() {
        assertThatThrownBy(() -> store.update(A, p -> DeviceProvisioning.empty(B)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(A)).isEmpty();
    }

    @Test
    public void faults_lists_every_device_and_clear_fault_removes_one_channel() {
        store.update(A, p -> p.withFault(fault(A, "default", 0)).withFault(fault(A, "wifi", 2)));
        store.update(B, p -> p.withFault(fault(B, "default", 0)));

        assertThat(store.faults()).extracting(ProvisioningFault::id).containsExactlyInAnyOrder(
                A + ":default", A + ":wifi", B + ":default");

        assertThat(store.clearFault(A, "wifi")).isTrue();
        assertThat(store.clearFault(A, "wifi")).isFalse();
        assertThat(store.get(A).orElseThrow().faults()).extracting(ProvisioningFault::channel).containsExactly("default");
        assertThat(store.faults()).hasSize(2);
    }

    @Test
    public void delete_forgets_the_device_and_its_faults() {
        store.update(A, p -> p.withFault(fault(A, "default", 0)).withStatus(
                ConfigurationStatus.faulted(List.of("10 UPGRADING"), "cwmp.9007", T0)));

        assertThat(store.delete(A)).isTrue();
        assertThat(store.get(A)).isEmpty();
        assertThat(store.faults()).isEmpty();
        assertThat(store.summary().total()).isZero();
    }

    @Test
    public void summary_counts_follow_status_changes_and_deletes() {
        store.update(A, p -> p.withStatus(configured()));
        store.update(B, p -> p.withStatus(ConfigurationStatus.pending(List.of("wifi"), "waiting", T0)));
        assertThat(store.summary()).isEqualTo(new StatusSummary(1, 1, 0));

        store.update(B, p -> p.withStatus(ConfigurationStatus.faulted(List.of("wifi"), "cwmp.9007", T0)));
        assertThat(store.summary()).isEqualTo(new StatusSummary(1, 0, 1));

        store.update(A, p -> p.withStatus(ConfigurationStatus.pending(List.of(), "again", T0)));
        store.delete(B);
        assertThat(store.summary()).isEqualTo(new StatusSummary(0, 1, 0));
    }

    @Test
    public void with_state_pages_through_the_devices_in_one_state_in_id_order() {
        List<DeviceId> pending = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            DeviceId id = new DeviceId("E48D8C", "RB951Ui-2HnD", "S" + i);
            if (i % 3 == 0) {
                store.update(id, p -> p.withStatus(configured()));
            } else {
                store.update(id, p -> p.withStatus(ConfigurationStatus.pending(List.of("x"), "waiting", T0)));
                pending.add(id);
            }
        }

        List<DeviceId> firstPage = store.withState(ConfigurationStatus.State.PENDING, 0, 4).stream()
                .map(DeviceProvisioning::deviceId).toList();
        List<DeviceId> secondPage = store.withState(ConfigurationStatus.State.PENDING, 4, 4).stream()
                .map(DeviceProvisioning::deviceId).toList();

        assertThat(firstPage).containsExactlyElementsOf(pending.subList(0, 4));
        assertThat(secondPage).containsExactlyElementsOf(pending.subList(4, 6));
        assertThat(store.withState(ConfigurationStatus.State.CONFIGURED, 0, 100)).hasSize(4)
                .allSatisfy(p -> assertThat(p.status().state()).isEqualTo(ConfigurationStatus.State.CONFIGURED));
        assertThat(store.withState(ConfigurationStatus.State.FAULTED, 0, 100)).isEmpty();
    }

    @Test
    public void a_transfer_keeps_the_tag_changes_of_its_session() {
        PendingTransfer upgrade = new PendingTransfer(A, "cwmp-kit-dl-1", "upgrade", "1 Firmware Upgrade Image",
                "http://127.0.0.1:7567/routeros-6.49.7-upgrade.xml", T0, T0.plus(Duration.ofHours(1)),
                Set.of("UPGRADING", "wave 2 (east)"), Set.of("PENDING"));
        PendingTransfer config = transfer(A, "cwmp-kit-dl-2");
        store.update(A, p -> p.withTransfer(upgrade).withTransfer(config));

        List<PendingTransfer> read = store.get(A).orElseThrow().transfers();
        assertThat(read).containsExactlyInAnyOrder(upgrade, config);
        assertThat(read).filteredOn(t -> t.commandKey().equals("cwmp-kit-dl-1")).singleElement().satisfies(t -> {
            assertThat(t.tagsAdded()).containsExactlyInAnyOrder("UPGRADING", "wave 2 (east)");
            assertThat(t.tagsRemoved()).containsExactly("PENDING");
        });
        assertThat(read).filteredOn(t -> t.commandKey().equals("cwmp-kit-dl-2")).singleElement().satisfies(t -> {
            assertThat(t.tagsAdded()).isEmpty();
            assertThat(t.tagsRemoved()).isEmpty();
        });

        // A later session changed UPGRADING again: the transfer no longer undoes it.
        PendingTransfer later = new PendingTransfer(A, upgrade.commandKey(), upgrade.channel(), upgrade.fileType(),
                upgrade.url(), upgrade.sent(), upgrade.expires(), Set.of("wave 2 (east)"), upgrade.tagsRemoved());
        store.update(A, p -> p.withTransfer(later));
        assertThat(store.get(A).orElseThrow().transfers()).contains(later).doesNotContain(upgrade);
    }

    @Test
    public void reads_carry_optional_reasons_and_instants_unchanged() {
        ConfigurationStatus status = new ConfigurationStatus(ConfigurationStatus.State.PENDING,
                List.of("10 UPGRADING", "21 PROVISIONING - WIFI"),
                Optional.of("waiting for TransferComplete of 1 Firmware Upgrade Image"), T0.plusMillis(123));
        store.update(A, p -> p.withStatus(status));

        assertThat(store.get(A).orElseThrow().status()).isEqualTo(status);
    }

    @Test
    public void concurrent_updates_of_one_device_are_atomic() throws Exception {
        store.update(A, p -> p.withFault(fault(A, "default", 0)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        store.update(A, p -> p.withFault(fault(A, "default",
                                p.fault("default").orElseThrow().retries() + 1)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.get(A).orElseThrow().fault("default").orElseThrow().retries()).isEqualTo(200);
        assertThat(store.summary().total()).isEqualTo(1);
    }
}
