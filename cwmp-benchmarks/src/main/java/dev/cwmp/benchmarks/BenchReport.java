package dev.cwmp.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Prints benchmark figures in the project's two forms: a human table, and one machine-readable
 * {@code RESULT name=value unit} line per figure, so that runs can be compared with a plain diff.
 *
 * <p>Every figure is a median over JMH's measurement iterations (not a mean): a single slow
 * iteration on a shared 2-core machine should not move the reported number.
 */
public final class BenchReport {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> results = new ArrayList<>();

    public BenchReport(String title) {
        this.title = title;
    }

    /** Median of the primary score of the benchmark whose label ends with {@code methodSuffix}. */
    public static double median(Collection<RunResult> runs, String methodSuffix) {
        return find(runs, methodSuffix).getPrimaryResult().getStatistics().getPercentile(50);
    }

    /** Median of a secondary result (a profiler's, e.g. {@code gc.alloc.rate.norm}), if present. */
    public static Optional<Double> secondaryMedian(Collection<RunResult> runs, String methodSuffix, String key) {
        Result<?> r = find(runs, methodSuffix).getSecondaryResults().get(key);
        if (r == null) {
            // JMH versions differ on the leading "·" in profiler keys.
            r = find(runs, methodSuffix).getSecondaryResults().get("\u00b7" + key);
        }
        return r == null ? Optional.empty() : Optional.of(r.getStatistics().getPercentile(50));
    }

    /** The run whose benchmark label ends with {@code methodSuffix} (and its parameters, if any). */
    public static RunResult find(Collection<RunResult> runs, String methodSuffix) {
        for (RunResult run : runs) {
            String label = run.getParams().getBenchmark();
            String params = run.getParams().getParamsKeys().isEmpty() ? "" : paramsOf(run);
            if (label.endsWith(methodSuffix) || (label + params).endsWith(methodSuffix)) {
                return run;
            }
        }
        throw new IllegalArgumentException("no benchmark run ends with " + methodSuffix);
    }

    private static String paramsOf(RunResult run) {
        StringBuilder sb = new StringBuilder();
        for (String key : run.getParams().getParamsKeys()) {
            sb.append(':').append(run.getParams().getParam(key));
        }
        return sb.toString();
    }

    /** Adds a figure: one table row and one {@code RESULT} line. */
    public BenchReport figure(String name, double value, String unit, String comment) {
        rows.add(new String[] {name, format(value), unit, comment});
        results.add("RESULT " + name + "=" + format(value) + " " + unit);
        return this;
    }

    /** Adds a figure with no comment. */
    public BenchReport figure(String name, double value, String unit) {
        return figure(name, value, unit, "");
    }

    /** Prints the table, then the {@code RESULT} lines, to standard output. */
    public void print() {
        int w0 = "figure".length();
        int w1 = "value".length();
        int w2 = "unit".length();
        for (String[] row : rows) {
            w0 = Math.max(w0, row[0].length());
            w1 = Math.max(w1, row[1].length());
            w2 = Math.max(w2, row[2].length());
        }
        String fmt = "%-" + w0 + "s  %" + w1 + "s  %-" + w2 + "s  %s%n";
        System.out.println();
        System.out.println("== " + title + " ==");
        System.out.printf(Locale.ROOT, fmt, "figure", "value", "unit", "");
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, fmt, (Object[]) row);
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    private static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (Math.abs(value) >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * JMH options with the suites' defaults (1 fork, 3 warm-up and 5 measurement iterations of 1 s);
     * what the command line gives wins.
     */
    static ChainedOptionsBuilder jmhDefaults(CommandLineOptions cmd) {
        return new OptionsBuilder().parent(cmd)
                .forks(cmd.getForkCount().orElse(1))
                .warmupIterations(cmd.getWarmupIterations().orElse(3))
                .warmupTime(cmd.getWarmupTime().orElse(TimeValue.seconds(1)))
                .measurementIterations(cmd.getMeasurementIterations().orElse(5))
                .measurementTime(cmd.getMeasurementTime().orElse(TimeValue.seconds(1)));
    }

    /** Adds a {@code TARGET ...: MET|MISSED} line to {@code verdicts} and returns the table's note. */
    static String verdict(List<String> verdicts, String target, boolean met) {
        verdicts.add("TARGET " + target + ": " + (met ? "MET" : "MISSED"));
        return (met ? "met" : "MISSED") + ": " + target;
    }
}
