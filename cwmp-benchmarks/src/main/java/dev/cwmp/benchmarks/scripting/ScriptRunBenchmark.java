package dev.cwmp.benchmarks.scripting;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.scripting.ProvisionScripts;

/**
 * One run of the story's wifi provision (three declarations, a regular expression, string work),
 * as a GenieACS script in the sandbox and as the equivalent Java provision, against the same
 * context: the difference is what scripting costs per provision run, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ScriptRunBenchmark {

    private ProvisionContext context;
    private Provision script;

    @Setup
    public void setUp() {
        context = ScriptFixtures.context();
        ProvisionScripts scripts = ProvisionScripts.create();
        script = scripts.put("wifi", ScriptFixtures.WIFI_SCRIPT);
        script.run(context, ScriptFixtures.ARGS);
    }

    @Benchmark
    public ProvisionContext wifiScript() {
        script.run(context, ScriptFixtures.ARGS);
        return context;
    }

    @Benchmark
    public ProvisionContext wifiJava() {
        ScriptFixtures.WIFI_JAVA.run(context, ScriptFixtures.ARGS);
        return context;
    }
}
