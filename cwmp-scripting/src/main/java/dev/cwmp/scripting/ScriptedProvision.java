package dev.cwmp.scripting;

import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.scripting.internal.Sandbox;
import java.util.List;
import java.util.Objects;

/**
 * A provision written in JavaScript with GenieACS's script API, compiled once and run in the
 * sandbox on every run of the provision engine.
 *
 * <p>The script sees {@code args} (the preset's arguments), {@code declare(path, timestamps,
 * values)}, {@code clear(path, timestamp)}, {@code commit()}, {@code ext(name, ...args)},
 * {@code log(message)}, {@code Date.now(interval[, variance])} and a {@code Math.random()} seeded
 * by the device, with GenieACS's meaning. A script that throws, or goes past its
 * {@link ScriptLimits}, throws a {@link ScriptingException}: the engine records a fault on the
 * preset's channel.
 */
public final class ScriptedProvision implements Provision {

    private static final class Default {
        static final Sandbox SANDBOX = Sandbox.of(ScriptLimits.defaults());
    }

    private final Sandbox sandbox;
    private final Sandbox.Compiled script;

    ScriptedProvision(Sandbox sandbox, Sandbox.Compiled script) {
        this.sandbox = sandbox;
        this.script = script;
    }

    /**
     * Compiles a provision, run within {@link ScriptLimits#defaults()}.
     *
     * @throws ScriptSyntaxException when the source does not compile
     */
    public static ScriptedProvision compile(String name, String source) {
        return new ScriptedProvision(Default.SANDBOX, Default.SANDBOX.compile(Names.check(name), source));
    }

    /** The name the provision was compiled under (used in its errors). */
    public String name() {
        return script.name();
    }

    /** Its JavaScript source, as given. */
    public String source() {
        return script.source();
    }

    /** The bounds of each run. */
    public ScriptLimits limits() {
        return sandbox.limits();
    }

    @Override
    public void run(ProvisionContext context, List<Object> args) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(args, "args");
        sandbox.run(script, context, (cx, scope) -> Sandbox.toJs(cx, scope, args), (cx, result) -> null);
    }

    @Override
    public String toString() {
        return "ScriptedProvision[" + script.name() + "]";
    }
}
