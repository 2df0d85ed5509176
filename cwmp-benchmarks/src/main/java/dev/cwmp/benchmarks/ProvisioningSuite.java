package dev.cwmp.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.cwmp.benchmarks.provisioning.PresetEvaluationBenchmark;
import dev.cwmp.benchmarks.provisioning.PresetFixtures;
import dev.cwmp.provisioning.DeviceView;
import dev.cwmp.provisioning.PresetEvaluator;
import dev.cwmp.session.SessionContext;

/**
 * {@code bin/bench provisioning}: the cost preset evaluation adds to a session, against its target.
 *
 * <ul>
 *   <li>1,000 presets of which 10 apply: at most 200 µs per session (the whole evaluation is what
 *       presets add: adapting the session, events, schedules, preconditions, merging).
 *   <li>Baseline in the same run: the 10 applicable presets alone.
 *   <li>For information: the 1,000 without their event filters, every precondition evaluated.
 * </ul>
 *
 * <p>Defaults: 1 fork, 3 warm-up iterations of 1 s, 5 measurement iterations of 1 s, with JMH's GC
 * profiler for the bytes allocated per session; JMH's own options override them (e.g.
 * {@code bin/bench provisioning -i 10 -f 2}). About 30 seconds.
 *
 * <p>JMH's figures are wall-clock time, which on a machine busier than its cores includes time the
 * thread waited for a core. So the suite also measures the same evaluations in its own JVM by
 * thread CPU time (median of 15 rounds of 500 evaluations, after 20,000 to warm up), and prints
 * the system load average beside them.
 */
public final class ProvisioningSuite {

    static final double TARGET_MICROS = 200;

    private ProvisioningSuite() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ChainedOptionsBuilder options = BenchReport.jmhDefaults(cmd)
                .include(PresetEvaluationBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class);
        Collection<RunResult> runs = new Runner(options.build()).run();

        List<String> verdicts = new ArrayList<>();
        BenchReport report = new BenchReport("provisioning: medians, µs per session evaluation (one thread)");
        double thousand = BenchReport.median(runs, "PresetEvaluationBenchmark.thousandPresetsTenApply");
        double ten = BenchReport.median(runs, "PresetEvaluationBenchmark.tenPresetsAllApply");
        double unindexed = BenchReport.median(runs, "PresetEvaluationBenchmark.thousandPresetsNoEventIndex");
        report.figure("preset_evaluation.1000_presets_10_apply", thousand, "us",
                BenchReport.verdict(verdicts, "1,000 presets / 10 applicable <= 200 us per session", thousand <= TARGET_MICROS));
        report.figure("baseline.10_presets_all_apply", ten, "us", "the 10 applicable presets alone");
        report.figure("preset_evaluation.1000_presets_no_event_index", unindexed, "us",
                "no event filters: every precondition evaluated");
        report.figure("ratio.1000_over_10", thousand / ten, "x");
        report.figure("ratio.no_index_over_indexed", unindexed / thousand, "x");
        allocation(report, runs, "PresetEvaluationBenchmark.thousandPresetsTenApply", "alloc.1000_presets_10_apply");
        allocation(report, runs, "PresetEvaluationBenchmark.tenPresetsAllApply", "alloc.baseline.10_presets_all_apply");

        SessionContext session = PresetFixtures.session();
        double cpuThousand = cpuMicros(PresetEvaluator.of(PresetFixtures.presets(1000, true)), session);
        double cpuTen = cpuMicros(PresetEvaluator.of(PresetFixtures.presets(10, true)), session);
        report.figure("cpu_time.1000_presets_10_apply", cpuThousand, "us",
                BenchReport.verdict(verdicts, "1,000 presets / 10 applicable <= 200 us of CPU per session", cpuThousand <= TARGET_MICROS));
        report.figure("cpu_time.baseline.10_presets_all_apply", cpuTen, "us", "thread CPU time, unaffected by waiting for a core");
        report.figure("cpu_time.ratio.1000_over_10", cpuThousand / cpuTen, "x");
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        report.figure("system_load_average.before", loadBefore, "", cpus + " CPUs: wall-clock figures inflate when this exceeds them");
        report.figure("system_load_average.after", loadAfter, "");
        report.print();
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    /** Median thread CPU time per evaluation, in microseconds. */
    private static double cpuMicros(PresetEvaluator evaluator, SessionContext session) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += evaluator.evaluate(DeviceView.of(session), PresetFixtures.NOW).applicable().size();
        }
        int rounds = 15;
        int perRound = 500;
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink += evaluator.evaluate(DeviceView.of(session), PresetFixtures.NOW).applicable().size();
            }
            micros[r] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / perRound;
        }
        if (sink != 10L * (20_000 + rounds * perRound)) {
            throw new IllegalStateException("expected 10 applicable presets in every evaluation");
        }
        Arrays.sort(micros);
        return micros[rounds / 2];
    }

    private static void allocation(BenchReport report, Collection<RunResult> runs, String benchmark, String name) {
        BenchReport.secondaryMedian(runs, benchmark, "gc.alloc.rate.norm")
                .ifPresent(bytes -> report.figure(name, bytes, "B/op", "bytes allocated per session evaluation"));
    }

}
