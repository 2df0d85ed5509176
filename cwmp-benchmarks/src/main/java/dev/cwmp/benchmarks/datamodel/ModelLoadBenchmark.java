package dev.cwmp.benchmarks.datamodel;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.internal.ModelLoader;

/**
 * Cold load of a whole standard model: one shot per fresh JVM (fork), through the module's loader
 * rather than the cached {@code DataModel.tr181()} singleton, so class loading, the resource's
 * decompression and parsing all count, with no JIT warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ModelLoadBenchmark {

    @Param({"tr181", "tr098"})
    public String model;

    @Benchmark
    public DataModel coldLoad() {
        return model.equals("tr181") ? ModelLoader.loadTr181() : ModelLoader.loadTr098();
    }
}
