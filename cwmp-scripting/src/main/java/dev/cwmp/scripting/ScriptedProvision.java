package dev.cwmp.scripting;

import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.scripting.internal.Sandbox;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 *
 * <p>A {@code Downloads.[FileType:<type>].FileName} names a file of the file server, as in GenieACS:
 * it is sent as its URL there when the provision comes from {@link ProvisionScripts} made with the
 * file server's URL ({@link ProvisionScripts#create(ScriptLimits, URI)}); a name that already is a
 * URL, and {@code .URL}, are sent as given.
 */
public final class ScriptedProvision implements Provision {

    private static final class Default {
        static final Sandbox SANDBOX = Sandbox.of(ScriptLimits.defaults());
    }

    private final Sandbox sandbox;
    private final Sandbox.Compiled script;
    private final Optional<URI> fileServer;

    ScriptedProvision(Sandbox sandbox, Sandbox.Compiled script, Optional<URI> fileServer) {
        this.sandbox = sandbox;
        this.script = script;
        this.fileServer = fileServer;
    }

    /**
     * Compiles a provision, run within {@link ScriptLimits#defaults()}.
     *
     * @throws ScriptSyntaxException when the source does not compile
     */
    public static ScriptedProvision compile(String name, String source) {
        return new ScriptedProvision(Default.SANDBOX, Default.SANDBOX.compile(Names.check(name), source),
                Optional.empty());
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
        sandbox.run(script, context, fileServer, (cx, scope) -> Sandbox.toJs(cx, scope, args), (cx, result) -> null);
    }

    @Override
    public String toString() {
        return "ScriptedProvision[" + script.name() + "]";
    }
}
