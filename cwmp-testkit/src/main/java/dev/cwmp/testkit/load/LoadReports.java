package dev.cwmp.testkit.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

/** Combines the reports of repeated runs. */
public final class LoadReports {

    private LoadReports() {
    }

    /**
     * The median of repeated runs: the run with the median sessions per second (the lower middle one
     * for an even count), with each latency percentile replaced by the median of the runs' percentiles
     * and the errors summed over all runs.
     */
    public static LoadReport median(LoadReport... reports) {
        if (reports.length == 0) {
            throw new IllegalArgumentException("no reports");
        }
        LoadReport[] bySpeed = reports.clone();
        Arrays.sort(bySpeed, Comparator.comparingDouble(LoadReport::sessionsPerSecond));
        LoadReport middle = bySpeed[(bySpeed.length - 1) / 2];
        Duration p50 = medianOf(reports, r -> r.latency().p50());
        Duration p90 = medianOf(reports, r -> r.latency().p90());
        Duration p99 = medianOf(reports, r -> r.latency().p99());
        Duration max = medianOf(reports, r -> r.latency().max());
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        for (LoadReport r : reports) {
            r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        // Medians of ordered sequences stay ordered, so the latency record's check holds.
        return new LoadReport(middle.scenario(), middle.cpes(), middle.elapsed(), middle.sessions(),
                middle.httpRequests(), new LoadReport.Latency(p50, p90, p99, max), errors);
    }

    private static Duration medianOf(LoadReport[] reports, java.util.function.Function<LoadReport, Duration> f) {
        Duration[] values = Arrays.stream(reports).map(f).sorted().toArray(Duration[]::new);
        return values[(values.length - 1) / 2];
    }
}
