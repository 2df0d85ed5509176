package dev.cwmp.benchmarks.provisioning;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import dev.cwmp.provisioning.DeviceView;
import dev.cwmp.provisioning.PresetEvaluation;
import dev.cwmp.provisioning.PresetEvaluator;
import dev.cwmp.session.SessionContext;

/**
 * One session's preset evaluation: adapt the session ({@link DeviceView#of}, parameter reads not yet
 * cached) and pick the applicable presets with their merged configurations, one thread. Three sets
 * of presets (see {@link PresetFixtures}): 1,000 of which 10 apply; the baseline of those 10 alone;
 * and the 1,000 without their event filters, so that every precondition is evaluated (the event
 * index's worst case).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class PresetEvaluationBenchmark {

    private SessionContext session;
    private PresetEvaluator thousand;
    private PresetEvaluator ten;
    private PresetEvaluator thousandWithoutEvents;

    @Setup
    public void setUp() {
        session = PresetFixtures.session();
        thousand = PresetEvaluator.of(PresetFixtures.presets(1000, true));
        ten = PresetEvaluator.of(PresetFixtures.presets(10, true));
        thousandWithoutEvents = PresetEvaluator.of(PresetFixtures.presets(1000, false));
        check(thousand);
        check(ten);
        check(thousandWithoutEvents);
    }

    private void check(PresetEvaluator evaluator) {
        int applicable = evaluator.evaluate(DeviceView.of(session), PresetFixtures.NOW).applicable().size();
        if (applicable != 10) {
            throw new IllegalStateException("expected 10 applicable presets, found " + applicable);
        }
    }

    @Benchmark
    public PresetEvaluation thousandPresetsTenApply() {
        return thousand.evaluate(DeviceView.of(session), PresetFixtures.NOW);
    }

    @Benchmark
    public PresetEvaluation tenPresetsAllApply() {
        return ten.evaluate(DeviceView.of(session), PresetFixtures.NOW);
    }

    @Benchmark
    public PresetEvaluation thousandPresetsNoEventIndex() {
        return thousandWithoutEvents.evaluate(DeviceView.of(session), PresetFixtures.NOW);
    }
}
