package dev.cwmp.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.Upload;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskAction;
import dev.cwmp.store.jdbc.JdbcStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Our own JSON encoding of device records and tasks (written and read by hand, so that nothing
 * depends on reflection into other modules): instants as ISO-8601 text, to the nanosecond
 * ({@link IsoInstants}: the text of {@link Instant#toString()}).
 */
public final class JsonCodec {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {
    }

    // ---------------------------------------------------------------------------------------------
    // Device records

    public static String record(DeviceRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("manufacturer", r.manufacturer());
        o.put("registered", IsoInstants.format(r.registered()));
        o.put("lastInform", IsoInstants.format(r.lastInform()));
        r.lastBoot().ifPresent(t -> o.put("lastBoot", IsoInstants.format(t)));
        r.lastBootstrap().ifPresent(t -> o.put("lastBootstrap", IsoInstants.format(t)));
        ArrayNode events = o.putArray("events");
        for (DeviceEvent e : r.recentEvents()) {
            events.addArray().add(IsoInstants.format(e.receivedAt())).add(e.eventCode()).add(e.commandKey());
        }
        ArrayNode tags = o.putArray("tags");
        r.tags().forEach(tags::add);
        return write(o);
    }

    public static DeviceRecord record(DeviceId id, String json) {
        JsonNode o = read(json);
        List<DeviceEvent> events = new ArrayList<>();
        for (JsonNode e : o.path("events")) {
            events.add(new DeviceEvent(IsoInstants.parse(e.get(0).asText()), e.get(1).asText(), e.get(2).asText()));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode t : o.path("tags")) {
            tags.add(t.asText());
        }
        return DeviceRecord.restore(id, o.get("manufacturer").asText(), IsoInstants.parse(o.get("registered").asText()),
                IsoInstants.parse(o.get("lastInform").asText()), instant(o, "lastBoot"), instant(o, "lastBootstrap"),
                events, tags);
    }

    // ---------------------------------------------------------------------------------------------
    // Tasks

    public static String task(Task t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", t.id());
        o.put("device", t.deviceId().toString());
        o.put("createdAt", IsoInstants.format(t.createdAt()));
        o.put("expiresAt", IsoInstants.format(t.expiresAt()));
        o.put("action", t.action().name());
        ObjectNode a = o.putObject("args");
        TaskAction action = t.action();
        if (action instanceof TaskAction.GetParameterValues g) {
            ArrayNode names = a.putArray("parameterNames");
            g.parameterNames().forEach(names::add);
        } else if (action instanceof TaskAction.SetParameterValues s) {
            ArrayNode values = a.putArray("values");
            for (ParameterValueStruct v : s.values()) {
                values.addArray().add(v.name()).add(v.value()).add(v.type().name());
            }
            a.put("parameterKey", s.parameterKey());
        } else if (action instanceof TaskAction.RefreshObject r) {
            a.put("path", r.path());
        } else if (action instanceof TaskAction.AddObject ad) {
            a.put("objectPath", ad.objectPath()).put("parameterKey", ad.parameterKey());
        } else if (action instanceof TaskAction.DeleteObject d) {
            a.put("objectPath", d.objectPath()).put("parameterKey", d.parameterKey());
        } else if (action instanceof TaskAction.Reboot r) {
            a.put("commandKey", r.commandKey());
        } else if (action instanceof TaskAction.DownloadFile d) {
            Download x = d.download();
            a.put("commandKey", x.commandKey()).put("fileType", x.fileType()).put("url", x.url())
                    .put("username", x.username()).put("password", x.password()).put("fileSize", x.fileSize())
                    .put("targetFileName", x.targetFileName()).put("delaySeconds", x.delaySeconds())
                    .put("successUrl", x.successUrl()).put("failureUrl", x.failureUrl());
        } else if (action instanceof TaskAction.UploadFile u) {
            Upload x = u.upload();
            a.put("commandKey", x.commandKey()).put("fileType", x.fileType()).put("url", x.url())
                    .put("username", x.username()).put("password", x.password())
                    .put("delaySeconds", x.delaySeconds());
        } else if (action instanceof TaskAction.ScheduleInform s) {
            a.put("delaySeconds", s.delaySeconds()).put("commandKey", s.commandKey());
        }
        // FactoryReset has no arguments.
        return write(o);
    }

    public static Task task(DeviceId deviceId, String json) {
        JsonNode o = read(json);
        return new Task(o.get("id").asText(), deviceId, action(o.get("action").asText(), o.path("args")),
                IsoInstants.parse(o.get("createdAt").asText()), IsoInstants.parse(o.get("expiresAt").asText()));
    }

    private static TaskAction action(String name, JsonNode a) {
        return switch (name) {
            case "getParameterValues" -> {
                List<String> names = new ArrayList<>();
                a.path("parameterNames").forEach(n -> names.add(n.asText()));
                yield new TaskAction.GetParameterValues(names);
            }
            case "setParameterValues" -> {
                List<ParameterValueStruct> values = new ArrayList<>();
                for (JsonNode v : a.path("values")) {
                    values.add(new ParameterValueStruct(v.get(0).asText(), v.get(1).asText(),
                            XsdType.valueOf(v.get(2).asText())));
                }
                yield new TaskAction.SetParameterValues(values, a.get("parameterKey").asText());
            }
            case "refreshObject" -> new TaskAction.RefreshObject(a.get("path").asText());
            case "addObject" -> new TaskAction.AddObject(a.get("objectPath").asText(), a.get("parameterKey").asText());
            case "deleteObject" -> new TaskAction.DeleteObject(a.get("objectPath").asText(),
                    a.get("parameterKey").asText());
            case "reboot" -> new TaskAction.Reboot(a.get("commandKey").asText());
            case "factoryReset" -> new TaskAction.FactoryReset();
            case "download" -> new TaskAction.DownloadFile(new Download(a.get("commandKey").asText(),
                    a.get("fileType").asText(), a.get("url").asText(), a.get("username").asText(),
                    a.get("password").asText(), a.get("fileSize").asLong(), a.get("targetFileName").asText(),
                    a.get("delaySeconds").asLong(), a.get("successUrl").asText(), a.get("failureUrl").asText()));
            case "upload" -> new TaskAction.UploadFile(new Upload(a.get("commandKey").asText(),
                    a.get("fileType").asText(), a.get("url").asText(), a.get("username").asText(),
                    a.get("password").asText(), a.get("delaySeconds").asLong()));
            case "scheduleInform" -> new TaskAction.ScheduleInform(a.get("delaySeconds").asLong(),
                    a.get("commandKey").asText());
            default -> throw new JdbcStoreException("unknown task action in the store: " + name);
        };
    }

    // ---------------------------------------------------------------------------------------------

    static Optional<Instant> instant(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(IsoInstants.parse(n.asText()));
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("cannot encode JSON", e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("corrupt JSON in the store: " + e.getOriginalMessage(), e);
        }
    }
}
