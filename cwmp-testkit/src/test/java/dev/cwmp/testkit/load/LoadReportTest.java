package dev.cwmp.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static LoadReport.Latency latency(long p50, long p90, long p99, long max) {
        return new LoadReport.Latency(Duration.ofNanos(p50 * 1_000), Duration.ofNanos(p90 * 1_000), Duration.ofNanos(p99 * 1_000),
                Duration.ofNanos(max * 1_000));
    }

    private static LoadReport report(long sessions, long p99Micros, Map<ErrorKind, Long> errors) {
        return new LoadReport(Scenario.GET_THEN_SET, 64, Duration.ofSeconds(4), sessions, sessions * 4,
                latency(1_500, 2_000, p99Micros, 40_000), errors);
    }

    @Test
    void prints_one_result_line_per_figure_with_its_unit() {
        LoadReport r = report(10_000, 12_345, Map.of(ErrorKind.TIMEOUT, 3L));
        assertThat(r.sessionsPerSecond()).isEqualTo(2_500.0);
        assertThat(r.requestsPerSession()).isEqualTo(4.0);
        assertThat(r.resultLines("session.ours.")).containsExactly(
                "RESULT session.ours.sessions_per_second=2500.00 sessions/s",
                "RESULT session.ours.requests_per_session=4.00 requests",
                "RESULT session.ours.latency_p50=1.500 ms",
                "RESULT session.ours.latency_p90=2.000 ms",
                "RESULT session.ours.latency_p99=12.345 ms",
                "RESULT session.ours.latency_max=40.000 ms",
                "RESULT session.ours.sessions=10000 sessions",
                "RESULT session.ours.errors.connect=0 sessions",
                "RESULT session.ours.errors.timeout=3 sessions",
                "RESULT session.ours.errors.unexpected_status=0 sessions",
                "RESULT session.ours.errors.protocol=0 sessions",
                "RESULT session.ours.errors.io=0 sessions");
    }

    @Test
    void print_results_writes_the_same_lines() {
        LoadReport r = report(100, 3_000, Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.printResults(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x.");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(r.resultLines("x."));
    }

    @Test
    void every_error_kind_is_present_and_the_map_is_a_copy() {
        java.util.HashMap<ErrorKind, Long> errors = new java.util.HashMap<>(Map.of(ErrorKind.IO, 2L));
        LoadReport r = report(10, 3_000, errors);
        errors.put(ErrorKind.CONNECT, 5L);
        assertThat(r.errors()).hasSize(ErrorKind.values().length).containsEntry(ErrorKind.IO, 2L)
                .containsEntry(ErrorKind.CONNECT, 0L);
        assertThat(r.errorCount()).isEqualTo(2);
    }

    @Test
    void nothing_completed_gives_zero_rates() {
        LoadReport r = new LoadReport(Scenario.BARE, 1, Duration.ZERO, 0, 0, latency(0, 0, 0, 0), Map.of());
        assertThat(r.sessionsPerSecond()).isZero();
        assertThat(r.requestsPerSession()).isZero();
    }

    @Test
    void rejects_percentiles_out_of_order_and_negative_counts() {
        assertThatThrownBy(() -> latency(5, 4, 6, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report(-1, 3_000, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_median_of_runs_takes_the_middle_rate_and_the_median_percentiles() {
        LoadReport slow = report(4_000, 30_000, Map.of(ErrorKind.IO, 1L));
        LoadReport middle = report(8_000, 9_000, Map.of());
        LoadReport fast = report(12_000, 20_000, Map.of(ErrorKind.IO, 2L));
        LoadReport m = LoadReports.median(fast, slow, middle);
        assertThat(m.sessions()).isEqualTo(8_000);
        assertThat(m.latency().p99()).isEqualTo(Duration.ofMillis(20));
        assertThat(m.errors()).containsEntry(ErrorKind.IO, 3L);
    }

    @Test
    void scenarios_have_command_line_names() {
        assertThat(Scenario.ofCliName("get-then-set")).isEqualTo(Scenario.GET_THEN_SET);
        assertThat(Scenario.ofCliName("BARE")).isEqualTo(Scenario.BARE);
        assertThatThrownBy(() -> Scenario.ofCliName("lots")).isInstanceOf(IllegalArgumentException.class);
    }
}
