package dev.cwmp.benchmarks.datamodel;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.datamodel.ParameterPath;

/**
 * Parse a concrete parameter path and find its definition, one thread; with two baselines measured
 * in the same run: the parse alone, and the model's map lookup of an already computed definition path.
 * Paths cycle through every parameter of the largest device dump (or of the TR-181 model).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PathLookupBenchmark {

    private DataModel model;
    private String[] paths;
    private String[] definitionPaths;
    private int next;

    @Setup
    public void setUp() {
        model = DataModel.tr181();
        String[] all = DataModelFixtures.concretePaths();
        int size = Integer.highestOneBit(all.length); // a power of two, for a cheap index mask
        paths = new String[size];
        definitionPaths = new String[size];
        for (int i = 0; i < size; i++) {
            paths[i] = all[i];
            definitionPaths[i] = ParameterPath.parse(all[i]).definitionPath();
        }
    }

    @Benchmark
    public Optional<ParameterDefinition> parseAndFind() {
        String text = paths[next++ & (paths.length - 1)];
        return model.findParameter(ParameterPath.parse(text));
    }

    @Benchmark
    public ParameterPath parseOnly() {
        return ParameterPath.parse(paths[next++ & (paths.length - 1)]);
    }

    @Benchmark
    public Optional<ParameterDefinition> lookupOnly() {
        return model.parameter(definitionPaths[next++ & (definitionPaths.length - 1)]);
    }
}
