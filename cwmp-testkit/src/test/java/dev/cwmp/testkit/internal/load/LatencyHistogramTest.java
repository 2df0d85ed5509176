package dev.cwmp.testkit.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void small_values_are_exact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(90)).isEqualTo(90);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.max()).isEqualTo(100);
    }

    @Test
    void large_values_are_within_the_bucket_precision_and_never_above_the_truth() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 10_000; i++) {
            h.record(i * 10L); // 10 µs .. 100 ms
        }
        long p50 = h.percentile(50);
        long p99 = h.percentile(99);
        assertThat(p50).isLessThanOrEqualTo(50_000).isCloseTo(50_000, within(50_000 / 64L + 1));
        assertThat(p99).isLessThanOrEqualTo(99_000).isCloseTo(99_000, within(99_000 / 64L + 1));
        assertThat(h.max()).isEqualTo(100_000);
    }

    @Test
    void a_percentile_never_exceeds_the_maximum() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000_003);
        assertThat(h.percentile(50)).isLessThanOrEqualTo(1_000_003).isGreaterThan(1_000_003 - 1_000_003 / 64);
    }

    @Test
    void every_bucket_bound_maps_back_to_its_bucket() {
        for (int i = 0; i < 1344; i++) {
            assertThat(LatencyHistogram.indexOf(LatencyHistogram.lowestValueOf(i))).as("bucket %d", i).isEqualTo(i);
        }
    }

    @Test
    void huge_values_land_in_the_last_bucket_and_keep_the_exact_max() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(Long.MAX_VALUE / 2);
        assertThat(h.max()).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(h.percentile(100)).isPositive().isLessThanOrEqualTo(h.max());
    }

    @Test
    void merged_histograms_count_both() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            a.record(10);
        }
        for (int i = 0; i < 10; i++) {
            b.record(5_000);
        }
        a.add(b);
        assertThat(a.count()).isEqualTo(100);
        assertThat(a.percentile(90)).isEqualTo(10);
        assertThat(a.percentile(91)).isCloseTo(5_000, within(5_000 / 64L + 1));
        assertThat(a.max()).isEqualTo(5_000);
    }

    @Test
    void empty_histogram_reports_zero_and_rejects_bad_percentiles() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(99)).isZero();
        assertThat(h.max()).isZero();
        assertThatThrownBy(() -> h.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
