package dev.cwmp.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Hostile scripts: stopped, and a fault for the engine (a ScriptingException), never a stuck thread. */
class SandboxTest {

    private static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final ProvisionScripts scripts = ProvisionScripts.create();

    private FakeContext run(String source) {
        FakeContext ctx = new FakeContext(DEVICE, NOW);
        scripts.put("hostile", source).run(ctx, List.of());
        return ctx;
    }

    private static ScriptLimitException.Limit limitOf(Runnable run) {
        try {
            run.run();
        } catch (ScriptLimitException e) {
            return e.limit();
        }
        throw new AssertionError("the script was not stopped by a limit");
    }

    @Test
    void an_infinite_loop_is_stopped_by_the_cpu_time_bound() {
        assertThatThrownBy(() -> run("while (true) {}"))
                .isInstanceOfSatisfying(ScriptLimitException.class,
                        e -> assertThat(e.limit()).isEqualTo(ScriptLimitException.Limit.CPU_TIME))
                .hasMessageContaining("ms of CPU time");
    }

    @Test
    void an_infinite_loop_inside_try_catch_finally_is_stopped_too() {
        assertThat(limitOf(() -> run("""
                for (;;) { try { while (true) {} } catch (e) { log("caught"); } finally { log("finally"); } }
                """))).isEqualTo(ScriptLimitException.Limit.CPU_TIME);
    }

    @Test
    void catastrophic_regular_expression_backtracking_is_stopped() {
        assertThat(limitOf(() -> run("/^(a+)+$/.test('a'.repeat(40) + 'b');")))
                .isEqualTo(ScriptLimitException.Limit.CPU_TIME);
    }

    @Test
    void the_cpu_bound_is_configurable() {
        ProvisionScripts generous = ProvisionScripts.create(ScriptLimits.defaults().withCpuTime(java.time.Duration.ofMillis(5)));
        assertThat(generous.limits().cpuTime()).hasMillis(5);
        assertThatThrownBy(() -> generous.put("loop", "for (;;) {}").run(new FakeContext(DEVICE, NOW), List.of()))
                .isInstanceOf(ScriptLimitException.class).hasMessageContaining("the 5 ms");
    }

    @Test
    void allocating_without_end_is_stopped_by_the_memory_bound() {
        ProvisionScripts small = ProvisionScripts.create(ScriptLimits.defaults().withMemoryBytes(8L << 20));
        ScriptedProvision hoarder = small.put("hoarder", """
                const kept = [];
                for (;;) kept.push(('x'.repeat(500000) + kept.length).toUpperCase());
                """);
        assertThatThrownBy(() -> hoarder.run(new FakeContext(DEVICE, NOW), List.of()))
                .isInstanceOfSatisfying(ScriptLimitException.class,
                        e -> assertThat(e.limit()).isEqualTo(ScriptLimitException.Limit.MEMORY))
                .hasMessageContaining("more than the 8 MiB");
    }

    @Test
    void a_billion_element_array_is_refused_before_it_is_filled() {
        assertThat(limitOf(() -> run("new Array(1e9).fill(0);"))).isEqualTo(ScriptLimitException.Limit.SIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'x'.repeat(1 << 30);",
        "''.padEnd(1e9, 'x');",
        "const a = []; a.length = 1e9; a.join('x');",
        "Array.from({length: 1e9});",
        "String.fromCharCode.apply(null, {length: 1e9});",
        "JSON.stringify(new Array(1e8));",
        "[...new Array(1e9)];"
    })
    void huge_strings_and_arrays_are_refused(String source) {
        assertThat(limitOf(() -> run(source))).isEqualTo(ScriptLimitException.Limit.SIZE);
    }

    @Test
    void a_string_doubled_without_end_is_stopped() {
        assertThatThrownBy(() -> run("let s = 'x'; for (;;) { s = s + s; s.indexOf('y'); }"))
                .isInstanceOf(ScriptingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "java.lang.System.exit(1);",
        "Packages.java.io.File('/etc/passwd');",
        "load('/etc/passwd');",
        "importPackage(java.io);",
        "new JavaImporter(java.io);",
        "getClass(1);",
        "Java.type('java.lang.Runtime');",
        "new ArrayBuffer(1 << 30);",
        "require('fs');",
        "process.exit(1);",
        "setTimeout(function () {}, 0);"
    })
    void java_files_processes_and_timers_are_out_of_reach(String source) {
        assertThatThrownBy(() -> run(source)).isInstanceOf(ScriptingException.class)
                .hasMessageContaining("is not defined");
    }

    @Test
    void host_objects_do_not_lead_to_java_classes() {
        FakeContext ctx = run("""
                const d = declare("Device.X", {value: 1});
                log([typeof d.getClass, typeof Object.getPrototypeOf(d).getClass, typeof log.getClass,
                     typeof this.java, typeof globalThis.Packages].join(","));
                """);
        assertThat(ctx.logs).containsExactly("undefined,undefined,undefined,undefined,undefined");
    }

    @Test
    void prototype_tampering_fails_and_does_not_reach_the_next_run() {
        assertThatThrownBy(() -> run("Object.prototype.polluted = 'yes';")).isInstanceOf(ScriptingException.class)
                .hasMessageContaining("sealed");
        assertThatThrownBy(() -> run("Array.prototype.push = function () { return 0; };"))
                .isInstanceOf(ScriptingException.class);
        assertThatThrownBy(() -> run("Math.random = function () { return 4; };")).isInstanceOf(ScriptingException.class);
        assertThatThrownBy(() -> run("Date.now = function () { return 0; };")).isInstanceOf(ScriptingException.class);
        assertThatThrownBy(() -> run("Function('return this')().declare = null;")).isInstanceOf(ScriptingException.class);
        FakeContext clean = run("""
                const a = [];
                a.push(1);
                log([({}).polluted, a.length, Math.random() < 1, Date.now() > 0].join(","));
                """);
        assertThat(clean.logs).containsExactly(",1,true,true");
    }

    @Test
    void own_objects_may_still_override_inherited_methods() {
        FakeContext ctx = run("""
                const o = {};
                o.toString = function () { return "mine"; };
                function Plan() {}
                Plan.prototype.describe = function () { return "plan"; };
                log(String(o) + " " + new Plan().describe());
                """);
        assertThat(ctx.logs).containsExactly("mine plan");
    }

    @Test
    void deep_recursion_is_an_error_not_a_crash() {
        assertThatThrownBy(() -> run("function f(n) { return f(n + 1) + 1; } f(0);"))
                .isInstanceOf(ScriptingException.class);
    }

    @Test
    void the_sandbox_works_again_after_a_run_was_stopped() {
        assertThatThrownBy(() -> run("while (true) {}")).isInstanceOf(ScriptLimitException.class);
        assertThat(run("log('alive');").logs).containsExactly("alive");
    }
}
