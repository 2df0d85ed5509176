package dev.cwmp.benchmarks.sim;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 5,000 simulated MikroTik devices power on at once against our ACS on loopback, in a JVM limited
 * to 1 GB of heap: the time until every one has bootstrapped (one session each, Inform, empty POST,
 * 204), single shot per fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class BootStormBenchmark {

    private SimulatorFleet fleet;

    @Setup(Level.Iteration)
    public void setUp() {
        fleet = new SimulatorFleet(SimulatorFleet.DEVICES);
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        fleet.close();
    }

    @Benchmark
    public int bootAll() throws InterruptedException {
        fleet.bootAll(300);
        return fleet.completedSessions();
    }
}
