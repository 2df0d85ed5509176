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

import dev.cwmp.benchmarks.scripting.ScriptFixtures;
import dev.cwmp.benchmarks.scripting.ScriptRunBenchmark;
import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.scripting.ProvisionScripts;

/**
 * {@code bin/bench scripting}: one run of a typical GenieACS script in the sandbox against the
 * equivalent Java provision, after warm-up. Target: a script run at most 1 ms.
 *
 * <p>Defaults: 1 fork, 3 warm-up iterations of 1 s, 5 measurement iterations of 1 s, with JMH's GC
 * profiler; JMH's own options override them. Like the provisioning suite, it also measures the runs
 * by thread CPU time in its own JVM (median of 15 rounds of 200 runs after 5,000 to warm up), which
 * waiting for a core on a busy machine does not inflate.
 */
public final class ScriptingSuite {

    static final double TARGET_MICROS = 1000;

    private ScriptingSuite() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ChainedOptionsBuilder options = BenchReport.jmhDefaults(cmd)
                .include(ScriptRunBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class);
        Collection<RunResult> runs = new Runner(options.build()).run();

        List<String> verdicts = new ArrayList<>();
        BenchReport report = new BenchReport("scripting: medians, µs per provision run (one thread)");
        double script = BenchReport.median(runs, "ScriptRunBenchmark.wifiScript");
        double java = BenchReport.median(runs, "ScriptRunBenchmark.wifiJava");
        report.figure("script_run.wifi", script, "us",
                BenchReport.verdict(verdicts, "a typical script run <= 1 ms", script <= TARGET_MICROS));
        report.figure("baseline.java_provision.wifi", java, "us", "the same provision in Java, same context");
        report.figure("overhead.script_minus_java", script - java, "us", "what the sandbox adds per run");
        report.figure("ratio.script_over_java", script / java, "x");
        BenchReport.secondaryMedian(runs, "ScriptRunBenchmark.wifiScript", "gc.alloc.rate.norm")
                .ifPresent(b -> report.figure("alloc.script_run.wifi", b, "B/op", "bytes allocated per run"));
        BenchReport.secondaryMedian(runs, "ScriptRunBenchmark.wifiJava", "gc.alloc.rate.norm")
                .ifPresent(b -> report.figure("alloc.baseline.java_provision.wifi", b, "B/op"));

        ProvisionContext context = ScriptFixtures.context();
        Provision scripted = ProvisionScripts.create().put("wifi", ScriptFixtures.WIFI_SCRIPT);
        double cpuScript = cpuMicros(scripted, context);
        double cpuJava = cpuMicros(ScriptFixtures.WIFI_JAVA, context);
        report.figure("cpu_time.script_run.wifi", cpuScript, "us",
                BenchReport.verdict(verdicts, "a typical script run <= 1 ms of CPU", cpuScript <= TARGET_MICROS));
        report.figure("cpu_time.baseline.java_provision.wifi", cpuJava, "us", "thread CPU time");
        report.figure("cpu_time.ratio.script_over_java", cpuScript / cpuJava, "x");
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        report.figure("system_load_average.before", loadBefore, "", cpus + " CPUs: wall-clock figures inflate when this exceeds them");
        report.figure("system_load_average.after", loadAfter, "");
        report.print();
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    /** Median thread CPU time per run, in microseconds. */
    private static double cpuMicros(Provision provision, ProvisionContext context) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5_000; i++) {
            provision.run(context, ScriptFixtures.ARGS);
        }
        int rounds = 15;
        int perRound = 200;
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                provision.run(context, ScriptFixtures.ARGS);
            }
            micros[r] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / perRound;
        }
        Arrays.sort(micros);
        return micros[rounds / 2];
    }

}
