package dev.cwmp.benchmarks.datamodel;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.datamodel.dump.GenieacsSimCsv;

/**
 * Everyday operations on the parameter tree of the largest dump (5,229 entries): a deep copy, a
 * wildcard query, a partial-path query, and building the tree from the dump's rows. Skipped (empty
 * tree) without the shared dumps; the suite then does not report these figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TreeBenchmark {

    private static final Instant READ_AT = Instant.parse("2023-05-25T21:00:00Z");
    private static final ParameterPath WILDCARD = ParameterPath.parse("Device.WiFi.AccessPoint.*.Security.KeyPassphrase");
    private static final ParameterPath PARTIAL = ParameterPath.parse("Device.WiFi.");

    private GenieacsSimCsv.Dump dump;
    private ParameterTree tree;

    @Setup
    public void setUp() {
        dump = DataModelFixtures.ex220().orElseThrow(() -> new IllegalStateException(
                "no " + DataModelFixtures.EX220_DUMP + " under " + DataModelFixtures.sharedDir()));
        tree = dump.toParameterTree(READ_AT);
    }

    @Benchmark
    public ParameterTree copy() {
        return tree.copy();
    }

    @Benchmark
    public List<ParameterTree.Entry> queryWildcard() {
        return tree.query(WILDCARD);
    }

    @Benchmark
    public List<ParameterTree.Entry> queryPartial() {
        return tree.query(PARTIAL);
    }

    @Benchmark
    public ParameterTree buildFromDump() {
        return dump.toParameterTree(READ_AT);
    }
}
