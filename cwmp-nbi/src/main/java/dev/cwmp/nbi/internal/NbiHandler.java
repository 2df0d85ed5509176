package dev.cwmp.nbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.nbi.ObjectCatalog;
import dev.cwmp.nbi.ScriptCatalog;
import dev.cwmp.nbi.ScriptRejectedException;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.provisioning.ConfigurationStatus;
import dev.cwmp.provisioning.DeviceProvisioning;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.PresetObject;
import dev.cwmp.provisioning.ProvisioningException;
import dev.cwmp.provisioning.ProvisioningFault;
import dev.cwmp.provisioning.StatusSummary;
import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.files.FileMetadata;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.files.FileTooLargeException;
import dev.cwmp.provisioning.files.StoredFile;
import dev.cwmp.session.DeviceFilter;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.session.connreq.ConnectionRequestResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NBI's routes, GenieACS 1.2's paths and shapes. Every error is {@code {"error": ..., "status": N}};
 * a refused request changes nothing.
 */
public final class NbiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NbiHandler.class);

    /** The response header carrying GenieACS's status message of a 202 (it puts it in the status line). */
    public static final String TASK_STATUS_HEADER = "Task-Status";

    static final String QUEUED = "Task queued but not processed";
    static final String FAULTED = "Task faulted";

    private static final int MAX_STATUS_LIMIT = 1_000;

    private final NbiConfig config;
    private final FaultedTasks faultedTasks = new FaultedTasks();
    private final VirtualParameterTasks virtualParameterTasks;
    private final Ping ping;

    public NbiHandler(NbiConfig config) {
        this.config = config;
        this.virtualParameterTasks = new VirtualParameterTasks(config.virtualParameters());
        this.ping = new Ping(config.pingProgram(), config.pingTimeout());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                Optional<String> authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
                if (!config.authentication().accepts(authorization)) {
                    throw new HttpError(401, authorization.isEmpty() ? "authentication required"
                            : "wrong credentials", Map.of("WWW-Authenticate", config.authentication().challenge()));
                }
                route(new Request(exchange));
            } catch (HttpError e) {
                if (e.status() >= 500) {
                    LOG.warn("NBI {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.getMessage());
                } else {
                    LOG.debug("NBI {} {}: {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                            e.status(), e.getMessage());
                }
                sendError(exchange, e);
            } catch (RuntimeException e) {
                LOG.error("NBI {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
                sendError(exchange, new HttpError(500, "internal error: " + e.getClass().getSimpleName()));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Requests

    private final class Request {
        final HttpExchange exchange;
        final String method;
        final List<String> segments;
        final List<String> rawSegments;
        final Map<String, String> parameters;

        Request(HttpExchange exchange) {
            this.exchange = exchange;
            this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            this.rawSegments = rawSegments(exchange.getRequestURI().getRawPath());
            this.segments = rawSegments.stream().map(PercentDecoding::decode).toList();
            this.parameters = parameters(exchange.getRequestURI().getRawQuery());
        }

        String segment(int i) {
            return segments.get(i);
        }

        int size() {
            return segments.size();
        }

        String body() throws IOException {
            byte[] bytes = readBody(exchange, config.maxBodyBytes());
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw HttpError.badRequest("the body is not UTF-8");
            }
        }
    }

    private static List<String> rawSegments(String rawPath) {
        String path = rawPath == null ? "/" : rawPath;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        out.addAll(Arrays.asList(path.split("/", -1)));
        return out;
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentDecoding.decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentDecoding.decodeForm(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private void route(Request r) throws IOException {
        if (r.size() == 0) {
            throw HttpError.notFound("no such resource: /");
        }
        String collection = r.segment(0);
        switch (collection) {
            case "devices" -> devices(r);
            case "tasks" -> tasks(r);
            case "presets" -> presets(r);
            case "provisions" -> scripts(r, config.provisionScripts(), "provision");
            case "virtual_parameters" -> scripts(r, config.virtualParameterScripts(), "virtual parameter");
            case "objects" -> objects(r);
            case "ping" -> {
                onlyLength(r, 2);
                allow(r, "GET", "HEAD");
                ping(r);
            }
            case "faults" -> faults(r);
            case "files" -> files(r);
            case "status" -> {
                onlyLength(r, 1);
                allow(r, "GET", "HEAD");
                status(r);
            }
            default -> throw HttpError.notFound("no such resource: /" + collection);
        }
    }

    private static void onlyLength(Request r, int... sizes) {
        for (int s : sizes) {
            if (r.size() == s) {
                return;
            }
        }
        throw HttpError.notFound("no such resource: " + r.exchange.getRequestURI().getRawPath());
    }

    private static void allow(Request r, String... methods) {
        if (!Arrays.asList(methods).contains(r.method)) {
            throw new HttpError(405, r.method + " is not allowed on " + r.exchange.getRequestURI().getRawPath()
                    + " (allowed: " + String.join(", ", methods) + ")", Map.of("Allow", String.join(", ", methods)));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Devices, tasks, tags

    private void devices(Request r) throws IOException {
        if (r.size() == 1) {
            allow(r, "GET", "HEAD");
            CollectionQuery q = CollectionQuery.parse(r.parameters, DeviceDocuments::expandPath);
            boolean withTree = q.reads(DeviceDocuments::readsParameters);
            List<JsonNode> docs = new ArrayList<>();
            // The conditions on indexed fields ({"_id": ...}, {"_tags": ...}, {"_lastInform": ...},
            // {"DeviceID.ProductClass": ...}) narrow the devices read; the whole query is evaluated on them.
            DeviceFilter filter = DeviceQueryFilters.of(q.queryDocument());
            List<DeviceId> ids = inIdOrder(filter.isAll() ? config.acs().devices().ids()
                    : config.acs().devices().candidates(filter));
            for (DeviceId id : ids) {
                Optional<DeviceRecord> record = config.acs().devices().record(id);
                if (record.isPresent()) {
                    docs.add(DeviceDocuments.document(record.get(),
                            withTree ? config.acs().devices().parameters(id) : Optional.empty()));
                }
            }
            sendPage(r, q.apply(docs));
            return;
        }
        DeviceId id = deviceId(r.segment(1), r.rawSegments.get(1));
        if (r.size() == 2) {
            allow(r, "DELETE");
            existing(id);
            deleteDevice(id);
            sendEmpty(r.exchange, 200);
            return;
        }
        String sub = r.segment(2);
        if (sub.equals("tasks") && r.size() == 3) {
            allow(r, "POST");
            postTask(r, id);
            return;
        }
        if (sub.equals("tags") && r.size() == 4) {
            allow(r, "POST", "DELETE");
            tag(r, id, r.segment(3));
            return;
        }
        throw HttpError.notFound("no such resource: " + r.exchange.getRequestURI().getRawPath());
    }

    /**
     * Stores list devices in no particular order (and the narrowed list in another than the full one):
     * in {@code _id} order, a page without a sort is the same whichever way the devices were found,
     * and the same from one request to the next.
     */
    private static List<DeviceId> inIdOrder(List<DeviceId> ids) {
        Map<String, DeviceId> byId = new java.util.TreeMap<>();
        for (DeviceId id : ids) {
            byId.put(id.toString(), id);
        }
        return List.copyOf(byId.values());
    }

    /**
     * The device a path segment names. GenieACS clients escape the id ({@code %252D}); people with
     * curl often paste it as printed ({@code %2D}), which decodes to a {@code -} that splits the id
     * wrongly: then the segment as written is the id.
     */
    private DeviceId deviceId(String decoded, String raw) {
        Optional<DeviceId> id = DeviceId.parse(decoded);
        if (id.isPresent() && config.acs().devices().record(id.get()).isPresent()) {
            return id.get();
        }
        return DeviceId.parse(raw).filter(d -> config.acs().devices().record(d).isPresent())
                .or(() -> id)
                .orElseThrow(() -> HttpError.notFound("no such device: " + decoded));
    }

    private DeviceRecord existing(DeviceId id) {
        return config.acs().devices().record(id).orElseThrow(() -> HttpError.notFound("no such device: " + id));
    }

    private void deleteDevice(DeviceId id) {
        for (Task t : config.acs().taskQueue().all()) {
            if (t.deviceId().equals(id)) {
                config.acs().cancel(t.id());
            }
        }
        faultedTasks.removeDevice(id);
        config.provisioning().delete(id);
        config.acs().devices().delete(id);
        LOG.info("NBI: deleted device {}", id);
    }

    private void tag(Request r, DeviceId id, String tag) {
        existing(id);
        if (tag.isBlank() || tag.length() > 128) {
            throw HttpError.badRequest("a tag is 1 to 128 characters, not blank");
        }
        boolean add = r.method.equals("POST");
        config.acs().devices().update(id, record -> record.map(d -> add ? d.withTag(tag) : d.withoutTag(tag)));
        LOG.info("NBI: {} tag '{}' on device {}", add ? "added" : "removed", tag, id);
        sendEmpty(r.exchange, 200);
    }

    private void postTask(Request r, DeviceId id) throws IOException {
        existing(id);
        boolean connectionRequest = r.parameters.containsKey("connection_request");
        Duration timeout = timeout(r.parameters.get("timeout"));
        String body = r.body();
        if (body.isBlank()) {
            if (!connectionRequest) {
                throw HttpError.badRequest("a task (JSON) or ?connection_request is needed");
            }
            ConnectionRequestResult result = await(config.acs().connectionRequest(id).toCompletableFuture(), timeout)
                    .orElse(new ConnectionRequestResult.TimedOut());
            if (result instanceof ConnectionRequestResult.Accepted) {
                sendEmpty(r.exchange, 200);
            } else {
                throw new HttpError(504, "connection request failed: " + describe(result));
            }
            return;
        }
        JsonNode taskJson = Json.parse(body, "the task");
        ParameterTree tree = config.acs().devices().parameters(id).orElseGet(ParameterTree::new);
        TaskAction action = TaskDocuments.action(taskJson, tree, this::fileMetadata, config.fileServerUrl());
        Optional<VirtualParameterTasks.Split> split = virtualParameterTasks.split(action);
        if (split.isPresent()) {
            // Computed here, never asked of the CPE; merged into the stored tree before the CPE's
            // part is queued, so the session that runs it starts from (and saves) the merged tree.
            Instant now = config.acs().clock().instant();
            if (config.acs().inSession(id)) {
                LOG.info("NBI: device {} is in a session: its end saves the tree it read, without the virtual "
                        + "parameters computed now", id);
            }
            try {
                virtualParameterTasks.compute(config.acs().devices(), existing(id), split.get().virtualNames(), now);
            } catch (ProvisioningException e) {
                LOG.info("NBI: {} task of device {}: a virtual parameter failed: {}", action.name(), id, e.getMessage());
                ObjectNode faulted = TaskDocuments.document(new Task(newTaskId(), id, action, now,
                        now.plus(config.taskLifetime())));
                ObjectNode fault = Json.object();
                fault.put("code", "script.virtual_parameter");
                fault.put("message", e.getMessage());
                faulted.set("fault", fault);
                sendJson(r.exchange, 202, faulted, Map.of(TASK_STATUS_HEADER, FAULTED));
                return;
            }
            if (split.get().forCpe().isEmpty()) {
                Task done = new Task(newTaskId(), id, action, now, now.plus(config.taskLifetime()));
                LOG.info("NBI: {} task {} of device {} answered on the ACS (virtual parameters only)", action.name(),
                        done.id(), id);
                sendJson(r.exchange, 200, TaskDocuments.document(done), Map.of());
                return;
            }
        }
        TaskAction toCpe = split.flatMap(VirtualParameterTasks.Split::forCpe).orElse(action);
        TaskOptions options = TaskOptions.DEFAULT.withLifetime(config.taskLifetime());
        if (connectionRequest) {
            options = options.withConnectionRequest();
        }
        Instant deadline = Instant.now().plus(timeout);
        TaskHandle handle = config.acs().submit(id, toCpe, options);
        Task task = handle.task();
        LOG.info("NBI: queued {} task {} for device {}{}", action.name(), task.id(), id,
                connectionRequest ? " with a connection request" : "");
        CompletableFuture<TaskOutcome> outcome = handle.outcome().toCompletableFuture();
        outcome.thenAccept(o -> {
            if (o instanceof TaskOutcome.Faulted f) {
                LOG.info("NBI: task {} of device {} faulted: {} {}", task.id(), id, f.fault().faultCode(),
                        f.fault().faultString());
                if (!faultedTasks.add(new FaultedTasks.Faulted(task, f.fault(), config.acs().clock().instant(), 0))) {
                    LOG.warn("NBI: {} faulted tasks kept already; the fault of task {} is not kept", FaultedTasks.MAX,
                            task.id());
                }
            }
        });
        // The task as posted (virtual parameters included), under the id of what was queued.
        ObjectNode doc = TaskDocuments.document(split.isEmpty() ? task
                : new Task(task.id(), task.deviceId(), action, task.createdAt(), task.expiresAt()));
        if (!connectionRequest) {
            sendJson(r.exchange, 202, doc, Map.of());
            return;
        }
        ConnectionRequestResult cr = await(handle.connectionRequest().orElseThrow().toCompletableFuture(),
                remaining(deadline)).orElse(new ConnectionRequestResult.TimedOut());
        if (!(cr instanceof ConnectionRequestResult.Accepted)) {
            sendJson(r.exchange, 202, doc, Map.of(TASK_STATUS_HEADER, describe(cr)));
            return;
        }
        Optional<TaskOutcome> done = await(outcome, remaining(deadline));
        if (done.isPresent() && done.get() instanceof TaskOutcome.Done) {
            sendJson(r.exchange, 200, doc, Map.of());
        } else if (done.isPresent() && done.get() instanceof TaskOutcome.Faulted f) {
            ObjectNode faulted = doc.deepCopy();
            faulted.set("fault", faultDocument(f.fault()));
            sendJson(r.exchange, 202, faulted, Map.of(TASK_STATUS_HEADER, FAULTED));
        } else {
            sendJson(r.exchange, 202, doc, Map.of(TASK_STATUS_HEADER, QUEUED));
        }
    }

    private static String newTaskId() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    private Duration timeout(String text) {
        if (text == null || text.isBlank()) {
            return config.defaultTaskTimeout();
        }
        try {
            long ms = Long.parseLong(text.strip());
            if (ms < 0) {
                throw HttpError.badRequest("timeout must not be negative: " + text);
            }
            Duration d = Duration.ofMillis(ms);
            return d.compareTo(config.maxTaskTimeout()) > 0 ? config.maxTaskTimeout() : d;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("timeout must be milliseconds: " + text);
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration d = Duration.between(Instant.now(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static <T> Optional<T> await(CompletableFuture<T> future, Duration timeout) {
        try {
            return Optional.of(future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warn("NBI: waiting for a task or connection request failed", e.getCause());
            return Optional.empty();
        }
    }

    private static String describe(ConnectionRequestResult result) {
        if (result instanceof ConnectionRequestResult.Accepted a) {
            return "accepted (" + a.status() + ")";
        }
        if (result instanceof ConnectionRequestResult.AuthenticationFailed a) {
            return "Connection request authentication failed: " + a.reason();
        }
        if (result instanceof ConnectionRequestResult.Refused f) {
            return "Connection request refused: HTTP " + f.status();
        }
        if (result instanceof ConnectionRequestResult.Unreachable u) {
            return "Device is offline: " + u.reason();
        }
        return "Device is offline: the connection request timed out";
    }

    private static ObjectNode faultDocument(CwmpFault fault) {
        ObjectNode f = Json.object();
        f.put("code", "cwmp." + fault.faultCode());
        f.put("message", fault.faultString());
        return f;
    }

    private void tasks(Request r) {
        if (r.size() == 1) {
            allow(r, "GET", "HEAD");
            CollectionQuery q = CollectionQuery.parse(r.parameters, p -> p);
            List<JsonNode> docs = new ArrayList<>();
            for (Task t : config.acs().taskQueue().all()) {
                docs.add(TaskDocuments.document(t));
            }
            for (FaultedTasks.Faulted f : faultedTasks.all()) {
                ObjectNode doc = TaskDocuments.document(f.task());
                doc.set("fault", faultDocument(f.fault()));
                doc.put("retries", f.retries());
                docs.add(doc);
            }
            sendPage(r, q.apply(docs));
            return;
        }
        String taskId = r.segment(1);
        if (r.size() == 2) {
            allow(r, "DELETE");
            Optional<Task> queued = config.acs().taskQueue().get(taskId);
            Optional<FaultedTasks.Faulted> faulted = faultedTasks.remove(taskId);
            if (queued.isEmpty() && faulted.isEmpty()) {
                throw HttpError.notFound("no such task: " + taskId);
            }
            queued.ifPresent(t -> config.acs().cancel(t.id()));
            Task t = queued.orElseGet(() -> faulted.get().task());
            config.provisioning().clearFault(t.deviceId(), "task_" + t.id());
            LOG.info("NBI: deleted task {} of device {}", t.id(), t.deviceId());
            sendEmpty(r.exchange, 200);
            return;
        }
        if (r.size() == 3 && r.segment(2).equals("retry")) {
            allow(r, "POST");
            Optional<FaultedTasks.Faulted> faulted = faultedTasks.get(taskId);
            if (faulted.isPresent()) {
                Task old = faulted.get().task();
                TaskHandle handle = config.acs().submit(old.deviceId(), old.action(),
                        TaskOptions.DEFAULT.withLifetime(config.taskLifetime()));
                faultedTasks.remove(taskId);
                config.provisioning().clearFault(old.deviceId(), "task_" + old.id());
                LOG.info("NBI: retrying task {} of device {} as task {}", old.id(), old.deviceId(), handle.task().id());
                sendJson(r.exchange, 200, TaskDocuments.document(handle.task()), Map.of());
                return;
            }
            if (config.acs().taskQueue().get(taskId).isPresent()) {
                sendEmpty(r.exchange, 200);
                return;
            }
            throw HttpError.notFound("no such task: " + taskId);
        }
        throw HttpError.notFound("no such resource: " + r.exchange.getRequestURI().getRawPath());
    }

    // ---------------------------------------------------------------------------------------------
    // Presets, scripts, faults

    private void presets(Request r) throws IOException {
        if (r.size() == 1) {
            allow(r, "GET", "HEAD");
            CollectionQuery q = CollectionQuery.parse(r.parameters, p -> p);
            List<JsonNode> docs = new ArrayList<>();
            for (Preset p : config.presets().all()) {
                docs.add(Json.parse(PresetJson.write(p), "preset"));
            }
            sendPage(r, q.apply(docs));
            return;
        }
        onlyLength(r, 2);
        allow(r, "GET", "PUT", "DELETE");
        String name = r.segment(1);
        switch (r.method) {
            case "GET" -> {
                Preset p = config.presets().get(name).orElseThrow(() -> HttpError.notFound("no such preset: " + name));
                sendJson(r.exchange, 200, Json.parse(PresetJson.write(p), "preset"), Map.of());
            }
            case "PUT" -> {
                JsonNode json = Json.parse(r.body(), "the preset");
                if (!json.isObject()) {
                    throw HttpError.badRequest("a preset is a JSON object");
                }
                ObjectNode named = ((ObjectNode) json).deepCopy();
                named.put("_id", name);
                Preset preset;
                try {
                    preset = PresetJson.read(Json.write(named));
                } catch (ProvisioningException | IllegalArgumentException e) {
                    throw HttpError.badRequest("bad preset: " + e.getMessage());
                }
                config.presets().put(preset);
                LOG.info("NBI: stored preset '{}'", name);
                sendEmpty(r.exchange, 200);
            }
            default -> {
                if (!config.presets().delete(name)) {
                    throw HttpError.notFound("no such preset: " + name);
                }
                LOG.info("NBI: deleted preset '{}'", name);
                sendEmpty(r.exchange, 200);
            }
        }
    }

    private void scripts(Request r, ScriptCatalog catalog, String what) throws IOException {
        if (r.size() == 1) {
            allow(r, "GET", "HEAD");
            CollectionQuery q = CollectionQuery.parse(r.parameters, p -> p);
            List<JsonNode> docs = new ArrayList<>();
            for (String name : catalog.names()) {
                catalog.get(name).ifPresent(source -> {
                    ObjectNode doc = Json.object();
                    doc.put("_id", name);
                    doc.put("script", source);
                    docs.add(doc);
                });
            }
            sendPage(r, q.apply(docs));
            return;
        }
        onlyLength(r, 2);
        allow(r, "GET", "PUT", "DELETE");
        String name = r.segment(1);
        switch (r.method) {
            case "GET" -> {
                String source = catalog.get(name).orElseThrow(() -> HttpError.notFound("no such " + what + ": " + name));
                send(r.exchange, 200, "application/javascript; charset=utf-8", source.getBytes(StandardCharsets.UTF_8),
                        Map.of());
            }
            case "PUT" -> {
                String source = r.body();
                try {
                    catalog.put(name, source);
                } catch (ScriptRejectedException e) {
                    throw HttpError.badRequest("bad " + what + " script: " + e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw HttpError.badRequest("bad " + what + ": " + e.getMessage());
                }
                LOG.info("NBI: stored {} '{}'", what, name);
                sendEmpty(r.exchange, 200);
            }
            default -> {
                if (!catalog.delete(name)) {
                    throw HttpError.notFound("no such " + what + ": " + name);
                }
                LOG.info("NBI: deleted {} '{}'", what, name);
                sendEmpty(r.exchange, 200);
            }
        }
    }

    private void objects(Request r) throws IOException {
        ObjectCatalog objects = config.objects();
        if (r.size() == 1) {
            allow(r, "GET", "HEAD");
            CollectionQuery q = CollectionQuery.parse(r.parameters, p -> p);
            List<JsonNode> docs = new ArrayList<>();
            for (PresetObject o : objects.all()) {
                docs.add(ObjectDocuments.document(o));
            }
            sendPage(r, q.apply(docs));
            return;
        }
        onlyLength(r, 2);
        allow(r, "GET", "PUT", "DELETE");
        String name = r.segment(1);
        if (name.isEmpty() || name.length() > 256) {
            throw HttpError.badRequest("an object's id is 1 to 256 characters");
        }
        switch (r.method) {
            case "GET" -> {
                PresetObject o = objects.get(name).orElseThrow(() -> HttpError.notFound("no such object: " + name));
                sendJson(r.exchange, 200, ObjectDocuments.document(o), Map.of());
            }
            case "PUT" -> {
                PresetObject object = ObjectDocuments.read(name, Json.parse(r.body(), "the object"));
                try {
                    objects.put(object);
                } catch (IllegalArgumentException e) {
                    throw HttpError.badRequest("bad object: " + e.getMessage());
                }
                LOG.info("NBI: stored object '{}'", name);
                sendEmpty(r.exchange, 200);
            }
            default -> {
                if (!objects.delete(name)) {
                    throw HttpError.notFound("no such object: " + name);
                }
                LOG.info("NBI: deleted object '{}'", name);
                sendEmpty(r.exchange, 200);
            }
        }
    }

    /** GenieACS's ping: 200 with ping's output when the host answers, 404 when it does not. */
    private void ping(Request r) {
        String host = r.segment(1);
        Ping.Result result = ping.ping(host);
        if (!result.answered()) {
            throw HttpError.notFound(host + " does not answer: " + lastLine(result.output()));
        }
        send(r.exchange, 200, "text/plain; charset=utf-8", result.output().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String lastLine(String text) {
        String t = text.strip();
        int nl = t.lastIndexOf('\n');
        String line = nl < 0 ? t : t.substring(nl + 1);
        return line.isEmpty() ? "no reply" : line;
    }

    private void faults(Request r) {
        if (r.size() == 1) {
            allow(r, "GET", "HEAD");
            CollectionQuery q = CollectionQuery.parse(r.parameters, p -> p);
            Map<String, JsonNode> docs = new LinkedHashMap<>();
            for (ProvisioningFault f : config.provisioning().faults()) {
                ObjectNode doc = Json.object();
                doc.put("_id", f.id());
                doc.put("device", f.deviceId().toString());
                doc.put("channel", f.channel());
                doc.put("code", f.code());
                doc.put("message", f.message());
                doc.putNull("detail");
                doc.put("timestamp", Json.date(f.timestamp()));
                doc.put("retries", f.retries());
                doc.put("retryAfter", Json.date(f.retryAfter()));
                docs.put(f.id(), doc);
            }
            for (FaultedTasks.Faulted f : faultedTasks.all()) {
                ObjectNode doc = Json.object();
                doc.put("_id", f.faultId());
                doc.put("device", f.task().deviceId().toString());
                doc.put("channel", "task_" + f.task().id());
                doc.put("code", "cwmp." + f.fault().faultCode());
                doc.put("message", f.fault().faultString());
                doc.putNull("detail");
                doc.put("timestamp", Json.date(f.at()));
                doc.put("retries", f.retries());
                docs.putIfAbsent(f.faultId(), doc);
            }
            sendPage(r, q.apply(docs.values()));
            return;
        }
        onlyLength(r, 2);
        allow(r, "DELETE");
        String faultId = r.segment(1);
        for (String candidate : List.of(faultId, r.rawSegments.get(1))) {
            int colon = candidate.indexOf(':');
            if (colon <= 0 || colon == candidate.length() - 1) {
                continue;
            }
            Optional<DeviceId> id = DeviceId.parse(candidate.substring(0, colon));
            if (id.isEmpty()) {
                continue;
            }
            String channel = candidate.substring(colon + 1);
            boolean cleared = config.provisioning().clearFault(id.get(), channel);
            if (channel.startsWith("task_")) {
                String taskId = channel.substring(5);
                Optional<FaultedTasks.Faulted> task = faultedTasks.get(taskId)
                        .filter(f -> f.task().deviceId().equals(id.get()));
                if (task.isPresent()) {
                    faultedTasks.remove(taskId);
                    cleared = true;
                }
            }
            if (cleared) {
                LOG.info("NBI: cleared fault {} of device {}", channel, id.get());
                sendEmpty(r.exchange, 200);
                return;
            }
        }
        if (faultId.indexOf(':') <= 0) {
            throw HttpError.badRequest("a fault id is <deviceId>:<channel>: " + faultId);
        }
        throw HttpError.notFound("no such fault: " + faultId);
    }

    // ---------------------------------------------------------------------------------------------
    // Files

    private void files(Request r) throws IOException {
        FileStore files = config.files();
        if (r.size() == 1) {
            allow(r, "GET", "HEAD");
            CollectionQuery q = CollectionQuery.parse(r.parameters, p -> p);
            List<JsonNode> docs = new ArrayList<>();
            for (FileMetadata m : files.list()) {
                docs.add(fileDocument(m));
            }
            sendPage(r, q.apply(docs));
            return;
        }
        onlyLength(r, 2);
        allow(r, "GET", "HEAD", "PUT", "DELETE");
        String name = r.segment(1);
        try {
            FileStore.checkName(name);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("bad file name: " + e.getMessage());
        }
        switch (r.method) {
            case "GET", "HEAD" -> {
                Optional<StoredFile> opened = files.openFile(name);
                if (opened.isEmpty()) {
                    throw HttpError.notFound("no such file: " + name);
                }
                try (StoredFile file = opened.get()) {
                    FileMetadata m = file.metadata();
                    var headers = r.exchange.getResponseHeaders();
                    headers.set("Content-Type", "application/octet-stream");
                    headers.set("ETag", "\"" + m.sha256() + "\"");
                    putIfNotEmpty(headers, "fileType", m.fileType());
                    putIfNotEmpty(headers, "oui", m.oui());
                    putIfNotEmpty(headers, "productClass", m.productClass());
                    putIfNotEmpty(headers, "version", m.version());
                    if (r.method.equals("HEAD")) {
                        headers.set("Content-Length", Long.toString(m.length()));
                        r.exchange.sendResponseHeaders(200, -1);
                        return;
                    }
                    r.exchange.sendResponseHeaders(200, m.length() == 0 ? -1 : m.length());
                    try (OutputStream out = r.exchange.getResponseBody()) {
                        file.content().transferTo(out);
                    }
                }
            }
            case "PUT" -> putFile(r, name);
            default -> {
                if (!files.delete(name)) {
                    throw HttpError.notFound("no such file: " + name);
                }
                LOG.info("NBI: deleted file '{}'", name);
                sendEmpty(r.exchange, 200);
            }
        }
    }

    private static void putIfNotEmpty(com.sun.net.httpserver.Headers headers, String name, String value) {
        if (!value.isEmpty()) {
            headers.set(name, value);
        }
    }

    private void putFile(Request r, String name) throws IOException {
        long max = config.maxFileBytes();
        String length = r.exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > max) {
                    throw new HttpError(413, "file '" + name + "' is larger than " + max + " bytes",
                            Map.of("Connection", "close"));
                }
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("bad Content-Length: " + length);
            }
        }
        var h = r.exchange.getRequestHeaders();
        FileInfo info = new FileInfo(header(h, "fileType"), header(h, "oui"), header(h, "productClass"),
                header(h, "version"));
        FileMetadata stored;
        try (InputStream in = r.exchange.getRequestBody()) {
            stored = config.files().put(name, info, in, max);
        } catch (FileTooLargeException e) {
            throw new HttpError(413, "file '" + name + "' is larger than " + max + " bytes", Map.of("Connection", "close"));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("bad file: " + e.getMessage());
        }
        LOG.info("NBI: stored file '{}' ({} bytes, {})", name, stored.length(), stored.fileType());
        sendEmpty(r.exchange, 201);
    }

    private static String header(com.sun.net.httpserver.Headers headers, String name) {
        String v = headers.getFirst(name);
        return v == null ? "" : v.strip();
    }

    private static ObjectNode fileDocument(FileMetadata m) {
        ObjectNode doc = Json.object();
        doc.put("_id", m.name());
        doc.put("filename", m.name());
        doc.put("length", m.length());
        doc.put("uploadDate", Json.date(m.uploaded()));
        doc.put("sha256", m.sha256());
        ObjectNode meta = doc.putObject("metadata");
        meta.put("fileType", m.fileType());
        meta.put("oui", m.oui());
        meta.put("productClass", m.productClass());
        meta.put("version", m.version());
        return doc;
    }

    private Optional<FileMetadata> fileMetadata(String name) {
        try {
            return config.files().metadata(name);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("bad file name: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Status

    private void status(Request r) {
        StatusSummary summary = config.provisioning().summary();
        int skip = intParameter(r.parameters.get("skip"), "skip", 0, Integer.MAX_VALUE).orElse(0);
        int limit = intParameter(r.parameters.get("limit"), "limit", 0, MAX_STATUS_LIMIT).orElse(100);
        String state = r.parameters.getOrDefault("state", "").strip().toUpperCase(Locale.ROOT);
        List<DeviceProvisioning> devices = new ArrayList<>();
        switch (state) {
            case "" -> {
                long pending = summary.pending();
                if (skip < pending) {
                    devices.addAll(config.provisioning().withState(ConfigurationStatus.State.PENDING, skip, limit));
                }
                int remaining = limit - devices.size();
                if (remaining > 0) {
                    int faultedSkip = (int) Math.max(0, skip - pending);
                    devices.addAll(config.provisioning().withState(ConfigurationStatus.State.FAULTED, faultedSkip,
                            remaining));
                }
            }
            case "PENDING", "FAULTED", "CONFIGURED" -> devices.addAll(
                    config.provisioning().withState(ConfigurationStatus.State.valueOf(state), skip, limit));
            default -> throw HttpError.badRequest("state is pending, faulted or configured: " + state);
        }
        ObjectNode doc = Json.object();
        doc.put("configured", summary.configured());
        doc.put("pending", summary.pending());
        doc.put("faulted", summary.faulted());
        doc.put("total", summary.total());
        ArrayNode list = doc.putArray("devices");
        for (DeviceProvisioning d : devices) {
            ObjectNode item = list.addObject();
            item.put("_id", d.deviceId().toString());
            item.put("state", d.status().state().name());
            d.status().pendingPresets().forEach(item.putArray("pendingPresets")::add);
            d.status().reason().ifPresent(reason -> item.put("reason", reason));
            item.put("updated", Json.date(d.status().updated()));
        }
        sendJson(r.exchange, 200, doc, Map.of());
    }

    private static Optional<Integer> intParameter(String text, String name, int min, int max) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min) {
                throw HttpError.badRequest(name + " must be at least " + min + ": " + text);
            }
            return Optional.of(Math.min(v, max));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a whole number: " + text);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Responses

    private static byte[] readBody(HttpExchange exchange, int max) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("bad Content-Length: " + length);
            }
            if (declared > max) {
                throw new HttpError(413, "the body is larger than " + max + " bytes", Map.of("Connection", "close"));
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > max) {
                    throw new HttpError(413, "the body is larger than " + max + " bytes", Map.of("Connection", "close"));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static void sendPage(Request r, CollectionQuery.Page page) {
        ArrayNode array = Json.array();
        page.documents().forEach(array::add);
        sendJson(r.exchange, 200, array, Map.of("total", Long.toString(page.total())));
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers) {
        send(exchange, status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void sendEmpty(HttpExchange exchange, int status) {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            LOG.debug("NBI: the client went away", e);
        }
    }

    private static void sendError(HttpExchange exchange, HttpError error) {
        ObjectNode body = Json.object();
        body.put("error", error.getMessage());
        body.put("status", error.status());
        send(exchange, error.status(), "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8),
                error.headers());
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
            Map<String, String> headers) {
        try {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            LOG.debug("NBI: the client went away", e);
        }
    }
}
