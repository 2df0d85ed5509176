package dev.cwmp.provisioning;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.AddObjectResponse;
import dev.cwmp.protocol.rpc.CpeResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.provisioning.internal.BuiltinProvisions;
import dev.cwmp.provisioning.internal.ProvisionSession;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionContext;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.SessionEnd;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provision engine as a {@link SessionDriver}: GenieACS's presets and provisions with
 * desired-state semantics.
 *
 * <p>At the start of a session it evaluates the presets ({@link PresetEvaluator}) and applies their
 * tag entries. Then, before each request, it runs the applicable presets' configurations in order
 * ({@code value} and {@code age} as declarations, {@code provision} by calling the registered
 * {@link Provision} with the preset's arguments) and turns what is still pending into the next
 * request, reads before writes: GetParameterNames for what the ACS does not know, GetParameterValues
 * in batches, SetParameterValues (with the xsi:type the device reported) only for what differs,
 * AddObject/DeleteObject, then Download, FactoryReset, Reboot. When a run declares nothing pending the
 * driver is done with the session. The runs and the requests are bounded
 * ({@link ProvisioningOptions}); reaching a bound, a provision that throws and a CWMP fault of the
 * CPE all record a {@link ProvisioningFault} and end provisioning for the session.
 *
 * <p>On {@code 0 BOOTSTRAP} the session's parameter tree is cleared of what was cached (the device
 * was reset: only what the Inform reported is kept); the record and its tags are kept.
 *
 * <p>Built-in provisions, as GenieACS's: {@code refresh(path[, age])}, {@code value(path, value)},
 * {@code tag(name, present)}, {@code reboot()}, {@code reset()},
 * {@code download(fileType, url[, fileName])}, {@code instances(pattern, count)}. Thread-safe; close it
 * to stop the threads that run extensions.
 */
public final class ProvisioningDriver implements SessionDriver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningDriver.class);
    private static final String STATE = ProvisioningDriver.class.getName();

    private final PresetEvaluator evaluator;
    private final PresetStore presetStore;
    private final ProvisioningStore store;
    private final Function<String, Optional<Provision>> provisionLookup;
    private final Map<String, Provision> provisions;
    private final Map<String, ExtensionFunction> extensions;
    private final ProvisioningOptions options;
    private final Consumer<ProvisioningFault> faultListener;
    private final ExecutorService extensionThreads;

    private ProvisioningDriver(Builder b) {
        this.presetStore = b.presets;
        this.evaluator = PresetEvaluator.of(b.presets.all());
        this.store = b.store;
        this.provisionLookup = b.provisionLookup;
        Map<String, Provision> all = new HashMap<>(BuiltinProvisions.all());
        all.putAll(b.provisions);
        this.provisions = Map.copyOf(all);
        this.extensions = Map.copyOf(b.extensions);
        this.options = b.options;
        this.faultListener = b.faultListener;
        this.extensionThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cwmp-provision-ext");
            t.setDaemon(true);
            return t;
        });
    }

    /** A builder of a driver for these presets (a shortcut for {@code builder(PresetStore.inMemory(presets))}). */
    public static Builder builder(Collection<Preset> presets) {
        return new Builder(PresetStore.inMemory(presets));
    }

    /** A builder of a driver for the presets of the store, read again whenever its version moves. */
    public static Builder builder(PresetStore presets) {
        return new Builder(presets);
    }

    /** The store of the devices' statuses, faults and pending transfers. */
    public ProvisioningStore store() {
        return store;
    }

    /** The faults of the device's channels (a shortcut for the store's). */
    public List<ProvisioningFault> faults(DeviceId deviceId) {
        return store.get(deviceId).map(DeviceProvisioning::faults).orElse(List.of());
    }

    /** The device's configuration status, if it has had a session. */
    public Optional<ConfigurationStatus> status(DeviceId deviceId) {
        return store.get(deviceId).map(DeviceProvisioning::status);
    }

    /** Clears the fault of the device's channel: its presets run again at the next session. */
    public boolean clearFault(DeviceId deviceId, String channel) {
        return store.clearFault(deviceId, channel);
    }

    /** Clears the faults of all the device's channels (e.g. once an operator has dealt with them). */
    public void clearFaults(DeviceId deviceId) {
        store.update(deviceId, p -> new DeviceProvisioning(p.deviceId(), p.status(), List.of(), p.transfers()));
    }

    @Override
    public void sessionStarted(SessionContext session) {
        if (session.hasEvent("0 BOOTSTRAP")) {
            forgetCachedParameters(session);
        }
        PresetEvaluation evaluation = evaluator.evaluate(session);
        session.updateDevice(evaluation::applyTags);
        session.attributes().put(STATE, new State(evaluation.configurations(),
                new ProvisionSession(session, options.valuesPerRequest(), this::callExtension)));
    }

    private static void forgetCachedParameters(SessionContext session) {
        ParameterTree tree = session.parameters();
        Set<String> roots = new LinkedHashSet<>();
        for (ParameterTree.Entry e : tree.entries()) {
            roots.add(e.path().rootName());
        }
        for (String root : roots) {
            tree.delete(ParameterPath.parse(root + "."));
        }
        List<ParameterTree.ValueInfo> informed = new ArrayList<>();
        for (ParameterValueStruct v : session.inform().parameterList()) {
            try {
                informed.add(new ParameterTree.ValueInfo(ParameterPath.parse(v.name()), v.value(),
                        v.type().wireName()));
            } catch (RuntimeException e) {
                LOG.debug("{}: Inform parameter {} not kept: {}", session.deviceId(), v.name(), e.getMessage());
            }
        }
        tree.mergeValues(informed, session.now());
        LOG.info("{}: 0 BOOTSTRAP: cached parameters forgotten", session.deviceId());
    }

    @Override
    public Optional<AcsRequest<?>> nextRequest(SessionContext session) {
        State state = (State) session.attributes().get(STATE);
        if (state == null || state.run.finished()) {
            return Optional.empty();
        }
        ProvisionSession run = state.run;
        if (run.runs() >= options.maxIterations()) {
            return fault(session, run, "too_many_iterations",
                    "provisions still pending after " + options.maxIterations() + " runs");
        }
        if (session.acsRequestCount() >= options.maxRequests()) {
            return fault(session, run, "too_many_requests",
                    "provisions still pending after " + session.acsRequestCount() + " requests");
        }
        run.beginRun();
        for (Configuration c : state.configurations) {
            try {
                apply(run, c);
            } catch (ProvisionSession.CommitPending pending) {
                // The rest of this provision runs after the CPE has answered.
            } catch (UnknownProvision e) {
                return fault(session, run, "unknown_provision", e.getMessage());
            } catch (ExtensionFailure e) {
                return fault(session, run, "ext", e.getMessage());
            } catch (RuntimeException e) {
                LOG.debug("provision failed", e);
                return fault(session, run, "script", c.type() + " failed: " + e);
            }
        }
        Optional<AcsRequest<?>> next = run.plan();
        if (next.isEmpty()) {
            run.finish();
        }
        return next;
    }

    private void apply(ProvisionSession run, Configuration c) {
        if (c instanceof Configuration.SetValue v) {
            run.declare(v.name(), Timestamps.none(), Values.value(javaValue(v.value())));
        } else if (c instanceof Configuration.Age a) {
            run.declare(a.name(), Timestamps.value(run.now().minusSeconds(a.seconds())), Values.none());
        } else if (c instanceof Configuration.Provision p) {
            Provision provision = provisions.get(p.name());
            if (provision == null) {
                throw new UnknownProvision("no provision named '" + p.name() + "'");
            }
            List<Object> args = new ArrayList<>(p.args().size());
            for (Literal l : p.args()) {
                args.add(javaValue(l));
            }
            provision.run(run, java.util.Collections.unmodifiableList(args));
        } else if (c instanceof Configuration.AddObject || c instanceof Configuration.DeleteObject) {
            LOG.warn("{}: {} configurations are not supported yet; skipped", run.deviceId(), c.type());
        }
        // Tag entries were applied when the session started.
    }

    private static Object javaValue(Literal literal) {
        if (literal instanceof Literal.StringValue s) {
            return s.value();
        }
        if (literal instanceof Literal.NumberValue n) {
            double d = n.value();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        if (literal instanceof Literal.BooleanValue b) {
            return b.value();
        }
        return null;
    }

    private Object callExtension(String name, List<Object> args) {
        ExtensionFunction function = extensions.get(name);
        if (function == null) {
            throw new ExtensionFailure("no extension named '" + name + "'");
        }
        List<Object> copy = java.util.Collections.unmodifiableList(new ArrayList<>(args));
        Future<Object> result = extensionThreads.submit(() -> function.apply(copy));
        try {
            Object value = result.get(options.extensionTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (value == null) {
                throw new ExtensionFailure("extension '" + name + "' returned null");
            }
            return value;
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new ExtensionFailure("extension '" + name + "' timed out after " + options.extensionTimeout());
        } catch (ExecutionException e) {
            throw new ExtensionFailure("extension '" + name + "' failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new ExtensionFailure("interrupted while extension '" + name + "' ran");
        }
    }

    @Override
    public void responseReceived(SessionContext session, AcsRequest<?> request, CpeResponse response) {
        State state = (State) session.attributes().get(STATE);
        if (state == null || !state.run.isOutstanding(request)) {
            return;
        }
        if (request instanceof GetParameterNames gpn) {
            state.run.namesFetched(gpn);
        } else if (request instanceof AddObject add && response instanceof AddObjectResponse added) {
            state.run.instanceAdded(add.objectName(), added.instanceNumber());
        }
    }

    @Override
    public void faultReceived(SessionContext session, AcsRequest<?> request, CwmpFault fault) {
        State state = (State) session.attributes().get(STATE);
        if (state == null || !state.run.isOutstanding(request)) {
            return;
        }
        if (request instanceof GetParameterNames gpn && fault.faultCode() == 9005) {
            state.run.namesFetched(gpn); // the path does not exist: nothing more to learn
            return;
        }
        fault(session, state.run, "cwmp." + fault.faultCode(),
                request.methodName() + ": " + fault.faultString());
    }

    @Override
    public void sessionEnded(SessionContext session, SessionEnd end) {
        session.attributes().remove(STATE);
    }

    private Optional<AcsRequest<?>> fault(SessionContext session, ProvisionSession run, String code, String message) {
        run.finish();
        String channel = "default";
        DeviceProvisioning saved = store.update(session.deviceId(), p -> {
            int retries = p.fault(channel).map(f -> f.retries() + 1).orElse(0);
            return p.withFault(new ProvisioningFault(session.deviceId(), channel, code, message, session.now(),
                    retries, session.now().plus(options.backoff(retries))));
        });
        ProvisioningFault fault = saved.fault(channel).orElseThrow();
        LOG.warn("{}: provisioning fault {} on channel {}: {}", session.deviceId(), code, channel, message);
        try {
            faultListener.accept(fault);
        } catch (RuntimeException e) {
            LOG.warn("fault listener failed", e);
        }
        return Optional.empty();
    }

    /** Stops the threads that run extensions. */
    @Override
    public void close() {
        extensionThreads.shutdownNow();
    }

    private record State(List<Configuration> configurations, ProvisionSession run) {
    }

    private static final class UnknownProvision extends ProvisioningException {
        private static final long serialVersionUID = 1L;

        UnknownProvision(String message) {
            super(message);
        }
    }

    private static final class ExtensionFailure extends ProvisioningException {
        private static final long serialVersionUID = 1L;

        ExtensionFailure(String message) {
            super(message);
        }
    }

    /** Builds a {@link ProvisioningDriver}. */
    public static final class Builder {
        private final PresetStore presets;
        private ProvisioningStore store = ProvisioningStore.inMemory();
        private Function<String, Optional<Provision>> provisionLookup = name -> Optional.empty();
        private final Map<String, Provision> provisions = new HashMap<>();
        private final Map<String, ExtensionFunction> extensions = new HashMap<>();
        private ProvisioningOptions options = ProvisioningOptions.defaults();
        private Consumer<ProvisioningFault> faultListener = f -> {
        };

        private Builder(PresetStore presets) {
            this.presets = Objects.requireNonNull(presets, "presets");
        }

        /** Where the devices' statuses, faults and pending transfers are kept (default in memory). */
        public Builder store(ProvisioningStore newStore) {
            this.store = Objects.requireNonNull(newStore, "store");
            return this;
        }

        /**
         * Finds provisions by name that are neither registered with {@link #provision} nor built in
         * (e.g. stored scripts). Consulted at every use, so provisions added later are found.
         */
        public Builder provisionLookup(Function<String, Optional<Provision>> lookup) {
            this.provisionLookup = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Registers a provision under a name (replacing a built-in of the same name). */
        public Builder provision(String name, Provision provision) {
            Objects.requireNonNull(name, "name");
            provisions.put(name, Objects.requireNonNull(provision, "provision"));
            return this;
        }

        /** Registers a function provisions call with {@link ProvisionContext#ext}. */
        public Builder extension(String name, ExtensionFunction function) {
            Objects.requireNonNull(name, "name");
            extensions.put(name, Objects.requireNonNull(function, "function"));
            return this;
        }

        /** The bounds (default {@link ProvisioningOptions#defaults()}). */
        public Builder options(ProvisioningOptions newOptions) {
            this.options = Objects.requireNonNull(newOptions, "options");
            return this;
        }

        /** Hears of every fault recorded (on the session's thread; keep it quick). */
        public Builder faultListener(Consumer<ProvisioningFault> listener) {
            this.faultListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The driver. */
        public ProvisioningDriver build() {
            return new ProvisioningDriver(this);
        }
    }
}
