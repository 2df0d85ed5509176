package dev.cwmp.scripting.internal;

import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.scripting.ScriptLimitException;
import dev.cwmp.scripting.ScriptLimits;
import dev.cwmp.scripting.ScriptSyntaxException;
import dev.cwmp.scripting.ScriptingException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;
import org.mozilla.javascript.SymbolKey;
import org.mozilla.javascript.Undefined;

/**
 * The JavaScript sandbox, on Mozilla Rhino in interpreted mode: one sealed top-level scope shared by
 * every run (the safe standard objects, no Java access, no {@code load}, typed arrays removed, the
 * built-ins that loop over a length guarded, and GenieACS's functions), a fresh scope per run on top
 * of it, a class shutter refusing every Java class, and an instruction observer that stops a run
 * past its CPU time or allocation bound. Thread-safe: runs on different threads are independent.
 */
public final class Sandbox {

    /** Instructions between two checks of the run's budget (each check is a few nanoseconds). */
    private static final int OBSERVE_EVERY = 100;
    private static final int MAX_STACK_DEPTH = 256;
    /** Longest source accepted. */
    public static final int MAX_SOURCE_CHARS = 1 << 20;
    private static final Object STATE = RunState.class;

    private final ScriptLimits limits;
    private final Factory factory = new Factory();
    private final ScriptableObject shared;

    /** A compiled script: the program and the name it reports errors under. */
    public record Compiled(String name, String source, Script program) {
        public Compiled {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(program, "program");
        }
    }

    /** Makes the arguments of a run, inside the run's scope. */
    @FunctionalInterface
    public interface Arguments {
        Object make(Context cx, Scriptable scope);
    }

    private static final java.util.Map<ScriptLimits, Sandbox> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The sandbox of these limits, made once and shared (it holds nothing of any run): making one
     * seals a few thousand objects, which costs milliseconds.
     */
    public static Sandbox of(ScriptLimits limits) {
        return SHARED.computeIfAbsent(Objects.requireNonNull(limits, "limits"), Sandbox::new);
    }

    private Sandbox(ScriptLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        Context cx = factory.enterContext();
        try {
            this.shared = cx.initSafeStandardObjects(null, false);
            for (String name : List.of("ArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray",
                    "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array",
                    "BigInt64Array", "BigUint64Array", "SharedArrayBuffer", "Atomics", "WeakRef",
                    "FinalizationRegistry", "Continuation", "Iterator")) {
                shared.delete(name);
            }
            SizeGuards.install(cx, shared, limits.maxLength());
            installApi(cx);
            sealEverything(cx);
            warmUp(cx);
        } finally {
            Context.exit();
        }
    }

    /** The bounds of each run. */
    public ScriptLimits limits() {
        return limits;
    }

    // ---------------------------------------------------------------------------------------------
    // Compiling and running

    /**
     * Compiles a script as GenieACS does: its body runs as a function, so a top-level
     * {@code return} ends it (and gives a virtual parameter's result).
     *
     * @throws ScriptSyntaxException when it does not compile, with its line and column
     */
    public Compiled compile(String name, String source) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (source.length() > MAX_SOURCE_CHARS) {
            throw new ScriptingException(name + ": a script is at most " + MAX_SOURCE_CHARS + " characters, not "
                    + source.length());
        }
        Context cx = factory.enterContext();
        try {
            // The wrapper's first line is line 0: the script's lines keep their numbers.
            String wrapped = constAsLet(cx, name, "(function () {\n" + source + "\n})();");
            Script program = cx.compileString(wrapped, name, 0, null);
            return new Compiled(name, source, program);
        } catch (EvaluatorException e) {
            int line = Math.max(1, Math.min(e.lineNumber(), (int) source.lines().count()));
            throw new ScriptSyntaxException(name, line, Math.max(0, e.columnNumber()), e.details());
        } finally {
            Context.exit();
        }
    }

    private static final java.util.regex.Pattern FOR_CONST =
            java.util.regex.Pattern.compile("\\bfor\\s*\\(\\s*const\\b");

    /**
     * Rhino keeps the first value of a {@code const} declared in a loop's body in every later
     * iteration, and does not parse {@code for (const x of ...)}: GenieACS scripts use both, so
     * {@code const} declarations are compiled as {@code let} ("let  ", same length: lines and
     * columns stay). What is lost is the error on assigning a constant.
     */
    private static String constAsLet(Context cx, String name, String wrapped) {
        char[] text = wrapped.toCharArray();
        java.util.regex.Matcher m = FOR_CONST.matcher(wrapped);
        while (m.find()) {
            replaceKeyword(text, m.end() - "const".length());
        }
        org.mozilla.javascript.CompilerEnvirons env = new org.mozilla.javascript.CompilerEnvirons();
        env.initFromContext(cx);
        org.mozilla.javascript.ast.AstRoot root = new org.mozilla.javascript.Parser(env).parse(new String(text), name, 0);
        root.visit(node -> {
            if (node instanceof org.mozilla.javascript.ast.VariableDeclaration declaration && declaration.isConst()) {
                replaceKeyword(text, declaration.getAbsolutePosition());
            }
            return true;
        });
        return new String(text);
    }

    private static void replaceKeyword(char[] text, int at) {
        if (at >= 0 && at + 5 <= text.length && new String(text, at, 5).equals("const")) {
            text[at] = 'l';
            text[at + 1] = 'e';
            text[at + 2] = 't';
            text[at + 3] = ' ';
            text[at + 4] = ' ';
        }
    }

    /**
     * Runs a compiled script against a provision context, with {@code args} made in its scope, and
     * maps its result (the value of a top-level {@code return}) while the engine is still entered.
     *
     * @throws ScriptLimitException when the run goes past a bound
     * @throws ScriptingException when the script throws
     * @throws RuntimeException what the context threw (a pending commit, a bad declaration) as it was
     */
    public <T> T run(Compiled script, ProvisionContext context, Arguments args,
            BiFunction<Context, Object, T> result) {
        return run(script, context, Optional.empty(), args, result);
    }

    /**
     * {@link #run(Compiled, ProvisionContext, Arguments, BiFunction)} with the base URL of the file
     * server a {@code Downloads.[FileType:<type>].FileName} without a scheme is resolved against.
     */
    public <T> T run(Compiled script, ProvisionContext context, Optional<URI> fileServer, Arguments args,
            BiFunction<Context, Object, T> result) {
        Context cx = factory.enterContext();
        Object previous = cx.getThreadLocal(STATE);
        try {
            Scriptable scope = cx.newObject(shared);
            scope.setPrototype(shared);
            scope.setParentScope(null);
            ScriptableObject.putProperty(scope, "args", args.make(cx, scope));
            RunState state = new RunState(script.name(), context, limits, fileServer);
            cx.putThreadLocal(STATE, state);
            Object value = script.program().exec(cx, scope, scope);
            state.budget.check();
            return result.apply(cx, value);
        } catch (RunAborted e) {
            throw e.toException(script.name());
        } catch (OutOfMemoryError e) {
            throw new ScriptLimitException(ScriptLimitException.Limit.MEMORY,
                    script.name() + ": an allocation the heap could not hold: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new ScriptLimitException(ScriptLimitException.Limit.SIZE, script.name() + ": calls nested too deep");
        } catch (RhinoException e) {
            String where = e.lineNumber() > 0 ? ":" + e.lineNumber() : "";
            throw new ScriptingException(script.name() + where + ": " + e.details(), e);
        } finally {
            if (previous == null) {
                cx.removeThreadLocal(STATE);
            } else {
                cx.putThreadLocal(STATE, previous);
            }
            Context.exit();
        }
    }

    /** A Java value (String, Number, Boolean, List, Map) as plain script data. */
    public static Object toJs(Context cx, Scriptable scope, Object value) {
        return JsValues.toJs(cx, scope, value);
    }

    /** A script's value as plain Java data (String, Double, Boolean, List, Map, null). */
    public static Object toJava(Object value) {
        return JsValues.toJava(value);
    }

    /** A script's value as a parameter value (arrays give their first element), or null. */
    public static Object scalar(Object value) {
        return JsValues.scalar(value);
    }

    private static RunState state(Context cx) {
        Object state = cx.getThreadLocal(STATE);
        if (!(state instanceof RunState r)) {
            throw ScriptRuntime.constructError("Error", "not inside a provision run");
        }
        return r;
    }

    /** GenieACS's implicit commit: reading what was declared makes the declarations happen first. */
    static void commitIfUncommitted(Context cx) {
        RunState state = state(cx);
        if (state.uncommitted) {
            state.uncommitted = false;
            state.context.commit();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // GenieACS's script API

    private void installApi(Context cx) {
        define("declare", 3, Sandbox::declare);
        define("clear", 3, Sandbox::clear);
        define("commit", 0, (c, scope, self, a) -> {
            RunState state = state(c);
            state.uncommitted = false;
            state.context.commit();
            return Undefined.instance;
        });
        define("ext", 2, Sandbox::ext);
        define("log", 2, (c, scope, self, a) -> {
            state(c).context.log(a.length > 0 ? ScriptRuntime.toString(a[0]) : "");
            return Undefined.instance;
        });
        ScriptableObject math = (ScriptableObject) shared.get("Math", shared);
        math.defineProperty("random", new LambdaFunction(shared, "random", 0,
                (SerializableCallable) (c, scope, self, a) -> state(c).random()), ScriptableObject.DONTENUM);
        installDate(cx);
    }

    private void define(String name, int arity, SerializableCallable body) {
        shared.defineProperty(name, new LambdaFunction(shared, name, arity, body), ScriptableObject.DONTENUM);
    }

    private static Object declare(Context cx, Scriptable scope, Scriptable self, Object[] a) {
        RunState state = state(cx);
        String path = requiredString(a, 0, "declare");
        Timestamps timestamps = timestamps(a.length > 1 ? a[1] : null);
        Values values = values(a.length > 2 ? a[2] : null);
        if (path.startsWith("Tags.") || path.startsWith("Downloads.") || path.equals("Reboot")
                || path.equals("FactoryReset")) {
            return new DeclaredParameters(scope, Specials.declare(state, path, values));
        }
        state.uncommitted = true;
        return new DeclaredParameters(scope, state.context.declare(path, timestamps, values));
    }

    private static Timestamps timestamps(Object object) {
        if (!(object instanceof Scriptable s) || object instanceof NativeArray) {
            return Timestamps.none();
        }
        Optional<Instant> path = Optional.empty();
        for (String attribute : List.of("path", "object", "writable")) {
            Optional<Instant> t = time(ScriptableObject.getProperty(s, attribute));
            if (t.isPresent() && (path.isEmpty() || t.get().isAfter(path.get()))) {
                path = t;
            }
        }
        return new Timestamps(path, time(ScriptableObject.getProperty(s, "value")));
    }

    private static Optional<Instant> time(Object value) {
        if (value == null || value == Scriptable.NOT_FOUND || Undefined.isUndefined(value)) {
            return Optional.empty();
        }
        double millis = ScriptRuntime.toNumber(value);
        if (Double.isNaN(millis) || Double.isInfinite(millis)) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli((long) millis));
    }

    private static Values values(Object object) {
        if (!(object instanceof Scriptable s) || object instanceof NativeArray) {
            return Values.none();
        }
        Optional<String> value = Optional.empty();
        Object v = ScriptableObject.getProperty(s, "value");
        if (v != Scriptable.NOT_FOUND) {
            Object scalar = JsValues.scalar(v);
            if (scalar != null) {
                value = Values.value(scalar).value();
            }
        }
        OptionalInt instances = OptionalInt.empty();
        Object count = ScriptableObject.getProperty(s, "path");
        if (count != Scriptable.NOT_FOUND && count != null && !Undefined.isUndefined(count)) {
            double n = ScriptRuntime.toNumber(count);
            if (Double.isNaN(n) || n < 0 || n != Math.rint(n) || n > Integer.MAX_VALUE) {
                throw ScriptRuntime.rangeError("declare: an instance count is a whole number >= 0, not "
                        + ScriptRuntime.toString(count));
            }
            instances = OptionalInt.of((int) n);
        }
        return new Values(value, instances);
    }

    private static Object clear(Context cx, Scriptable scope, Scriptable self, Object[] a) {
        RunState state = state(cx);
        String path = requiredString(a, 0, "clear");
        Instant time = time(a.length > 1 ? a[1] : null).orElse(Instant.ofEpochMilli(state.sessionMillis));
        state.uncommitted = true;
        state.context.clear(path, time);
        return Undefined.instance;
    }

    private static Object ext(Context cx, Scriptable scope, Scriptable self, Object[] a) {
        RunState state = state(cx);
        String name = requiredString(a, 0, "ext");
        List<Object> args = new ArrayList<>(Math.max(0, a.length - 1));
        for (int i = 1; i < a.length; i++) {
            args.add(ScriptRuntime.toString(a[i])); // GenieACS passes extensions strings
        }
        return JsValues.toJs(cx, scope, state.context.ext(name, List.copyOf(args)));
    }

    private static String requiredString(Object[] a, int index, String function) {
        if (a.length <= index || a[index] == null || Undefined.isUndefined(a[index])) {
            throw ScriptRuntime.typeError(function + ": argument " + (index + 1) + " is required");
        }
        return ScriptRuntime.toString(a[index]);
    }

    // ---------------------------------------------------------------------------------------------
    // Date: new Date() and Date.now() are the session's time; Date.now(interval[, variance]) as GenieACS

    private void installDate(Context cx) {
        Function original = (Function) shared.get("Date", shared);
        Scriptable prototype = (Scriptable) original.get("prototype", original);
        BaseFunction date = new SessionDate(original);
        date.setParentScope(shared);
        date.setPrototype(ScriptableObject.getFunctionPrototype(shared));
        date.defineProperty("prototype", prototype,
                ScriptableObject.DONTENUM | ScriptableObject.READONLY | ScriptableObject.PERMANENT);
        for (String name : List.of("parse", "UTC")) {
            date.defineProperty(name, original.get(name, original), ScriptableObject.DONTENUM);
        }
        date.defineProperty("now", new LambdaFunction(shared, "now", 2, (SerializableCallable) Sandbox::now),
                ScriptableObject.DONTENUM);
        ((ScriptableObject) prototype).defineProperty("constructor", date, ScriptableObject.DONTENUM);
        shared.defineProperty("Date", date, ScriptableObject.DONTENUM);
    }

    private static Object now(Context cx, Scriptable scope, Scriptable self, Object[] a) {
        RunState state = state(cx);
        long t = state.sessionMillis;
        if (a.length == 0 || a[0] == null || Undefined.isUndefined(a[0])) {
            return (double) t;
        }
        if (a[0] instanceof CharSequence cron) {
            double variance = a.length > 1 && a[1] != null && !Undefined.isUndefined(a[1])
                    ? ScriptRuntime.toNumber(a[1]) : 0;
            long offset = variance >= 1 && !Double.isInfinite(variance)
                    ? RunState.variance(state.deviceId, (long) variance) : 0;
            return (double) lastCronFiring(cron.toString(), t, offset);
        }
        if (!(a[0] instanceof Number)) {
            throw ScriptRuntime.typeError("Date.now: the interval is a number of milliseconds or a cron expression");
        }
        double interval = ((Number) a[0]).doubleValue();
        if (!(interval >= 1) || Double.isInfinite(interval)) {
            throw ScriptRuntime.rangeError("Date.now: the interval is a positive number of milliseconds");
        }
        double variance = a.length > 1 && a[1] != null && !Undefined.isUndefined(a[1])
                ? ScriptRuntime.toNumber(a[1]) : interval;
        long offset = variance >= 1 && !Double.isInfinite(variance)
                ? RunState.variance(state.deviceId, (long) variance) : 0;
        return (double) RunState.interval(t, (long) interval, offset);
    }

    private static final java.util.Map<String, dev.cwmp.provisioning.PresetSchedule> CRONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * GenieACS's {@code Date.now(cron, variance)}: the latest firing of the expression (UTC, five or
     * six fields) at or before the session's time shifted by the device's offset, shifted back; 0
     * when it never fired.
     */
    private static long lastCronFiring(String cron, long t, long offset) {
        dev.cwmp.provisioning.PresetSchedule schedule = CRONS.get(cron);
        if (schedule == null) {
            try {
                schedule = dev.cwmp.provisioning.PresetSchedule.of(java.time.Duration.ofSeconds(1), cron);
            } catch (RuntimeException e) {
                throw ScriptRuntime.typeError("Date.now: not a cron expression: " + cron);
            }
            if (CRONS.size() < 256) {
                CRONS.put(cron, schedule);
            }
        }
        return schedule.lastFiring(Instant.ofEpochMilli(t + offset)).map(i -> i.toEpochMilli() - offset).orElse(0L);
    }

    /** {@code Date} of the sandbox: the real one, except that {@code new Date()} is the session's time. */
    private static final class SessionDate extends BaseFunction {
        private static final long serialVersionUID = 1L;
        private final transient Function original;

        SessionDate(Function original) {
            this.original = original;
        }

        @Override
        public String getFunctionName() {
            return "Date";
        }

        @Override
        public int getArity() {
            return 7;
        }

        @Override
        public int getLength() {
            return 7;
        }

        @Override
        public Scriptable construct(Context cx, Scriptable scope, Object[] args) {
            if (args.length == 0) {
                return original.construct(cx, scope, new Object[] {(double) state(cx).sessionMillis});
            }
            return original.construct(cx, scope, args);
        }

        @Override
        public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
            Scriptable now = original.construct(cx, scope, new Object[] {(double) state(cx).sessionMillis});
            return ScriptableObject.callMethod(cx, now, "toString", new Object[0]);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Sealing

    /**
     * Seals every object reachable from the top level (properties, accessors, prototypes), after
     * loading the lazily made constructors, so that no run can change what the next one sees.
     */
    private void sealEverything(Context cx) {
        String collect = """
                (function (root) {
                  var seen = new Set(), todo = [root], all = [];
                  function add(v) {
                    if (v !== null && (typeof v === 'object' || typeof v === 'function') && !seen.has(v)) {
                      seen.add(v); todo.push(v);
                    }
                  }
                  while (todo.length > 0) {
                    var o = todo.pop();
                    all.push(o);
                    add(Object.getPrototypeOf(o));
                    var keys;
                    try {
                      keys = Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o));
                    } catch (e) {
                      keys = []; // not an ordinary object: nothing of its own to walk
                    }
                    for (var i = 0; i < keys.length; i++) {
                      var d;
                      try { d = Object.getOwnPropertyDescriptor(o, keys[i]); } catch (e) { d = undefined; }
                      if (d && ('get' in d || 'set' in d)) {
                        add(d.get); add(d.set);
                      } else if (d) {
                        try { add(o[keys[i]]); } catch (e) { } // reading loads a lazily made constructor
                      }
                    }
                  }
                  return all;
                })(this)
                """;
        for (Object id : shared.getAllIds()) {
            if (id instanceof String name) {
                ScriptableObject.getProperty(shared, name); // loads a lazily made constructor
            }
        }
        Object all = cx.evaluateString(shared, collect, "seal", 1, null);
        NativeArray objects = (NativeArray) all;
        for (Object o : objects.toArray()) {
            if (o instanceof ScriptableObject so && !so.isSealed()) {
                so.sealObject();
            }
        }
        shared.sealObject();
    }

    private void warmUp(Context cx) {
        Scriptable scope = cx.newObject(shared);
        scope.setPrototype(shared);
        scope.setParentScope(null);
        cx.evaluateString(scope, """
                var a = [1, 2, 3].map(function (x) { return x * 2; }).filter(x => x > 2).join(',');
                var s = ('Device.WiFi.SSID.1.SSID' + a).split('.').slice(1).join('.').replace(/:/g, '').toUpperCase();
                JSON.stringify({a: a, s: s, n: parseInt('42', 10), d: new Date(0).toISOString()});
                """, "warm-up", 1, null);
    }

    // ---------------------------------------------------------------------------------------------
    // The engine's configuration

    private static final class Factory extends ContextFactory {
        @Override
        protected Context makeContext() {
            Context cx = super.makeContext();
            cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
            cx.setInterpretedMode(true);
            cx.setInstructionObserverThreshold(OBSERVE_EVERY);
            cx.setMaximumInterpreterStackDepth(MAX_STACK_DEPTH);
            cx.setClassShutter(className -> false);
            return cx;
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            Object state = cx.getThreadLocal(STATE);
            if (state instanceof RunState r) {
                r.budget.check();
            }
        }
    }

    /** Guards of the built-ins that loop over a length the script chooses, in native code the observer does not see. */
    static final class SizeGuards {
        private SizeGuards() {
        }

        static void install(Context cx, ScriptableObject global, int max) {
            ScriptableObject array = (ScriptableObject) ScriptableObject.getClassPrototype(global, "Array");
            for (String name : List.of("fill", "join", "toString", "toLocaleString", "map", "forEach", "filter",
                    "reduce", "reduceRight", "some", "every", "find", "findIndex", "findLast", "findLastIndex",
                    "indexOf", "lastIndexOf", "includes", "reverse", "sort", "slice", "splice", "concat",
                    "copyWithin", "flat", "flatMap", "toReversed", "toSorted", "toSpliced", "with", "push",
                    "unshift", "keys", "values", "entries", "at")) {
                guard(array, name, max, (self, args) -> length(self));
            }
            Object iterator = array.get(SymbolKey.ITERATOR, array);
            if (iterator instanceof Callable original) {
                array.defineProperty(SymbolKey.ITERATOR, new LambdaFunction(global, "values", 0,
                        (SerializableCallable) (c, scope, self, a) -> {
                            check(length(self), max, "values");
                            return original.call(c, scope, self, a);
                        }), ScriptableObject.DONTENUM);
            }
            ScriptableObject string = (ScriptableObject) ScriptableObject.getClassPrototype(global, "String");
            guard(string, "repeat", max, (self, args) -> (long) ScriptRuntime.toString(self).length()
                    * (long) Math.max(0, args.length > 0 ? ScriptRuntime.toNumber(args[0]) : 0));
            guard(string, "padStart", max, (self, args) -> argument(args, 0));
            guard(string, "padEnd", max, (self, args) -> argument(args, 0));
            ScriptableObject arrayCtor = (ScriptableObject) global.get("Array", global);
            guard(arrayCtor, "from", max, (self, args) -> args.length > 0 ? length(args[0]) : 0L);
            guard(arrayCtor, "of", max, (self, args) -> (long) args.length);
            ScriptableObject function = (ScriptableObject) ScriptableObject.getFunctionPrototype(global);
            guard(function, "apply", max, (self, args) -> args.length > 1 ? length(args[1]) : 0L);
            ScriptableObject reflect = (ScriptableObject) global.get("Reflect", global);
            guard(reflect, "apply", max, (self, args) -> args.length > 2 ? length(args[2]) : 0L);
            guard(reflect, "construct", max, (self, args) -> args.length > 1 ? length(args[1]) : 0L);
            ScriptableObject json = (ScriptableObject) global.get("JSON", global);
            guard(json, "stringify", max, (self, args) -> args.length > 0 ? deepLength(args[0]) : 0L);
        }

        private static void guard(ScriptableObject holder, String name, int max,
                BiFunction<Object, Object[], Long> size) {
            Object value = holder.get(name, holder);
            if (!(value instanceof Callable original)) {
                return;
            }
            int arity = value instanceof BaseFunction f ? f.getLength() : 0;
            holder.defineProperty(name, new LambdaFunction(ScriptableObject.getTopLevelScope(holder), name, arity,
                    (SerializableCallable) (c, scope, self, a) -> {
                        check(size.apply(self, a), max, name);
                        return original.call(c, scope, self, a);
                    }), ScriptableObject.DONTENUM);
        }

        private static void check(long size, int max, String name) {
            if (size > max) {
                throw new RunAborted(ScriptLimitException.Limit.SIZE,
                        name + " on " + size + " elements or characters, more than the " + max + " a run may");
            }
        }

        private static long argument(Object[] args, int index) {
            return args.length > index ? (long) Math.max(0, Math.min(ScriptRuntime.toNumber(args[index]), 1e15)) : 0;
        }

        static long length(Object value) {
            if (value instanceof NativeArray a) {
                return a.getLength();
            }
            if (value instanceof Scriptable s) {
                Object length = ScriptableObject.getProperty(s, "length");
                if (length == Scriptable.NOT_FOUND) {
                    return 0;
                }
                double n = ScriptRuntime.toNumber(length);
                return Double.isNaN(n) || n < 0 ? 0 : (long) Math.min(n, 1e15);
            }
            if (value instanceof CharSequence cs) {
                return cs.length();
            }
            return 0;
        }

        /** The longest array in a value, looking at most a few thousand objects deep. */
        private static long deepLength(Object root) {
            long longest = 0;
            java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
            java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            todo.add(root);
            int visited = 0;
            while (!todo.isEmpty() && visited++ < 4096) {
                Object v = todo.poll();
                if (!(v instanceof Scriptable s) || !seen.add(v) || v instanceof Callable) {
                    continue;
                }
                long length = v instanceof NativeArray a ? a.getLength() : 0;
                longest = Math.max(longest, length);
                if (length > 4096) {
                    continue;
                }
                for (Object id : s.getIds()) {
                    todo.add(id instanceof Integer i ? s.get(i, s) : s.get(id.toString(), s));
                }
            }
            return longest;
        }
    }
}
