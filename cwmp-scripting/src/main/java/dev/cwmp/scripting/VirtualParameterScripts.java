package dev.cwmp.scripting;

import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.VirtualParameterValue;
import dev.cwmp.scripting.internal.Sandbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * Virtual parameter scripts stored by name (GenieACS's {@code PUT /virtual_parameters/<name>}): each
 * computes the value of {@code VirtualParameters.<name>} from other parameters, and may accept a
 * value to write. As in GenieACS, the script gets {@code args[0]}, the timestamps declared for the
 * virtual parameter ({@code {path, value}} in milliseconds), and {@code args[1]}, the values declared
 * ({@code {value: [value, "xsd:string"]}} when something sets it); it uses {@code declare} like a
 * provision and returns {@code {writable: boolean, value: [value, type]}}.
 *
 * <p>Hand the store to the provision engine with
 * {@code ProvisioningDriver.Builder#virtualParameters(scripts)}: declarations of
 * {@code VirtualParameters.<name>} then run the script and the value lands in the device's tree.
 *
 * <p>Thread-safe. Evaluation runs within the store's {@link ScriptLimits}.
 */
public final class VirtualParameterScripts implements VirtualParameterSource {

    /** The root of virtual parameters in the device tree. */
    public static final String ROOT = "VirtualParameters.";

    private final Sandbox sandbox;
    private final Map<String, Sandbox.Compiled> scripts = new ConcurrentHashMap<>();

    private VirtualParameterScripts(ScriptLimits limits) {
        this.sandbox = Sandbox.of(limits);
    }

    /** An empty store whose scripts run within {@link ScriptLimits#defaults()}. */
    public static VirtualParameterScripts create() {
        return new VirtualParameterScripts(ScriptLimits.defaults());
    }

    /** An empty store whose scripts run within these limits. */
    public static VirtualParameterScripts create(ScriptLimits limits) {
        return new VirtualParameterScripts(limits);
    }

    /**
     * Compiles and stores a virtual parameter's script, replacing the one of the same name.
     *
     * @throws ScriptSyntaxException when it does not compile (nothing is stored)
     * @throws IllegalArgumentException when the name is not a single path segment
     */
    public void put(String name, String source) {
        Names.check(name);
        if (name.contains(".") || name.contains("*") || name.contains("[")) {
            throw new IllegalArgumentException("a virtual parameter's name is one path segment: '" + name + "'");
        }
        scripts.put(name, sandbox.compile(name, source));
    }

    /** The source stored under the name. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(scripts.get(name)).map(Sandbox.Compiled::source);
    }

    /** The names of the stored scripts, sorted. */
    @Override
    public List<String> names() {
        return scripts.keySet().stream().sorted().toList();
    }

    /** Removes a script; false when there was none of that name. */
    public boolean delete(String name) {
        return scripts.remove(name) != null;
    }

    /** The bounds of each run. */
    public ScriptLimits limits() {
        return sandbox.limits();
    }

    /**
     * Runs the virtual parameter's script for a declaration of {@code VirtualParameters.<name>}.
     * What it declares goes into the context like a provision's declarations; when they are pending
     * the context's commit ends the run (the engine runs it again after the CPE has answered).
     *
     * @param timestamps the declaration's timestamps ({@code args[0]})
     * @param values the declaration's values: a value is a write ({@code args[1].value})
     * @return empty when no script has that name
     * @throws ScriptingException when the script throws, returns no object, or goes past its limits
     */
    @Override
    public Optional<VirtualParameterValue> evaluate(String name, ProvisionContext context, Timestamps timestamps,
            Values values) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(values, "values");
        Sandbox.Compiled script = scripts.get(name);
        if (script == null) {
            return Optional.empty();
        }
        return Optional.of(sandbox.run(script, context, (cx, scope) -> arguments(cx, scope, timestamps, values),
                (cx, result) -> result(name, result)));
    }

    private static Object arguments(Context cx, Scriptable scope, Timestamps timestamps, Values values) {
        Scriptable declared = cx.newObject(scope);
        timestamps.path().map(Instant::toEpochMilli).ifPresent(t -> declared.put("path", declared, (double) t));
        timestamps.value().map(Instant::toEpochMilli).ifPresent(t -> declared.put("value", declared, (double) t));
        Scriptable wanted = cx.newObject(scope);
        values.value().ifPresent(v -> wanted.put("value", wanted, cx.newArray(scope, new Object[] {v, "xsd:string"})));
        return cx.newArray(scope, new Object[] {declared, wanted});
    }

    private static VirtualParameterValue result(String name, Object result) {
        if (!(result instanceof Scriptable object) || result instanceof NativeArray) {
            throw new ScriptingException(name + ": a virtual parameter script returns {writable, value: [value, type]}, not "
                    + (result == null || Undefined.isUndefined(result) ? "nothing" : ScriptRuntime.toString(result)));
        }
        Object writable = ScriptableObject.getProperty(object, "writable");
        boolean isWritable = writable != Scriptable.NOT_FOUND && ScriptRuntime.toBoolean(writable);
        Object value = ScriptableObject.getProperty(object, "value");
        String type = null;
        if (value instanceof NativeArray array && array.getLength() > 1) {
            Object t = array.get(1, array);
            if (t instanceof CharSequence cs) {
                type = cs.toString();
            }
        }
        Object scalar = value == Scriptable.NOT_FOUND ? null : Sandbox.scalar(value);
        if (scalar == null) {
            return new VirtualParameterValue(isWritable, Optional.empty(), type == null ? "xsd:string" : type);
        }
        if (type == null) {
            type = inferType(scalar);
        }
        return new VirtualParameterValue(isWritable, Values.value(scalar).value(), type);
    }

    private static String inferType(Object scalar) {
        if (scalar instanceof Boolean) {
            return "xsd:boolean";
        }
        if (scalar instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return "xsd:int";
        }
        return "xsd:string";
    }
}
