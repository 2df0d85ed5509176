package dev.cwmp.provisioning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PresetStore}: every implementation runs it by extending this class and
 * returning a fresh, empty store from {@link #newStore()}.
 */
public abstract class PresetStoreContract {

    protected PresetStore store;

    /** A fresh store holding no preset. */
    protected abstract PresetStore newStore();

    /** Takes a fresh instance before each test. */
    @BeforeEach
    public void create() {
        store = newStore();
    }

    private static Preset preset(String name, int weight) {
        return Preset.builder(name).weight(weight).precondition("Tags.NEW IS NOT NULL").addTag("SEEN").build();
    }

    @Test
    public void an_empty_store_has_no_preset() {
        assertThat(store.all()).isEmpty();
        assertThat(store.get("missing")).isEmpty();
        assertThat(store.delete("missing")).isFalse();
    }

    @Test
    public void a_preset_put_is_read_back_equal() {
        Preset p = preset("00 NEW DEVICE", 0);
        store.put(p);

        assertThat(store.get("00 NEW DEVICE")).contains(p);
        assertThat(store.all()).containsExactly(p);
    }

    @Test
    public void put_replaces_the_preset_of_the_same_name() {
        store.put(preset("10 UPGRADING", 0));
        Preset heavier = preset("10 UPGRADING", 7);
        store.put(heavier);

        assertThat(store.all()).containsExactly(heavier);
        assertThat(store.get("10 UPGRADING").orElseThrow().weight()).isEqualTo(7);
    }

    @Test
    public void delete_removes_only_that_preset() {
        store.put(preset("a", 0));
        store.put(preset("b", 0));

        assertThat(store.delete("a")).isTrue();
        assertThat(store.delete("a")).isFalse();
        assertThat(store.all()).extracting(Preset::name).containsExactly("b");
    }

    @Test
    public void the_version_increases_on_every_change_and_not_otherwise() {
        long v0 = store.version();
        store.put(preset("a", 0));
        long v1 = store.version();
        store.put(preset("a", 1));
        long v2 = store.version();
        store.get("a");
        store.all();
        assertThat(store.version()).isEqualTo(v2);
        store.delete("a");
        long v3 = store.version();
        store.delete("a");

        assertThat(v1).isGreaterThan(v0);
        assertThat(v2).isGreaterThan(v1);
        assertThat(v3).isGreaterThan(v2);
        assertThat(store.version()).isEqualTo(v3);
    }

    @Test
    public void concurrent_puts_of_different_names_are_all_kept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.put(preset("p" + thread + "-" + i, i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.all()).hasSize(100);
    }
}
