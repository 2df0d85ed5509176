package dev.cwmp.provisioning.internal;

import dev.cwmp.datamodel.InvalidPathException;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.FactoryReset;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.Reboot;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.provisioning.PendingTransfer;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.ProvisioningException;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.VirtualParameterValue;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provision engine's state for one session and the {@link ProvisionContext} the provisions see.
 * Each run of the provisions collects what is pending ({@link #beginRun()}); {@link #plan()} turns it
 * into the next request: names first, then values (in batches), then sets, then instances, then
 * downloads, reboot and factory reset.
 */
public final class ProvisionSession implements ProvisionContext {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionSession.class);

    /** Thrown by {@link #commit()} to stop a provision's run while declarations are pending. */
    public static final class CommitPending extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitPending() {
            super("declarations pending", null, false, false);
        }
    }

    private record NamesRequest(String path, boolean nextLevel) {
    }

    private record PendingKeys(ParameterPath instance, List<ParameterPath.KeyValue> keys, String channel) {
    }

    /** The prefix of the CommandKeys of the Downloads this engine sends. */
    public static final String DOWNLOAD_KEY_PREFIX = "cwmp-kit-dl-";

    private final SessionContext session;
    private final Instant started;
    private final int valuesPerRequest;
    private final BiFunction<String, List<Object>, Object> extensions;
    private final VirtualParameterSource virtualParameters;

    // Across runs of this session.
    private final Set<String> namesFetched = new HashSet<>();
    private final Map<String, Object> extResults = new HashMap<>();
    private final List<PendingKeys> pendingKeys = new ArrayList<>();
    private final Set<String> downloadsSent = new HashSet<>();
    private boolean rebootSent;
    private boolean resetSent;
    private int runs;
    private boolean finished;
    private AcsRequest<?> outstanding;
    private List<ParameterPath.KeyValue> outstandingKeys = List.of();
    private Set<String> outstandingChannels = Set.of();
    private String outstandingKeysChannel = "default";
    /** Channel, file type and URL of the transfers waiting for a TransferComplete (from earlier sessions or this one). */
    private final Set<String> transfersPending = new HashSet<>();
    /** Channels whose download declarations wait for a pending transfer. */
    private final Set<String> waitingForTransfer = new LinkedHashSet<>();
    private String channel = "default";
    private TagObserver tagObserver = (changedChannel, tag, wasPresent) -> {
    };
    /** How many pending items have been declared (a virtual parameter computed meanwhile is not final). */
    private long pendingDeclared;
    /** Which channels declared each pending item of the current run. */
    private final Map<Object, Set<String>> owners = new HashMap<>();

    // Collected by one run.
    private final LinkedHashSet<NamesRequest> names = new LinkedHashSet<>();
    private final LinkedHashSet<String> reads = new LinkedHashSet<>();
    private final LinkedHashMap<String, ParameterValueStruct> writes = new LinkedHashMap<>();
    private final List<AcsRequest<?>> objects = new ArrayList<>();
    private final List<List<ParameterPath.KeyValue>> objectKeys = new ArrayList<>();
    private final List<Download> downloads = new ArrayList<>();
    private boolean rebootWanted;
    private boolean resetWanted;

    public ProvisionSession(SessionContext session, int valuesPerRequest,
            BiFunction<String, List<Object>, Object> extensions) {
        this(session, valuesPerRequest, extensions, VirtualParameterSource.none());
    }

    public ProvisionSession(SessionContext session, int valuesPerRequest,
            BiFunction<String, List<Object>, Object> extensions, VirtualParameterSource virtualParameters) {
        this.session = session;
        this.started = session.now();
        this.valuesPerRequest = valuesPerRequest;
        this.extensions = extensions;
        this.virtualParameters = Objects.requireNonNull(virtualParameters, "virtualParameters");
    }

    /** How many times the provisions have been run. */
    public int runs() {
        return runs;
    }

    /** Whether provisioning is over for this session (done or faulted). */
    public boolean finished() {
        return finished;
    }

    /** Ends provisioning for this session. */
    public void finish() {
        finished = true;
    }

    /** Starts a run of the provisions: forgets what the previous run collected. */
    public void beginRun() {
        runs++;
        names.clear();
        reads.clear();
        writes.clear();
        objects.clear();
        objectKeys.clear();
        downloads.clear();
        rebootWanted = false;
        resetWanted = false;
        owners.clear();
        String before = channel;
        for (PendingKeys p : pendingKeys) {
            channel = p.channel();
            declareKeys(p);
        }
        channel = before;
        pendingKeys.removeIf(p -> keysHeld(p.instance(), p.keys()));
    }

    /** Hears of each tag a provision changes ({@link #tag}). */
    @FunctionalInterface
    public interface TagObserver {
        /** The provision run for {@code channel} changed {@code tag}, which was present before or not. */
        void tagChanged(String channel, String tag, boolean wasPresent);
    }

    /** Who hears of the tags the provisions change (by default nobody): the driver, to undo a faulted channel's. */
    public void observeTags(TagObserver observer) {
        this.tagObserver = Objects.requireNonNull(observer, "observer");
    }

    /** The channel of the preset whose configuration runs next: what it declares is attributed to it. */
    public void channel(String name) {
        this.channel = name;
    }

    /** Transfers waiting for a TransferComplete: their downloads are not declared again. */
    public void transfersPending(Collection<PendingTransfer> transfers) {
        for (PendingTransfer t : transfers) {
            transfersPending.add(transferKey(t.channel(), t.fileType(), t.url()));
        }
    }

    /** A Download of this session the CPE accepted and will complete later. */
    public void transferPending(String transferChannel, Download download) {
        transfersPending.add(transferKey(transferChannel, download.fileType(), download.url()));
    }

    /** The channels whose provisions declared a download that waits for a pending transfer. */
    public Set<String> waitingForTransfer() {
        return Set.copyOf(waitingForTransfer);
    }

    private static String transferKey(String transferChannel, String fileType, String url) {
        return transferChannel + "\u0000" + fileType + "\u0000" + url;
    }

    private void own(Object item) {
        pendingDeclared++;
        owners.computeIfAbsent(item, k -> new LinkedHashSet<>()).add(channel);
    }

    private Set<String> ownersOf(Object item) {
        return owners.getOrDefault(item, Set.of());
    }

    /** The channels that declared something still pending in the last run. */
    public Set<String> pendingChannels() {
        Set<String> all = new LinkedHashSet<>();
        owners.values().forEach(all::addAll);
        return all;
    }

    /** The channels that declared what the last request of {@link #plan()} asks. */
    public Set<String> outstandingChannels() {
        return outstandingChannels;
    }

    /** The next request for what the run collected, or empty when nothing is pending. */
    public Optional<AcsRequest<?>> plan() {
        AcsRequest<?> next = null;
        List<ParameterPath.KeyValue> keys = List.of();
        Set<String> channels = new LinkedHashSet<>();
        if (!names.isEmpty()) {
            NamesRequest n = names.iterator().next();
            next = new GetParameterNames(n.path(), n.nextLevel());
            channels.addAll(ownersOf(n));
        } else if (!reads.isEmpty()) {
            List<String> batch = new ArrayList<>(Math.min(valuesPerRequest, reads.size()));
            for (String r : reads) {
                if (batch.size() == valuesPerRequest) {
                    break;
                }
                batch.add(r);
                channels.addAll(ownersOf("r\u0000" + r));
            }
            next = new GetParameterValues(batch);
        } else if (!writes.isEmpty()) {
            next = new SetParameterValues(List.copyOf(writes.values()), parameterKey());
            for (String w : writes.keySet()) {
                channels.addAll(ownersOf("w\u0000" + w));
            }
        } else if (!objects.isEmpty()) {
            next = objects.get(0);
            keys = objectKeys.get(0);
            channels.addAll(ownersOf(next));
        } else if (!downloads.isEmpty()) {
            Download d = downloads.get(0);
            downloadsSent.add(d.fileType() + "\u0000" + d.url());
            next = d;
            channels.addAll(ownersOf(d));
        } else if (resetWanted) {
            resetSent = true;
            next = new FactoryReset();
            channels.addAll(ownersOf("reset"));
        } else if (rebootWanted) {
            rebootSent = true;
            next = new Reboot(parameterKey());
            channels.addAll(ownersOf("reboot"));
        }
        outstanding = next;
        outstandingKeys = keys;
        outstandingChannels = Set.copyOf(channels);
        outstandingKeysChannel = channels.isEmpty() ? "default" : channels.iterator().next();
        return Optional.ofNullable(next);
    }

    /** Whether {@code request} is the one {@link #plan()} returned last. */
    public boolean isOutstanding(AcsRequest<?> request) {
        return request == outstanding;
    }

    /** The CPE answered a GetParameterNames (or said the path does not exist). */
    public void namesFetched(GetParameterNames request) {
        namesFetched.add(request.parameterPath());
    }

    /** The CPE created instance {@code number} of {@code object}: the keys of its declaration are set next. */
    public void instanceAdded(String object, long number) {
        if (!outstandingKeys.isEmpty()) {
            pendingKeys.add(new PendingKeys(ParameterPath.parse(object + number + "."), outstandingKeys,
                    outstandingKeysChannel));
        }
    }

    private String parameterKey() {
        return "cwmp-kit " + started;
    }

    // ---------------------------------------------------------------------------------------------
    // ProvisionContext

    @Override
    public DeviceId deviceId() {
        return session.deviceId();
    }

    @Override
    public Instant now() {
        return started;
    }

    @Override
    public List<ParameterTree.Entry> declare(String path, Timestamps timestamps, Values values) {
        if (path.startsWith(VIRTUAL_ROOT)) {
            return declareVirtual(path, timestamps, values);
        }
        ParameterPath pattern = parse(path);
        ParameterTree tree = session.parameters();
        List<ParameterTree.Entry> found = tree.query(pattern);
        if (found.isEmpty()) {
            wantNames(pattern, false);
        } else if (timestamps.path().isPresent()) {
            Instant at = timestamps.path().get();
            if (!tree.needingRefresh(pattern, ParameterTree.Aspect.NAMES, at).isEmpty()) {
                wantNames(pattern, true);
            }
        }
        if (timestamps.value().isPresent()) {
            for (ParameterPath p : tree.needingRefresh(pattern, ParameterTree.Aspect.VALUE, timestamps.value().get())) {
                addRead(p.toString());
            }
        }
        if (values.value().isPresent()) {
            if (pattern.isObjectPath()) {
                throw new ProvisioningException("a value is declared for a parameter, not for object " + path);
            }
            declareValue(tree, pattern, values.value().get());
        }
        if (values.instances().isPresent()) {
            declareInstances(tree, pattern, values.instances().getAsInt());
        }
        return found;
    }

    /** The root of virtual parameters: computed by the source, never asked of the CPE. */
    private static final String VIRTUAL_ROOT = "VirtualParameters.";

    /**
     * A declaration of {@code VirtualParameters.<name>}, {@code VirtualParameters.*} or
     * {@code VirtualParameters.}: each one whose entry is missing, older than the value timestamp,
     * stale, or different from the declared value is computed now and merged into the tree, unless
     * the computation declared something pending (then it is computed again in the next run, as
     * GenieACS runs a virtual parameter's script again until its declarations are done).
     */
    private List<ParameterTree.Entry> declareVirtual(String path, Timestamps timestamps, Values values) {
        String name = path.substring(VIRTUAL_ROOT.length());
        boolean all = name.isEmpty() || name.equals("*");
        if (!all && (name.contains(".") || name.contains("*") || name.contains("[") || name.contains("{"))) {
            throw new ProvisioningException("a virtual parameter is VirtualParameters.<name> or VirtualParameters.*: "
                    + path);
        }
        if (values.instances().isPresent()) {
            throw new ProvisioningException("virtual parameters have no instances: " + path);
        }
        ParameterTree tree = session.parameters();
        List<String> wanted = all ? virtualParameters.names() : List.of(name);
        if (all && timestamps.path().isPresent()) {
            // A names refresh: virtual parameters the source no longer has leave the tree.
            Set<String> known = new HashSet<>(wanted);
            for (ParameterTree.Entry e : tree.query(ParameterPath.parse(VIRTUAL_ROOT))) {
                if (e.path().segmentCount() > 1 && !known.contains(e.path().segmentText(1))) {
                    tree.delete(e.path());
                }
            }
        }
        List<ParameterTree.Entry> found = new ArrayList<>(wanted.size());
        for (String each : wanted) {
            ParameterPath p = parse(VIRTUAL_ROOT + each);
            Optional<ParameterTree.Entry> entry = tree.get(p);
            Optional<String> write = values.value()
                    .filter(v -> entry.flatMap(ParameterTree.Entry::value).map(current -> !current.equals(v)).orElse(true));
            if (write.isPresent() && entry.flatMap(ParameterTree.Entry::writable).filter(w -> !w).isPresent()) {
                LOG.warn("{}: not setting read-only {} to '{}'", session.deviceId(), p, write.get());
                write = Optional.empty();
            }
            boolean old = entry.isEmpty() || entry.get().stale().contains(ParameterTree.Aspect.VALUE)
                    || timestamps.value().filter(t -> !tree.needingRefresh(p, ParameterTree.Aspect.VALUE, t).isEmpty())
                            .isPresent();
            if (!old && write.isEmpty()) {
                found.add(entry.get());
                continue;
            }
            Values asked = write.map(v -> new Values(Optional.of(v), OptionalInt.empty())).orElseGet(Values::none);
            long pendingBefore = pendingDeclared;
            Optional<VirtualParameterValue> computed = virtualParameters.evaluate(each, this, timestamps, asked);
            if (pendingDeclared != pendingBefore) {
                // What it declared must reach the CPE first: computed again in the next run, kept then.
                entry.ifPresent(found::add);
                continue;
            }
            if (computed.isEmpty()) {
                if (entry.isPresent()) {
                    tree.delete(p); // no such virtual parameter (any more)
                }
                continue;
            }
            VirtualParameterValue v = computed.get();
            ParameterTree.Entry merged = new ParameterTree.Entry(p, false, Optional.of(v.writable()), v.value(),
                    Optional.of(v.type()), entry.map(ParameterTree.Entry::notification).orElse(OptionalInt.empty()),
                    entry.flatMap(ParameterTree.Entry::accessList), Optional.of(started), Optional.of(started),
                    entry.flatMap(ParameterTree.Entry::attributesReadAt), Set.of());
            tree.put(merged);
            found.add(merged);
        }
        return found;
    }

    private void declareValue(ParameterTree tree, ParameterPath pattern, String desired) {
        ParameterTree.Diff diff = tree.diff(Map.of(pattern, desired));
        for (ParameterTree.Change change : diff.toSet()) {
            Optional<ParameterTree.Entry> entry = tree.get(change.path());
            boolean unread = change.current().isEmpty()
                    || entry.map(e -> e.stale().contains(ParameterTree.Aspect.VALUE)).orElse(true);
            if (unread) {
                addRead(change.path().toString()); // read before write: maybe it already holds the value
            } else {
                writes.put(change.path().toString(), new ParameterValueStruct(change.path().toString(), desired,
                        change.type().map(ProvisionSession::xsdType).orElse(XsdType.STRING)));
                own("w\u0000" + change.path());
            }
        }
        for (ParameterTree.Change change : diff.readOnly()) {
            LOG.warn("{}: not setting read-only {} to '{}'", session.deviceId(), change.path(), desired);
        }
    }

    private void addRead(String path) {
        reads.add(path);
        own("r\u0000" + path);
    }

    /**
     * Ensures at least one instance matching the pattern (ending with {@code [key:value,...]} or
     * {@code *}) exists: adds one (with its keys set) when none does, deletes nothing.
     */
    public void ensureInstance(String path) {
        ParameterPath pattern = parse(path);
        ParameterTree tree = session.parameters();
        if (tree.query(pattern).isEmpty()) {
            wantNames(pattern, false);
        }
        declareInstances(tree, pattern, 1, true);
    }

    private void declareInstances(ParameterTree tree, ParameterPath pattern, int count) {
        declareInstances(tree, pattern, count, false);
    }

    private void declareInstances(ParameterTree tree, ParameterPath pattern, int count, boolean atLeast) {
        int n = pattern.segmentCount();
        ParameterPath.Segment last = pattern.segment(n - 1);
        if (!(last instanceof ParameterPath.Wildcard) && !(last instanceof ParameterPath.InstanceKeys)) {
            throw new ProvisioningException("an instance count needs a path ending with * or [key:value]: " + pattern);
        }
        ParameterPath object = pattern.prefix(n - 1).toPartial();
        if (!object.isConcrete()) {
            throw new ProvisioningException("an instance count needs a concrete object before the last segment: "
                    + pattern);
        }
        if (tree.get(object).flatMap(ParameterTree.Entry::namesReadAt).isEmpty()) {
            wantNames(object, false);
            return;
        }
        List<ParameterPath.KeyValue> keys = last instanceof ParameterPath.InstanceKeys k ? k.keys() : List.of();
        List<Long> matching = new ArrayList<>();
        for (long i : tree.instances(object)) {
            ParameterPath instance = object.child(i).toPartial();
            boolean matches = true;
            for (ParameterPath.KeyValue kv : keys) {
                ParameterPath keyPath = ParameterPath.parse(instance + kv.key());
                if (tree.get(keyPath).isEmpty() && !namesFetched.contains(object.toString())) {
                    wantNames(object, false); // the instances' parameters are not known yet
                    return;
                }
                Optional<String> v = tree.value(keyPath);
                if (v.isEmpty() && tree.get(keyPath).isPresent()) {
                    addRead(keyPath.toString());
                }
                if (!v.map(kv.value()::equals).orElse(false)) {
                    matches = false;
                }
            }
            if (matches) {
                matching.add(i);
            }
        }
        for (PendingKeys p : pendingKeys) {
            // Added in this session, keys not set yet: it counts already.
            List<Long> numbers = p.instance().instanceNumbers();
            long number = numbers.get(numbers.size() - 1);
            if (p.instance().parent().map(ParameterPath::toPartial).filter(object::equals).isPresent()
                    && p.keys().equals(keys) && !matching.contains(number)) {
                matching.add(number);
            }
        }
        if (matching.size() < count) {
            AddObject add = new AddObject(object.toString(), parameterKey());
            objects.add(add);
            objectKeys.add(keys);
            own(add);
        } else if (!atLeast) {
            for (int i = matching.size() - 1; i >= count; i--) {
                DeleteObject delete = new DeleteObject(object.toString() + matching.get(i) + ".", parameterKey());
                objects.add(delete);
                objectKeys.add(List.of());
                own(delete);
            }
        }
    }

    private void declareKeys(PendingKeys p) {
        ParameterTree tree = session.parameters();
        if (!namesFetched.contains(p.instance().toString())) {
            NamesRequest request = new NamesRequest(p.instance().toString(), false);
            names.add(request);
            own(request);
            return;
        }
        for (ParameterPath.KeyValue kv : p.keys()) {
            declareValue(tree, ParameterPath.parse(p.instance() + kv.key()), kv.value());
        }
    }

    private boolean keysHeld(ParameterPath instance, List<ParameterPath.KeyValue> keys) {
        ParameterTree tree = session.parameters();
        for (ParameterPath.KeyValue kv : keys) {
            if (!tree.value(ParameterPath.parse(instance + kv.key())).map(kv.value()::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Asks for the names of what the pattern covers: the subtree of the object before its first
     * wildcard or key, the subtree of a partial path, or the children of a parameter's object.
     * {@code always}: even when this session has fetched them already (a timestamp asks for it).
     */
    private void wantNames(ParameterPath pattern, boolean always) {
        NamesRequest request = null;
        for (int i = 0; i < pattern.segmentCount(); i++) {
            ParameterPath.Segment s = pattern.segment(i);
            if (s instanceof ParameterPath.Wildcard || s instanceof ParameterPath.InstanceKeys
                    || s instanceof ParameterPath.Alias) {
                request = new NamesRequest(pattern.prefix(i).toPartial().toString(), false);
                break;
            }
        }
        if (request == null) {
            if (pattern.isPartial()) {
                request = new NamesRequest(pattern.toString(), false);
            } else {
                Optional<ParameterPath> parent = pattern.parent();
                request = parent.isPresent()
                        ? new NamesRequest(parent.get().toPartial().toString(), true)
                        : new NamesRequest(pattern.toString(), false);
            }
        }
        if (always || !namesFetched.contains(request.path())) {
            names.add(request);
            own(request);
        }
    }

    @Override
    public void clear(String path, Instant time) {
        ParameterPath pattern = parse(path);
        ParameterTree tree = session.parameters();
        for (ParameterTree.Entry e : tree.query(pattern)) {
            // Each aspect on its own: what was read again since stays fresh.
            Set<ParameterTree.Aspect> old = EnumSet.noneOf(ParameterTree.Aspect.class);
            if (e.namesReadAt().map(t -> t.isBefore(time)).orElse(false)) {
                old.add(ParameterTree.Aspect.NAMES);
            }
            if (e.valueReadAt().map(t -> t.isBefore(time)).orElse(false)) {
                old.add(ParameterTree.Aspect.VALUE);
            }
            if (!old.isEmpty()) {
                tree.invalidate(e.path(), old);
            }
        }
        namesFetched.removeIf(p -> p.startsWith(pattern.toPartial().toString()));
    }

    @Override
    public void commit() {
        if (hasPending()) {
            throw new CommitPending();
        }
    }

    private boolean hasPending() {
        return !names.isEmpty() || !reads.isEmpty() || !writes.isEmpty() || !objects.isEmpty()
                || !downloads.isEmpty() || rebootWanted || resetWanted;
    }

    @Override
    public Object ext(String name, List<Object> args) {
        String key = name + "\u0000" + args;
        Object cached = extResults.get(key);
        if (cached != null) {
            return cached;
        }
        Object result = extensions.apply(name, args);
        extResults.put(key, result);
        return result;
    }

    @Override
    public void log(String message) {
        LOG.info("{}: {}", session.deviceId(), message);
    }

    @Override
    public Set<String> tags() {
        return session.device().tags();
    }

    @Override
    public void tag(String tag, boolean present) {
        if (present != session.device().hasTag(tag)) {
            tagObserver.tagChanged(channel, tag, !present);
            session.updateDevice(r -> present ? r.withTag(tag) : r.withoutTag(tag));
        }
    }

    @Override
    public void reboot() {
        if (!rebootSent) {
            rebootWanted = true;
            own("reboot");
        }
    }

    @Override
    public void factoryReset() {
        if (!resetSent) {
            resetWanted = true;
            own("reset");
        }
    }

    @Override
    public void download(String fileType, String url, String targetFileName) {
        download(fileType, url, targetFileName, 0);
    }

    @Override
    public void download(String fileType, String url, String targetFileName, long fileSize) {
        if (fileSize < 0) {
            throw new ProvisioningException("a file size is not negative: " + fileSize);
        }
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(targetFileName, "targetFileName");
        if (transfersPending.contains(transferKey(channel, fileType, url))) {
            waitingForTransfer.add(channel); // the same file is on its way: no second Download
            return;
        }
        if (downloadsSent.contains(fileType + "\u0000" + url)) {
            return;
        }
        for (Download d : downloads) {
            if (d.fileType().equals(fileType) && d.url().equals(url)) {
                own(d);
                return;
            }
        }
        Download d = new Download(DOWNLOAD_KEY_PREFIX + UUID.randomUUID(), fileType, url, "", "", fileSize,
                targetFileName, 0, "", "");
        downloads.add(d);
        own(d);
    }

    private static ParameterPath parse(String path) {
        try {
            return ParameterPath.parse(path);
        } catch (InvalidPathException e) {
            throw new ProvisioningException("not a parameter path or pattern: " + path, e);
        }
    }

    private static XsdType xsdType(String wireName) {
        try {
            return XsdType.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            return XsdType.STRING;
        }
    }
}
