package dev.cwmp.benchmarks;

import dev.cwmp.benchmarks.nbi.NbiQueryBenchmark;
import dev.cwmp.benchmarks.nbi.NbiQueryDevices;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * {@code bin/bench nbi-query}: median latency of {@code GET /devices/?query=...} over loopback HTTP,
 * 20,000 devices in the embedded H2 store, for {@code {"_tags": "X"}} (100 match) and
 * {@code {"DeviceID.ProductClass": "RB951Ui-2HnD"}} (200 match): the NBI narrowing the devices read
 * with the store's indexes, against the full scan it did before (every device's record and tree
 * read, then filtered), both in the same run on the same database file.
 *
 * <p>The store is filled once (10 to 20 s), then JMH runs each case in a fork of its own
 * (defaults: 1 fork, 10 warm-up and 8 measurement iterations of 1 s, latency sampled per request,
 * the median reported; a full-scan request outlasts an iteration). JMH's options override the
 * defaults. About 4 minutes.
 */
public final class NbiQuerySuite {

    private NbiQuerySuite() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path work = Files.createTempDirectory("cwmp-bench-nbi-query");
        try {
            long start = System.nanoTime();
            NbiQueryDevices.create(work);
            System.out.printf(Locale.ROOT, "%d devices stored in %.1f s%n", NbiQueryDevices.DEVICES,
                    (System.nanoTime() - start) / 1e9);
            // The narrowed requests were still getting faster after 3 warm-up seconds (H2's and Jackson's
            // code being compiled): 10 of warm-up, 8 measured.
            Collection<RunResult> runs = new Runner(BenchReport.jmhDefaults(cmd)
                    .warmupIterations(cmd.getWarmupIterations().orElse(10))
                    .measurementIterations(cmd.getMeasurementIterations().orElse(8))
                    .include(NbiQueryBenchmark.class.getName() + "\\.")
                    .param("data", work.toAbsolutePath().toString())
                    .build()).run();

            BenchReport report = new BenchReport(String.format(Locale.ROOT,
                    "nbi-query: median ms per GET /devices/?query=..., %,d devices, embedded H2, loopback HTTP",
                    NbiQueryDevices.DEVICES));
            for (String query : new String[] {"tags", "productClass"}) {
                double narrowed = median(runs, query, "narrowed");
                double full = median(runs, query, "full");
                String name = query.equals("tags") ? "tags" : "product_class";
                String what = query.equals("tags") ? "{\"_tags\":\"X\"}, " + NbiQueryDevices.TAGGED + " match"
                        : "{\"DeviceID.ProductClass\":...}, " + NbiQueryDevices.OF_PRODUCT_CLASS + " match";
                report.figure("nbi_query." + name + ".narrowed", narrowed, "ms", what);
                report.figure("nbi_query." + name + ".full_scan", full, "ms", "every device read (before)");
                report.figure("ratio." + name + ".full_scan_over_narrowed", full / narrowed, "x", "");
            }
            int cpus = Runtime.getRuntime().availableProcessors();
            report.figure("system_load_average.before", loadBefore, "", cpus + " CPUs: figures suffer above that");
            report.figure("system_load_average.after",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "");
            report.print();
        } finally {
            delete(work);
        }
    }

    private static double median(Collection<RunResult> runs, String query, String mode) {
        for (RunResult run : runs) {
            if (run.getParams().getParam("query").equals(query) && run.getParams().getParam("mode").equals(mode)) {
                return run.getPrimaryResult().getStatistics().getPercentile(50);
            }
        }
        throw new IllegalStateException("no run of " + query + " " + mode);
    }

    private static void delete(Path work) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
