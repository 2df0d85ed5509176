package dev.cwmp.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.cwmp.benchmarks.datamodel.DataModelFixtures;
import dev.cwmp.benchmarks.datamodel.ModelLoadBenchmark;
import dev.cwmp.benchmarks.datamodel.PathLookupBenchmark;
import dev.cwmp.benchmarks.datamodel.RetainedSizes;
import dev.cwmp.benchmarks.datamodel.TreeBenchmark;
import dev.cwmp.datamodel.dump.GenieacsSimCsv;

/**
 * {@code bin/bench datamodel}: the data model's figures against their targets.
 *
 * <ul>
 *   <li>Cold load of TR-181 (target at most 150 ms) and TR-098: JMH single shot in 10 fresh forks each,
 *       through the module's loader, not the cached singleton.
 *   <li>Retained heap of the loaded TR-181 model (target at most 20 MB) and TR-098, with JOL's
 *       GraphLayout (every reachable object, this JVM's layout).
 *   <li>Bytes a device's parameter tree retains per entry for the largest dump (TP-Link EX220, 5,237
 *       rows; target at most 150), with JOL, leaving out the pooled segment names and type names that
 *       all devices share (values counted in full); also the marginal cost of a second identical device.
 *       Baseline: a plain {@code HashMap<String, String>} of the same dump.
 *   <li>Path parse plus definition lookup, one thread (target at least 3 million per second); baselines:
 *       the parse alone and the map lookup alone.
 *   <li>No target, for information: the EX220 tree's deep copy, a wildcard and a partial-path query,
 *       and building it from the dump's rows.
 * </ul>
 *
 * <p>Path lookup defaults: 1 fork, 3 warm-up iterations of 1 s, 5 measurement iterations of 1 s;
 * JMH's own options override them (e.g. {@code bin/bench datamodel -i 10}). The whole suite takes
 * about a minute and a half.
 */
public final class DataModelSuite {

    static final double TARGET_LOAD_MS = 150;
    static final double TARGET_MODEL_MB = 20;
    static final double TARGET_TREE_BYTES_PER_ENTRY = 150;
    static final double TARGET_LOOKUPS_PER_S = 3_000_000;

    private DataModelSuite() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String sharedArg = "-D" + DataModelFixtures.SHARED_DIR_PROPERTY + "=" + DataModelFixtures.sharedDir();

        ChainedOptionsBuilder load = new OptionsBuilder().parent(cmd)
                .include(ModelLoadBenchmark.class.getName() + "\\.")
                .forks(cmd.getForkCount().orElse(10))
                .jvmArgsAppend(sharedArg);
        Collection<RunResult> loadRuns = new Runner(load.build()).run();

        boolean dumps = DataModelFixtures.ex220().isPresent();
        ChainedOptionsBuilder lookup = BenchReport.jmhDefaults(cmd)
                .include(PathLookupBenchmark.class.getName() + "\\.")
                .jvmArgsAppend(sharedArg);
        if (dumps) {
            lookup.include(TreeBenchmark.class.getName() + "\\.");
        }
        Collection<RunResult> lookupRuns = new Runner(lookup.build()).run();

        List<String> verdicts = new ArrayList<>();
        BenchReport report = new BenchReport("datamodel: medians (load: 10 cold forks; sizes: JOL GraphLayout)");

        double tr181Ms = BenchReport.median(loadRuns, "ModelLoadBenchmark.coldLoad:tr181");
        double tr098Ms = BenchReport.median(loadRuns, "ModelLoadBenchmark.coldLoad:tr098");
        report.figure("model_load_cold.tr181", tr181Ms, "ms",
                BenchReport.verdict(verdicts, "TR-181 cold load <= 150 ms", tr181Ms <= TARGET_LOAD_MS));
        report.figure("model_load_cold.tr098", tr098Ms, "ms", "no target; for comparison");

        double tr181Mb = RetainedSizes.model("tr181") / 1e6;
        double tr098Mb = RetainedSizes.model("tr098") / 1e6;
        report.figure("model_heap.tr181", tr181Mb, "MB",
                BenchReport.verdict(verdicts, "TR-181 model retains <= 20 MB", tr181Mb <= TARGET_MODEL_MB));
        report.figure("model_heap.tr098", tr098Mb, "MB", "no target; for comparison");

        Optional<GenieacsSimCsv.Dump> first = DataModelFixtures.ex220();
        if (first.isPresent()) {
            RetainedSizes.TreeSizes sizes = RetainedSizes.tree(first.get(), DataModelFixtures.ex220().orElseThrow());
            report.figure("tree_bytes_per_entry.ex220", sizes.perEntry(), "B",
                    BenchReport.verdict(verdicts, "tree <= 150 B per entry (pooled names excluded)",
                            sizes.perEntry() <= TARGET_TREE_BYTES_PER_ENTRY)
                            + "; " + sizes.entries() + " entries");
            report.figure("tree_bytes_per_parameter.ex220", sizes.perParameter(), "B",
                    "objects' bytes spread over " + sizes.parameters() + " parameters");
            report.figure("tree_marginal_bytes_per_entry.ex220", sizes.marginalPerEntry(), "B",
                    "a second device with the same dump: pooled short values shared too");
            report.figure("tree_bytes_first_device.ex220", sizes.firstDeviceBytes() / 1e3, "KB", "pools included");
            report.figure("baseline_hashmap_bytes_per_entry.ex220", (double) sizes.naiveMapBytes() / sizes.entries(), "B",
                    "HashMap<String,String> path -> value");
            report.figure("ratio.hashmap_over_tree", (double) sizes.naiveMapBytes() / sizes.treeBytes(), "x");
        } else {
            System.out.println("Skipping the tree figures: no " + DataModelFixtures.EX220_DUMP + " under "
                    + DataModelFixtures.sharedDir() + " (set -D" + DataModelFixtures.SHARED_DIR_PROPERTY + "=<dir>)");
        }

        double lookups = BenchReport.median(lookupRuns, "PathLookupBenchmark.parseAndFind");
        double parses = BenchReport.median(lookupRuns, "PathLookupBenchmark.parseOnly");
        double mapLookups = BenchReport.median(lookupRuns, "PathLookupBenchmark.lookupOnly");
        report.figure("path_parse_and_find", lookups / 1e6, "M ops/s",
                BenchReport.verdict(verdicts, "parse + definition lookup >= 3 M/s on one thread", lookups >= TARGET_LOOKUPS_PER_S));
        report.figure("baseline_parse_only", parses / 1e6, "M ops/s");
        report.figure("baseline_lookup_only", mapLookups / 1e6, "M ops/s", "HashMap by definition path");
        report.figure("ratio.parse_only_over_parse_and_find", parses / lookups, "x");
        if (dumps) {
            report.figure("tree_copy.ex220", BenchReport.median(lookupRuns, "TreeBenchmark.copy"), "us/op", "deep copy, 5,229 entries");
            report.figure("tree_query_wildcard.ex220", BenchReport.median(lookupRuns, "TreeBenchmark.queryWildcard"), "us/op",
                    "Device.WiFi.AccessPoint.*.Security.KeyPassphrase");
            report.figure("tree_query_partial.ex220", BenchReport.median(lookupRuns, "TreeBenchmark.queryPartial"), "us/op",
                    "Device.WiFi. (everything below)");
            report.figure("tree_build.ex220", BenchReport.median(lookupRuns, "TreeBenchmark.buildFromDump"), "us/op",
                    "from the dump's parsed rows");
        }

        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        report.figure("system_load_average.before", loadBefore, "", cpus + " CPUs: cold loads suffer first when this exceeds them");
        report.figure("system_load_average.after", loadAfter, "");
        report.print();
        System.out.println();
        verdicts.forEach(System.out::println);
    }

}
