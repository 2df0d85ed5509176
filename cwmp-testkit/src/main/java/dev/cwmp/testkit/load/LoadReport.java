package dev.cwmp.testkit.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one load run: completed sessions in the measured interval, HTTP requests they took,
 * session latency percentiles (from the Inform sent to the final 204 received, connection set-up
 * included) and failed sessions by kind of error.
 *
 * @param scenario     what each session contained
 * @param cpes         how many simulated CPEs ran at once
 * @param elapsed      the measured interval
 * @param sessions     sessions completed in the interval
 * @param httpRequests HTTP requests of those sessions
 * @param latency      their latency percentiles
 * @param errors       failed sessions by kind (every kind present, zero when none)
 */
public record LoadReport(Scenario scenario, int cpes, Duration elapsed, long sessions, long httpRequests,
        Latency latency, Map<ErrorKind, Long> errors) {

    /** Validates the figures and copies the error counts, adding the kinds that are missing as zero. */
    public LoadReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(latency, "latency");
        if (cpes < 1 || sessions < 0 || httpRequests < 0 || elapsed.isNegative()) {
            throw new IllegalArgumentException("counts and durations cannot be negative");
        }
        EnumMap<ErrorKind, Long> all = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            Long n = errors.get(kind);
            all.put(kind, n == null ? 0L : n);
        }
        errors = Map.copyOf(all);
    }

    /**
     * Session latency percentiles.
     *
     * @param p50 the median
     * @param p90 the 90th percentile
     * @param p99 the 99th percentile
     * @param max the slowest session
     */
    public record Latency(Duration p50, Duration p90, Duration p99, Duration max) {
        /** Requires every percentile, in order. */
        public Latency {
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p90, "p90");
            Objects.requireNonNull(p99, "p99");
            Objects.requireNonNull(max, "max");
            if (p50.compareTo(p90) > 0 || p90.compareTo(p99) > 0 || p99.compareTo(max) > 0) {
                throw new IllegalArgumentException("percentiles out of order: " + p50 + ", " + p90 + ", " + p99 + ", " + max);
            }
        }
    }

    /** Completed sessions per second over the measured interval; 0 for an empty interval. */
    public double sessionsPerSecond() {
        return elapsed.isZero() ? 0 : sessions / (elapsed.toNanos() / 1e9);
    }

    /** HTTP requests per completed session; 0 when none completed. */
    public double requestsPerSession() {
        return sessions == 0 ? 0 : (double) httpRequests / sessions;
    }

    /** Failed sessions of every kind. */
    public long errorCount() {
        long n = 0;
        for (long v : errors.values()) {
            n += v;
        }
        return n;
    }

    /**
     * One {@code RESULT name=value unit} line per figure, names prefixed with {@code prefix} (e.g.
     * {@code "load."}): sessions per second, requests per session, latency p50/p90/p99/max in ms,
     * completed sessions and errors by kind.
     */
    public List<String> resultLines(String prefix) {
        List<String> lines = new ArrayList<>();
        lines.add(line(prefix + "sessions_per_second", format(sessionsPerSecond()), "sessions/s"));
        lines.add(line(prefix + "requests_per_session", format(requestsPerSession()), "requests"));
        lines.add(line(prefix + "latency_p50", millis(latency.p50()), "ms"));
        lines.add(line(prefix + "latency_p90", millis(latency.p90()), "ms"));
        lines.add(line(prefix + "latency_p99", millis(latency.p99()), "ms"));
        lines.add(line(prefix + "latency_max", millis(latency.max()), "ms"));
        lines.add(line(prefix + "sessions", Long.toString(sessions), "sessions"));
        for (ErrorKind kind : ErrorKind.values()) {
            lines.add(line(prefix + "errors." + kind.resultName(), Long.toString(errors.get(kind)), "sessions"));
        }
        return lines;
    }

    /** Prints {@link #resultLines(String)}, one per line. */
    public void printResults(PrintStream out, String prefix) {
        for (String line : resultLines(prefix)) {
            out.println(line);
        }
    }

    private static String line(String name, String value, String unit) {
        return "RESULT " + name + "=" + value + " " + unit;
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e6);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
