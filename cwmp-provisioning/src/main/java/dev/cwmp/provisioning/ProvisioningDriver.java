package dev.cwmp.provisioning;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.AddObjectResponse;
import dev.cwmp.protocol.rpc.CpeRequest;
import dev.cwmp.protocol.rpc.CpeResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.DownloadResponse;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.provisioning.internal.BuiltinProvisions;
import dev.cwmp.provisioning.internal.ProvisionSession;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.SessionContext;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.SessionEnd;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * desired-state semantics, faults per channel with back-off, downloads tracked across sessions and
 * a configuration status per device.
 *
 * <p>Before its first request in a session (after the CPE's own requests, e.g. TransferComplete)
 * it reads the presets from its {@link PresetStore} (re-building its {@link PresetEvaluator} when
 * the store's version moved), evaluates them, skips the presets of every channel whose
 * {@link ProvisioningFault} still waits ({@link ProvisioningFault#retryAfter()}), and applies the
 * other presets' tag entries. Then, before each request, it runs the presets' configurations in
 * order ({@code value} and {@code age} as declarations, {@code add_object} / {@code delete_object}
 * as instance declarations of a {@link PresetObject}, {@code provision} by calling the named
 * {@link Provision} with the preset's arguments) and turns what is still pending into the next
 * request, reads before writes: GetParameterNames for what the ACS does not know,
 * GetParameterValues in batches, SetParameterValues (with the xsi:type the device reported) only
 * for what differs, AddObject/DeleteObject, then Download, FactoryReset, Reboot.
 *
 * <p>Cycles, as GenieACS's: when a run declares nothing pending and the device changed since the
 * last evaluation (its tags, or the value of a parameter a precondition reads), the presets are
 * evaluated again, with the session's events and at the instant of the first evaluation; the presets
 * that apply now and did not at the previous evaluation start a new cycle (their tag entries applied,
 * their configurations run). So a chain of presets moving a device through tags runs in one session.
 * At most {@link ProvisioningOptions#maxCycles()} cycles follow the first evaluation; one more needed
 * is the fault {@code too_many_cycles} on the channels of the presets that would run (GenieACS calls
 * it {@code preset_loop}). When nothing is pending and no new preset applies the driver is done with
 * the session.
 *
 * <p>Faults: a provision that throws or is unknown, an extension that fails, a CWMP fault of the
 * CPE on a request, a bound reached ({@link ProvisioningOptions}), a Download that failed or timed
 * out: each records a fault on the channel of the preset concerned (in the {@link ProvisioningStore}
 * at once, logged with the device id); that channel stops for the session and waits
 * {@link ProvisioningOptions#backoff(int)} ({@code retries} counting the faults in a row) while the
 * other channels go on. The tag changes the session made through the faulted channel (its presets' tag
 * entries and its provisions' {@link ProvisionContext#tag} calls) are undone (each tag back to what it
 * was before), as GenieACS commits nothing of a faulted channel: after the back-off those presets apply
 * again and are retried; tags changed by other channels stay. A channel that runs to the end of a later
 * session without a fault has its fault removed.
 *
 * <p>Downloads ({@link ProvisionContext#download}) carry a CommandKey of their own; a
 * DownloadResponse with Status 1 records a {@link PendingTransfer}, matched by CommandKey when
 * TransferComplete comes (in this session or a later one): FaultStruct 0 removes it, another code
 * records the fault {@code download.<code>}; a transfer still pending after
 * {@link ProvisioningOptions#downloadTimeout()} becomes the fault {@code timeout} at the device's
 * next session. While a transfer is pending, the channel's provisions declaring the same download
 * send no second Download. The transfer keeps the tag changes its channel made in the session that
 * sent the Download ({@link PendingTransfer#tagsAdded()}, {@link PendingTransfer#tagsRemoved()}); when
 * it fails or times out they are undone like those of a channel faulted within a session (but for a
 * tag a session changed again since: the later change wins), so a firmware upgrade whose Download
 * failed is retried after the back-off by the presets that sent it.
 *
 * <p>At the end of each session the device's {@link ConfigurationStatus} is written: FAULTED when
 * a channel has a fault, PENDING when a transfer is pending or the session ended before the
 * provisions converged, CONFIGURED otherwise.
 *
 * <p>On {@code 0 BOOTSTRAP} the session's parameter tree is cleared of what was cached (the device
 * was reset: only what the Inform reported is kept); the record and its tags are kept.
 *
 * <p>Virtual parameters ({@link Builder#virtualParameters}): a declaration of
 * {@code VirtualParameters.<name>} (or {@code .*}) computes the parameter with the
 * {@link VirtualParameterSource} when the tree's entry is missing, older than the value timestamp or
 * different from a declared value (handed to the source as the write), and merges the result into
 * the session's tree once what the computation declared is done; no request to the CPE names them.
 *
 * <p>Built-in provisions, as GenieACS's: {@code refresh(path[, age])}, {@code value(path, value)},
 * {@code tag(name, present)}, {@code reboot()}, {@code reset()},
 * {@code download(fileType, url[, fileName[, fileSize]])}, {@code instances(pattern, count)}. Thread-safe; close it
 * to stop the threads that run extensions.
 */
public final class ProvisioningDriver implements SessionDriver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningDriver.class);
    private static final String STATE = ProvisioningDriver.class.getName();

    private final PresetStore presetStore;
    private final ProvisioningStore store;
    private final Function<String, Optional<Provision>> provisionLookup;
    private final Map<String, Provision> provisions;
    private final Map<String, PresetObject> objects;
    private final Function<String, Optional<PresetObject>> objectLookup;
    private final Map<String, ExtensionFunction> extensions;
    private final ProvisioningOptions options;
    private final Consumer<ProvisioningFault> faultListener;
    private final ExecutorService extensionThreads;
    private final VirtualParameterSource virtualParameters;
    private volatile Built built;

    private record Built(long version, PresetEvaluator evaluator) {
    }

    private ProvisioningDriver(Builder b) {
        this.presetStore = b.presets;
        this.store = b.store;
        this.provisionLookup = b.provisionLookup;
        Map<String, Provision> all = new HashMap<>(BuiltinProvisions.all());
        all.putAll(b.provisions);
        this.provisions = Map.copyOf(all);
        this.objects = Map.copyOf(b.objects);
        this.objectLookup = b.objectLookup;
        this.extensions = Map.copyOf(b.extensions);
        this.options = b.options;
        this.faultListener = b.faultListener;
        this.virtualParameters = b.virtualParameters;
        long version = presetStore.version();
        this.built = new Built(version, PresetEvaluator.of(presetStore.all()));
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

    /** The presets the driver reads. */
    public PresetStore presets() {
        return presetStore;
    }

    /** The faults of the device's channels (a shortcut for the store's). */
    public List<ProvisioningFault> faults(DeviceId deviceId) {
        return store.get(deviceId).map(DeviceProvisioning::faults).orElse(List.of());
    }

    /** The faults of all devices (a shortcut for the store's). */
    public List<ProvisioningFault> faults() {
        return store.faults();
    }

    /** The device's configuration status, if it has had a session. */
    public Optional<ConfigurationStatus> status(DeviceId deviceId) {
        return store.get(deviceId).map(DeviceProvisioning::status);
    }

    /** How many devices are configured, pending, faulted (a shortcut for the store's). */
    public StatusSummary summary() {
        return store.summary();
    }

    /** Clears the fault of the device's channel: its presets run again at the next session. */
    public boolean clearFault(DeviceId deviceId, String channel) {
        return store.clearFault(deviceId, channel);
    }

    /** Clears the faults of all the device's channels (e.g. once an operator has dealt with them). */
    public void clearFaults(DeviceId deviceId) {
        if (store.get(deviceId).isPresent()) {
            store.update(deviceId, p -> new DeviceProvisioning(p.deviceId(), p.status(), List.of(), p.transfers()));
        }
    }

    /** The evaluator of the store's current presets, re-built when its version moved. */
    private PresetEvaluator evaluator() {
        Built current = built;
        long version = presetStore.version();
        if (version == current.version()) {
            return current.evaluator();
        }
        synchronized (this) {
            current = built;
            if (version != current.version()) {
                // Read the version before the presets: a change in between makes the next session re-build again.
                current = new Built(version, PresetEvaluator.of(presetStore.all()));
                built = current;
                LOG.debug("presets re-read at version {}", version);
            }
            return current.evaluator();
        }
    }

    @Override
    public void sessionStarted(SessionContext session) {
        if (session.hasEvent("0 BOOTSTRAP")) {
            forgetCachedParameters(session);
        }
        State state = new State(
                new ProvisionSession(session, options.valuesPerRequest(), this::callExtension, virtualParameters));
        state.run.observeTags(state::tagChanged);
        session.attributes().put(STATE, state);
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

    /**
     * Prepares the session's provisioning, after the CPE's own requests: times out transfers, picks
     * the presets (skipping waiting channels) and applies their tags.
     */
    private void prepare(SessionContext session, State state) {
        state.prepared = true;
        DeviceId id = session.deviceId();
        Instant now = session.now();
        DeviceProvisioning saved = store.get(id).orElse(DeviceProvisioning.empty(id));
        for (PendingTransfer t : saved.transfers()) {
            if (t.isExpired(now)) {
                store.update(id, p -> p.withoutTransfer(t.commandKey()));
                undoTransferTags(session, t);
                recordFault(session, t.channel(), "timeout", "no TransferComplete for the Download of " + t.fileType()
                        + " " + t.url() + " (CommandKey " + t.commandKey() + ") within " + options.downloadTimeout());
            }
        }
        if (session.hasEvent("0 BOOTSTRAP") && !store.get(id).map(p -> p.transfers().isEmpty()).orElse(true)) {
            // A reset device has forgotten its transfers: no TransferComplete will come for them.
            DeviceProvisioning before = store.get(id).orElseThrow();
            store.update(id, p -> new DeviceProvisioning(p.deviceId(), p.status(), p.faults(), List.of()));
            LOG.info("{}: 0 BOOTSTRAP: {} pending transfers dropped", id, before.transfers().size());
        }
        saved = store.get(id).orElse(DeviceProvisioning.empty(id));
        for (ProvisioningFault f : saved.faults()) {
            if (f.isWaiting(now)) {
                state.waiting.add(f.channel());
            }
        }
        state.evaluator = evaluator();
        state.evaluatedAt = now;
        state.run.transfersPending(saved.transfers());
        PresetEvaluation evaluation = state.evaluator.evaluate(DeviceView.of(session), now);
        cycle(session, state, evaluation, evaluation.applicable());
    }

    /**
     * Starts a cycle: remembers what the evaluation saw (the tags and the parameters preconditions
     * read) and which presets it found, skips the presets of waiting channels among {@code toRun},
     * applies the tag entries of the others and makes their merged configurations the ones the next
     * runs run.
     */
    private void cycle(SessionContext session, State state, PresetEvaluation evaluation, List<Preset> toRun) {
        state.applicable = evaluation.applicable();
        evaluation.applicable().forEach(p -> state.seen.putIfAbsent(p.name(), p));
        state.sawTags = Set.copyOf(session.device().tags());
        state.sawParameters = preconditionValues(session, state.evaluator);
        List<Preset> running = new ArrayList<>();
        for (Preset p : toRun) {
            if (state.waiting.contains(p.effectiveChannel())) {
                state.skipped.add(p.effectiveChannel());
            } else {
                running.add(p);
            }
        }
        if (!state.skipped.isEmpty()) {
            LOG.debug("{}: channels {} wait after a fault; their presets are skipped", session.deviceId(),
                    state.skipped);
        }
        PresetEvaluation runningEvaluation = running.size() == evaluation.applicable().size() ? evaluation
                : new PresetEvaluation(running);
        applyTags(session, state, runningEvaluation);
        state.configurations = runningEvaluation.sourcedConfigurations();
    }

    /**
     * Applies the merged tag entries, remembering for each channel what every tag it changed was
     * before the session's first change through that channel, so that a fault can undo them.
     */
    private static void applyTags(SessionContext session, State state, PresetEvaluation evaluation) {
        DeviceRecord record = session.device();
        for (PresetEvaluation.Sourced s : evaluation.sourcedConfigurations()) {
            String tag;
            boolean present;
            if (s.configuration() instanceof Configuration.AddTag t) {
                tag = t.tag();
                present = true;
            } else if (s.configuration() instanceof Configuration.DeleteTag t) {
                tag = t.tag();
                present = false;
            } else {
                continue;
            }
            boolean was = record.hasTag(tag);
            if (was != present) {
                state.tagChanged(s.preset().effectiveChannel(), tag, was);
                record = present ? record.withTag(tag) : record.withoutTag(tag);
            }
        }
        DeviceRecord changed = record;
        session.updateDevice(r -> changed);
    }

    /**
     * Undoes the tag changes the session made through a channel that faulted, its presets' tag
     * entries and its provisions' {@link ProvisionContext#tag} calls (as GenieACS commits nothing of a
     * faulted channel): each tag back to what it was before, so that the presets apply again after
     * the back-off.
     */
    private static void undoTags(SessionContext session, State state, String channel) {
        Map<String, Boolean> before = state.tagsBefore.remove(channel);
        if (before == null || before.isEmpty()) {
            return;
        }
        session.updateDevice(r -> {
            DeviceRecord result = r;
            for (Map.Entry<String, Boolean> e : before.entrySet()) {
                result = e.getValue() ? result.withTag(e.getKey()) : result.withoutTag(e.getKey());
            }
            return result;
        });
        LOG.info("{}: channel {} faulted: its tag changes undone {}", session.deviceId(), channel, before);
    }

    /**
     * Undoes the tag changes of the session that sent a Download that failed (or timed out) in a later
     * session: the tags it added are removed, the tags it removed are added back, but for those a
     * session changed again since (dropped from the transfer when that session ended).
     */
    private static void undoTransferTags(SessionContext session, PendingTransfer transfer) {
        if (transfer.tagsAdded().isEmpty() && transfer.tagsRemoved().isEmpty()) {
            return;
        }
        session.updateDevice(r -> {
            DeviceRecord result = r;
            for (String tag : transfer.tagsAdded()) {
                result = result.withoutTag(tag);
            }
            for (String tag : transfer.tagsRemoved()) {
                result = result.withTag(tag);
            }
            return result;
        });
        LOG.info("{}: the Download of {} {} (CommandKey {}) failed: the tag changes of the session that sent it "
                + "undone (added {}, removed {})", session.deviceId(), transfer.fileType(), transfer.url(),
                transfer.commandKey(), transfer.tagsAdded(), transfer.tagsRemoved());
    }

    /** The values of the parameters the preconditions read, as they are now in the session's tree. */
    private static Map<ParameterPath, Optional<String>> preconditionValues(SessionContext session,
            PresetEvaluator evaluator) {
        Set<ParameterPath> paths = evaluator.preconditionParameters();
        if (paths.isEmpty()) {
            return Map.of();
        }
        DeviceView view = DeviceView.of(session);
        Map<ParameterPath, Optional<String>> values = new HashMap<>();
        for (ParameterPath path : paths) {
            values.put(path, view.parameter(path).map(DeviceView.ParameterValue::value));
        }
        return values;
    }

    /**
     * After a run converged: when the device changed since the last evaluation (its tags, or a
     * parameter a precondition reads), evaluates the presets again, at the same instant with the
     * same events, and starts a cycle with the presets that apply now and did not at the previous
     * evaluation; records {@code too_many_cycles} instead when {@link ProvisioningOptions#maxCycles()}
     * cycles have run after the first evaluation.
     */
    private CycleOutcome nextCycle(SessionContext session, State state) {
        if (state.sawTags.equals(session.device().tags())
                && state.sawParameters.equals(preconditionValues(session, state.evaluator))) {
            return CycleOutcome.DONE;
        }
        PresetEvaluation evaluation = state.evaluator.evaluate(DeviceView.of(session), state.evaluatedAt);
        Set<String> before = new HashSet<>();
        state.applicable.forEach(p -> before.add(p.name()));
        List<Preset> fresh = new ArrayList<>();
        for (Preset p : evaluation.applicable()) {
            if (!before.contains(p.name()) && !state.faulted.contains(p.effectiveChannel())) {
                fresh.add(p);
            }
        }
        if (fresh.stream().allMatch(p -> state.waiting.contains(p.effectiveChannel()))) {
            fresh.forEach(p -> state.skipped.add(p.effectiveChannel()));
            return CycleOutcome.DONE;
        }
        if (state.cycles >= options.maxCycles()) {
            Set<String> channels = new LinkedHashSet<>();
            for (Preset p : fresh) {
                if (!state.waiting.contains(p.effectiveChannel())) {
                    channels.add(p.effectiveChannel());
                    state.seen.putIfAbsent(p.name(), p);
                }
            }
            String message = "the presets still change the device after " + state.cycles + " cycles; "
                    + fresh.stream().map(Preset::name).toList() + " would apply next";
            for (String channel : channels) {
                recordFault(session, channel, "too_many_cycles", message);
                state.faulted.add(channel);
            }
            return CycleOutcome.BOUND;
        }
        state.cycles++;
        LOG.debug("{}: cycle {}: presets {}", session.deviceId(), state.cycles,
                fresh.stream().map(Preset::name).toList());
        cycle(session, state, evaluation, fresh);
        return CycleOutcome.AGAIN;
    }

    private enum CycleOutcome { DONE, AGAIN, BOUND }

    @Override
    public Optional<AcsRequest<?>> nextRequest(SessionContext session) {
        State state = (State) session.attributes().get(STATE);
        if (state == null) {
            return Optional.empty();
        }
        if (!state.prepared) {
            prepare(session, state);
        }
        ProvisionSession run = state.run;
        if (run.finished()) {
            return Optional.empty();
        }
        if (run.runs() >= options.maxIterations()) {
            return bound(session, state, "too_many_iterations",
                    "provisions still pending after " + options.maxIterations() + " runs");
        }
        if (session.acsRequestCount() >= options.maxRequests()) {
            return bound(session, state, "too_many_requests",
                    "provisions still pending after " + session.acsRequestCount() + " requests");
        }
        while (true) {
            runConfigurations(session, state);
            Optional<AcsRequest<?>> next = run.plan();
            if (next.isPresent()) {
                return next;
            }
            CycleOutcome outcome = nextCycle(session, state);
            if (outcome == CycleOutcome.AGAIN) {
                continue; // the new cycle's configurations run at once, in this call
            }
            run.finish();
            state.converged = outcome == CycleOutcome.DONE;
            return Optional.empty();
        }
    }

    /** One run of the current cycle's configurations, again without a channel that faults in it. */
    private void runConfigurations(SessionContext session, State state) {
        ProvisionSession run = state.run;
        boolean again = true;
        while (again) {
            again = false;
            run.beginRun();
            for (PresetEvaluation.Sourced s : state.configurations) {
                String channel = s.preset().effectiveChannel();
                if (state.faulted.contains(channel)) {
                    continue;
                }
                state.ran.add(channel);
                run.channel(channel);
                Optional<Failure> failure = applyOne(run, s.configuration());
                if (failure.isPresent()) {
                    recordFault(session, channel, failure.get().code(), failure.get().message());
                    state.faulted.add(channel);
                    again = true; // run again without the channel: drop what it declared in this run
                    break;
                }
            }
        }
    }

    /** Why a configuration faulted. */
    private record Failure(String code, String message) {
    }

    /** Applies one configuration; why, when it faulted. */
    private Optional<Failure> applyOne(ProvisionSession run, Configuration c) {
        try {
            apply(run, c);
            return Optional.empty();
        } catch (ProvisionSession.CommitPending pending) {
            return Optional.empty(); // the rest of this provision runs after the CPE has answered
        } catch (UnknownProvision e) {
            return Optional.of(new Failure("unknown_provision", e.getMessage()));
        } catch (ExtensionFailure e) {
            return Optional.of(new Failure("ext", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.debug("{}: {} failed", run.deviceId(), c.type(), e);
            return Optional.of(new Failure("script", c.type() + " failed: " + reason(e)));
        }
    }

    /** An expected failure's own message; for anything else (a bug in a provision) also its type. */
    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof ProvisioningException ? message : e.getClass().getSimpleName() + ": " + message;
    }

    private void apply(ProvisionSession run, Configuration c) {
        if (c instanceof Configuration.SetValue v) {
            run.declare(v.name(), Timestamps.none(), Values.value(javaValue(v.value())));
        } else if (c instanceof Configuration.Age a) {
            run.declare(a.name(), Timestamps.value(run.now().minusSeconds(a.seconds())), Values.none());
        } else if (c instanceof Configuration.Provision p) {
            Provision provision = provision(p.name());
            List<Object> args = new ArrayList<>(p.args().size());
            for (Literal l : p.args()) {
                args.add(javaValue(l));
            }
            provision.run(run, Collections.unmodifiableList(args));
        } else if (c instanceof Configuration.AddObject a) {
            PresetObject object = object(a.object());
            String instance = instancePattern(a.name(), object);
            run.ensureInstance(instance);
            for (Map.Entry<String, String> e : object.parameters().entrySet()) {
                if (!object.keys().contains(e.getKey())) {
                    run.declare(instance + "." + e.getKey(), Timestamps.none(), Values.value(e.getValue()));
                }
            }
        } else if (c instanceof Configuration.DeleteObject d) {
            run.declare(instancePattern(d.name(), object(d.object())), Timestamps.path(run.now()), Values.instances(0));
        }
        // Tag entries were applied when the session's provisioning started.
    }

    private Provision provision(String name) {
        Provision provision = provisions.get(name);
        if (provision == null) {
            provision = provisionLookup.apply(name).orElse(null);
        }
        if (provision == null) {
            throw new UnknownProvision("no provision named '" + name + "'");
        }
        return provision;
    }

    private PresetObject object(String id) {
        PresetObject object = objects.get(id);
        if (object != null) {
            return object;
        }
        return objectLookup.apply(id).orElseThrow(() -> new UnknownProvision("no object named '" + id
                + "' (register it with ProvisioningDriver.Builder.object or objectLookup)"));
    }

    /** {@code Device.NAT.PortMapping} and keys {@code [Protocol:TCP,ExternalPort:22]}: {@code Device.NAT.PortMapping.[...]}. */
    private static String instancePattern(String name, PresetObject object) {
        String base = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        List<ParameterPath.KeyValue> keys = new ArrayList<>();
        for (String key : object.keys()) {
            keys.add(new ParameterPath.KeyValue(key, object.parameters().get(key)));
        }
        return base + "." + new ParameterPath.InstanceKeys(keys);
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
        List<Object> copy = Collections.unmodifiableList(new ArrayList<>(args));
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
    public void cpeRequestReceived(SessionContext session, CpeRequest<?> request) {
        if (!(request instanceof TransferComplete complete)) {
            return;
        }
        DeviceId id = session.deviceId();
        Optional<PendingTransfer> pending = store.get(id).flatMap(p -> p.transfers().stream()
                .filter(t -> t.commandKey().equals(complete.commandKey())).findFirst());
        if (pending.isEmpty()) {
            LOG.info("{}: TransferComplete for CommandKey '{}' matches no pending transfer", id, complete.commandKey());
            return;
        }
        PendingTransfer transfer = pending.get();
        store.update(id, p -> p.withoutTransfer(transfer.commandKey()));
        int code = complete.faultStruct().faultCode();
        if (code == 0) {
            LOG.info("{}: transfer of {} {} completed (CommandKey {})", id, transfer.fileType(), transfer.url(),
                    transfer.commandKey());
        } else {
            undoTransferTags(session, transfer);
            recordFault(session, transfer.channel(), "download." + code, "Download of " + transfer.fileType() + " "
                    + transfer.url() + " failed: " + complete.faultStruct().faultString());
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
        } else if (request instanceof Download download && response instanceof DownloadResponse answer) {
            String channel = first(state.run.outstandingChannels());
            if (answer.status() == 1) {
                Instant now = session.now();
                TagChanges changes = state.tagChanges(channel, session.device());
                PendingTransfer transfer = new PendingTransfer(session.deviceId(), download.commandKey(), channel,
                        download.fileType(), download.url(), now, now.plus(options.downloadTimeout()),
                        changes.added(), changes.removed());
                store.update(session.deviceId(), p -> p.withTransfer(transfer));
                state.transfersSent.add(transfer.commandKey());
                state.run.transferPending(channel, download);
            } else {
                LOG.info("{}: Download of {} {} done at once", session.deviceId(), download.fileType(), download.url());
            }
        }
    }

    private static String first(Set<String> channels) {
        return channels.isEmpty() ? "default" : channels.iterator().next();
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
        Set<String> channels = state.run.outstandingChannels();
        for (String channel : channels.isEmpty() ? Set.of("default") : channels) {
            recordFault(session, channel, "cwmp." + fault.faultCode(), request.methodName() + ": " + fault.faultString());
            state.faulted.add(channel);
        }
    }

    @Override
    public void sessionEnded(SessionContext session, SessionEnd end) {
        State state = (State) session.attributes().remove(STATE);
        if (state == null || !state.prepared) {
            return;
        }
        try {
            writeStatus(session, state);
        } catch (RuntimeException e) {
            LOG.warn("{}: configuration status not saved", session.deviceId(), e);
        }
    }

    /** Clears the faults of the channels that succeeded and writes the device's status. */
    private void writeStatus(SessionContext session, State state) {
        Set<String> succeeded = new HashSet<>();
        if (state.converged) {
            succeeded.addAll(state.ran);
            succeeded.removeAll(state.faulted);
        }
        Set<String> unconverged = state.converged ? Set.of() : new LinkedHashSet<>(state.run.pendingChannels());
        Instant now = session.now();
        Set<String> cleared = new LinkedHashSet<>();
        store.get(session.deviceId()).ifPresent(p -> p.faults().forEach(f -> {
            if (succeeded.contains(f.channel())) {
                cleared.add(f.channel());
            }
        }));
        Set<String> touched = state.touchedTags();
        Map<String, TagChanges> changesByChannel = new HashMap<>();
        for (String channel : state.tagsBefore.keySet()) {
            changesByChannel.put(channel, state.tagChanges(channel, session.device()));
        }
        store.update(session.deviceId(), p -> {
            DeviceProvisioning next = p;
            for (String channel : succeeded) {
                if (next.fault(channel).isPresent()) {
                    next = next.withoutFault(channel);
                }
            }
            next = new DeviceProvisioning(next.deviceId(), next.status(), next.faults(),
                    retagged(next.transfers(), state.transfersSent, changesByChannel, touched));
            return next.withStatus(status(state, next, unconverged, now));
        });
        if (!cleared.isEmpty()) {
            LOG.info("{}: channels {} succeeded; their faults are cleared", session.deviceId(), cleared);
        }
    }

    /**
     * The pending transfers with the tag changes they undo when they fail: for the transfers this
     * session sent, their channel's changes as the session ends (none when the channel faulted and its
     * changes were undone); for the others, without the tags this session changed (the later change wins).
     */
    private static List<PendingTransfer> retagged(List<PendingTransfer> transfers, Set<String> sentNow,
            Map<String, TagChanges> changesByChannel, Set<String> touched) {
        List<PendingTransfer> out = new ArrayList<>(transfers.size());
        for (PendingTransfer t : transfers) {
            Set<String> added;
            Set<String> removed;
            if (sentNow.contains(t.commandKey())) {
                TagChanges changes = changesByChannel.getOrDefault(t.channel(), TagChanges.NONE);
                added = changes.added();
                removed = changes.removed();
            } else {
                added = new HashSet<>(t.tagsAdded());
                added.removeAll(touched);
                removed = new HashSet<>(t.tagsRemoved());
                removed.removeAll(touched);
            }
            out.add(added.equals(t.tagsAdded()) && removed.equals(t.tagsRemoved()) ? t
                    : new PendingTransfer(t.deviceId(), t.commandKey(), t.channel(), t.fileType(), t.url(), t.sent(),
                            t.expires(), added, removed));
        }
        return out;
    }

    /** The tags a channel added and removed in a session. */
    private record TagChanges(Set<String> added, Set<String> removed) {
        static final TagChanges NONE = new TagChanges(Set.of(), Set.of());
    }

    private static ConfigurationStatus status(State state, DeviceProvisioning p, Set<String> unconverged,
            Instant now) {
        if (!p.faults().isEmpty()) {
            ProvisioningFault latest = p.faults().stream()
                    .max(Comparator.comparing(ProvisioningFault::timestamp)).orElseThrow();
            Set<String> channels = new HashSet<>();
            p.faults().forEach(f -> channels.add(f.channel()));
            return ConfigurationStatus.faulted(state.presetsOf(channels), "channel " + latest.channel() + ": "
                    + latest.code() + ": " + latest.message(), now);
        }
        if (!unconverged.isEmpty() || !state.converged) {
            return ConfigurationStatus.pending(state.presetsOf(unconverged),
                    "the session ended before the provisions converged", now);
        }
        if (!p.transfers().isEmpty()) {
            Map<String, Integer> byType = new LinkedHashMap<>();
            Set<String> channels = new HashSet<>();
            for (PendingTransfer t : p.transfers()) {
                byType.merge(t.fileType(), 1, Integer::sum);
                channels.add(t.channel());
            }
            List<String> parts = new ArrayList<>();
            byType.forEach((type, n) -> parts.add(n == 1 ? type : n + " × " + type));
            return ConfigurationStatus.pending(state.presetsOf(channels),
                    "waiting for TransferComplete of " + String.join(", ", parts), now);
        }
        return ConfigurationStatus.configured(now);
    }

    /** Ends the session's provisioning on a bound: a fault on every channel with something pending. */
    private Optional<AcsRequest<?>> bound(SessionContext session, State state, String code, String message) {
        ProvisionSession run = state.run;
        run.finish();
        Set<String> channels = new LinkedHashSet<>(run.pendingChannels());
        if (channels.isEmpty()) {
            channels.addAll(run.outstandingChannels());
        }
        if (channels.isEmpty()) {
            channels.addAll(state.ran);
        }
        channels.removeAll(state.faulted);
        for (String channel : channels.isEmpty() ? Set.of("default") : channels) {
            recordFault(session, channel, code, message);
            state.faulted.add(channel);
        }
        return Optional.empty();
    }

    /**
     * Records a fault of the channel in the store at once (retries and back-off from the previous one)
     * and undoes the tag changes the session made through the channel's presets.
     */
    private void recordFault(SessionContext session, String channel, String code, String message) {
        DeviceId id = session.deviceId();
        if (session.attributes().get(STATE) instanceof State state) {
            undoTags(session, state, channel);
        }
        Instant now = session.now();
        DeviceProvisioning saved = store.update(id, p -> {
            int retries = p.fault(channel).map(f -> f.retries() + 1).orElse(0);
            return p.withFault(new ProvisioningFault(id, channel, code, message, now, retries,
                    now.plus(options.backoff(retries))));
        });
        ProvisioningFault fault = saved.fault(channel).orElseThrow();
        LOG.warn("{}: provisioning fault {} on channel {} (retry {} after {}): {}", id, code, channel,
                fault.retries(), fault.retryAfter(), message);
        try {
            faultListener.accept(fault);
        } catch (RuntimeException e) {
            LOG.warn("fault listener failed", e);
        }
    }

    /** Stops the threads that run extensions. */
    @Override
    public void close() {
        extensionThreads.shutdownNow();
    }

    /** Per-session state, kept in the session's attributes. */
    private static final class State {
        final ProvisionSession run;
        boolean prepared;
        boolean converged;
        /** The evaluator of the session's first evaluation, used by its later cycles too. */
        PresetEvaluator evaluator;
        /** The instant of the first evaluation: later cycles evaluate schedules at the same instant. */
        Instant evaluatedAt;
        /** How many cycles ran after the first evaluation. */
        int cycles;
        /** The presets the last evaluation found applicable. */
        List<Preset> applicable = List.of();
        /** Every preset found applicable in one of the session's cycles, by name, in order. */
        final Map<String, Preset> seen = new LinkedHashMap<>();
        /** What the last evaluation saw: the tags and the values of the parameters preconditions read. */
        Set<String> sawTags = Set.of();
        Map<ParameterPath, Optional<String>> sawParameters = Map.of();
        List<PresetEvaluation.Sourced> configurations = List.of();
        /** Channels whose fault still waits (from earlier sessions). */
        final Set<String> waiting = new HashSet<>();
        /** Channels skipped: their fault still waits. */
        final Set<String> skipped = new LinkedHashSet<>();
        /** Channels faulted in this session. */
        final Set<String> faulted = new LinkedHashSet<>();
        /** Channels whose configurations ran in this session. */
        final Set<String> ran = new LinkedHashSet<>();
        /**
         * By channel: the tags it changed in this session (its presets' tag entries and its provisions'
         * tag calls), each with whether it was present before the channel's first change.
         */
        final Map<String, Map<String, Boolean>> tagsBefore = new HashMap<>();
        /** The CommandKeys of the Downloads of this session the CPE will complete later. */
        final Set<String> transfersSent = new HashSet<>();

        State(ProvisionSession run) {
            this.run = run;
        }

        /** Notes that the channel changed the tag, which was present before or not. */
        void tagChanged(String channel, String tag, boolean wasPresent) {
            tagsBefore.computeIfAbsent(channel, k -> new LinkedHashMap<>()).putIfAbsent(tag, wasPresent);
        }

        /** The tags the channel has added and removed in this session (net, as the device is now). */
        TagChanges tagChanges(String channel, DeviceRecord device) {
            Map<String, Boolean> before = tagsBefore.getOrDefault(channel, Map.of());
            Set<String> added = new HashSet<>();
            Set<String> removed = new HashSet<>();
            before.forEach((tag, was) -> {
                boolean now = device.hasTag(tag);
                if (now && !was) {
                    added.add(tag);
                } else if (!now && was) {
                    removed.add(tag);
                }
            });
            return new TagChanges(Set.copyOf(added), Set.copyOf(removed));
        }

        /** Every tag a channel changed in this session and kept (not undone by a fault). */
        Set<String> touchedTags() {
            Set<String> all = new HashSet<>();
            tagsBefore.values().forEach(m -> all.addAll(m.keySet()));
            return all;
        }

        /** The names of the presets of these channels: the last evaluation's, then earlier cycles'. */
        List<String> presetsOf(Set<String> channels) {
            Set<String> names = new LinkedHashSet<>();
            for (Preset p : applicable) {
                if (channels.contains(p.effectiveChannel())) {
                    names.add(p.name());
                }
            }
            for (Preset p : seen.values()) {
                if (channels.contains(p.effectiveChannel())) {
                    names.add(p.name());
                }
            }
            return List.copyOf(names);
        }
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
        private final Map<String, PresetObject> objects = new HashMap<>();
        private Function<String, Optional<PresetObject>> objectLookup = id -> Optional.empty();
        private final Map<String, ExtensionFunction> extensions = new HashMap<>();
        private ProvisioningOptions options = ProvisioningOptions.defaults();
        private Consumer<ProvisioningFault> faultListener = f -> {
        };
        private VirtualParameterSource virtualParameters = VirtualParameterSource.none();

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

        /** Registers an object that {@code add_object} / {@code delete_object} entries name by its id. */
        public Builder object(PresetObject object) {
            objects.put(object.id(), object);
            return this;
        }

        /**
         * Finds objects by id that are not registered with {@link #object} (e.g. objects stored
         * through the NBI's {@code /objects}). Consulted at every use, so objects added later are found.
         */
        public Builder objectLookup(Function<String, Optional<PresetObject>> lookup) {
            this.objectLookup = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Registers a function provisions call with {@link ProvisionContext#ext}. */
        public Builder extension(String name, ExtensionFunction function) {
            Objects.requireNonNull(name, "name");
            extensions.put(name, Objects.requireNonNull(function, "function"));
            return this;
        }

        /** The bounds and timings (default {@link ProvisioningOptions#defaults()}). */
        public Builder options(ProvisioningOptions newOptions) {
            this.options = Objects.requireNonNull(newOptions, "options");
            return this;
        }

        /** Hears of every fault recorded (on the session's thread; keep it quick). */
        public Builder faultListener(Consumer<ProvisioningFault> listener) {
            this.faultListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Computes the {@code VirtualParameters.<name>} that configurations and provisions declare
         * (default none): the values are merged into the device's tree, never asked of the CPE.
         */
        public Builder virtualParameters(VirtualParameterSource source) {
            this.virtualParameters = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The driver. */
        public ProvisioningDriver build() {
            return new ProvisioningDriver(this);
        }
    }
}
