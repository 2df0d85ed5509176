package dev.cwmp.nbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.provisioning.files.FileMetadata;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskAction;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** GenieACS task JSON to {@link TaskAction}s and back. */
public final class TaskDocuments {

    private TaskDocuments() {}

    /**
     * The action a task document asks for; a 400 naming what is wrong otherwise, a 404 for a download
     * of an unknown file.
     *
     * @param task the request body ({@code {"name": "getParameterValues", "parameterNames": [...]}})
     * @param tree the device's parameters (types of values to set, the root of a whole refresh)
     * @param files a file's metadata by name
     * @param fileServer the base URL CPEs download files from
     */
    public static TaskAction action(JsonNode task, ParameterTree tree, Function<String, Optional<FileMetadata>> files,
            Optional<URI> fileServer) {
        if (!task.isObject()) {
            throw HttpError.badRequest("a task is a JSON object");
        }
        String name = text(task, "name").orElseThrow(() -> HttpError.badRequest("the task has no \"name\""));
        try {
            return switch (name) {
                case "getParameterValues" -> new TaskAction.GetParameterValues(names(task));
                case "setParameterValues" -> new TaskAction.SetParameterValues(values(task, tree), "");
                case "refreshObject" -> new TaskAction.RefreshObject(refreshPath(task, tree));
                case "addObject" -> {
                    rejectField(task, "parameterValues", name);
                    yield new TaskAction.AddObject(objectPath(task), "");
                }
                case "deleteObject" -> new TaskAction.DeleteObject(objectPath(task), "");
                case "reboot" -> new TaskAction.Reboot("");
                case "factoryReset" -> new TaskAction.FactoryReset();
                case "download" -> download(task, files, fileServer);
                default -> throw HttpError.badRequest("unknown task name '" + name + "'");
            };
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("bad " + name + " task: " + e.getMessage());
        }
    }

    private static void rejectField(JsonNode task, String field, String name) {
        if (task.has(field)) {
            throw HttpError.badRequest(field + " on a " + name + " task is not supported");
        }
    }

    private static Optional<String> text(JsonNode task, String field) {
        JsonNode v = task.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw HttpError.badRequest("\"" + field + "\" must be a string");
        }
        return Optional.of(v.textValue());
    }

    private static List<String> names(JsonNode task) {
        JsonNode v = task.get("parameterNames");
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw HttpError.badRequest("getParameterValues needs \"parameterNames\": a non-empty array of strings");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isTextual()) {
                throw HttpError.badRequest("\"parameterNames\" holds strings only: " + n);
            }
            names.add(checkedPath(n.textValue()).toString());
        }
        return names;
    }

    private static ParameterPath checkedPath(String text) {
        try {
            return ParameterPath.parse(text);
        } catch (RuntimeException e) {
            throw HttpError.badRequest("bad parameter path '" + text + "': " + e.getMessage());
        }
    }

    private static List<ParameterValueStruct> values(JsonNode task, ParameterTree tree) {
        JsonNode v = task.get("parameterValues");
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw HttpError.badRequest("setParameterValues needs \"parameterValues\": [[name, value, type?], ...]");
        }
        List<ParameterValueStruct> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isArray() || item.size() < 2 || item.size() > 3 || !item.get(0).isTextual()) {
                throw HttpError.badRequest("each of \"parameterValues\" is [name, value] or [name, value, type]: " + item);
            }
            String name = item.get(0).textValue();
            ParameterPath path = checkedPath(name);
            JsonNode value = item.get(1);
            if (!value.isValueNode() || value.isNull()) {
                throw HttpError.badRequest("the value of " + name + " must be a string, number or boolean");
            }
            XsdType type;
            if (item.size() == 3) {
                if (!item.get(2).isTextual()) {
                    throw HttpError.badRequest("the type of " + name + " must be a string such as \"xsd:string\"");
                }
                type = XsdType.fromWireName(item.get(2).textValue());
            } else {
                Optional<String> known = path.isPartial() ? Optional.empty()
                        : tree.get(path).flatMap(ParameterTree.Entry::type);
                // As GenieACS: the type the device reported, else from the JSON value (true: boolean, 42: int).
                type = known.map(XsdType::fromWireName).orElseGet(() -> value.isBoolean() ? XsdType.BOOLEAN
                        : value.isIntegralNumber() ? XsdType.INT : XsdType.STRING);
            }
            out.add(new ParameterValueStruct(name, value.asText(), type));
        }
        return out;
    }

    private static String refreshPath(JsonNode task, ParameterTree tree) {
        String name = text(task, "objectName").orElse("");
        if (name.isEmpty()) {
            return tree.entries().stream().findFirst().map(e -> e.path().toString().split("\\.")[0] + ".")
                    .orElseThrow(() -> HttpError.badRequest("refreshObject of everything needs a device that has informed"));
        }
        checkedPath(name);
        return name;
    }

    private static String objectPath(JsonNode task) {
        String name = text(task, "objectName")
                .orElseThrow(() -> HttpError.badRequest("the task needs \"objectName\""));
        String path = name.endsWith(".") ? name : name + ".";
        checkedPath(path);
        return path;
    }

    private static TaskAction download(JsonNode task, Function<String, Optional<FileMetadata>> files,
            Optional<URI> fileServer) {
        String fileName = text(task, "fileName")
                .orElseThrow(() -> HttpError.badRequest("a download task needs \"fileName\""));
        FileMetadata file = files.apply(fileName)
                .orElseThrow(() -> HttpError.notFound("no such file '" + fileName + "'"));
        URI base = fileServer.orElseThrow(() -> HttpError.badRequest(
                "download tasks need the file server's URL (NbiServer.Builder.fileServerUrl)"));
        String fileType = text(task, "fileType").filter(s -> !s.isEmpty()).orElse(file.fileType());
        if (fileType.isEmpty()) {
            throw HttpError.badRequest("a download task needs \"fileType\" (the file has none)");
        }
        String url = fileUrl(base, fileName);
        String target = text(task, "targetFileName").orElse("");
        String commandKey = "nbi-" + UUID.randomUUID();
        return new TaskAction.DownloadFile(new Download(commandKey, fileType, url, "", "", file.length(), target, 0,
                "", ""));
    }

    /** The URL a CPE downloads a file from. */
    public static String fileUrl(URI base, String fileName) {
        String b = base.toString();
        return (b.endsWith("/") ? b : b + "/") + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A task as GenieACS's NBI shows it: {@code _id}, {@code name}, {@code device}, {@code timestamp} and the action's fields. */
    public static ObjectNode document(Task task) {
        ObjectNode doc = Json.object();
        doc.put("_id", task.id());
        doc.put("name", task.action().name());
        doc.put("device", task.deviceId().toString());
        doc.put("timestamp", Json.date(task.createdAt()));
        doc.put("expiry", Json.date(task.expiresAt()));
        TaskAction action = task.action();
        if (action instanceof TaskAction.GetParameterValues g) {
            g.parameterNames().forEach(doc.putArray("parameterNames")::add);
        } else if (action instanceof TaskAction.SetParameterValues s) {
            ArrayNode values = doc.putArray("parameterValues");
            for (ParameterValueStruct v : s.values()) {
                values.addArray().add(v.name()).add(v.value()).add(v.type().wireName());
            }
        } else if (action instanceof TaskAction.RefreshObject r) {
            doc.put("objectName", r.path());
        } else if (action instanceof TaskAction.AddObject a) {
            doc.put("objectName", trimDot(a.objectPath()));
        } else if (action instanceof TaskAction.DeleteObject d) {
            doc.put("objectName", trimDot(d.objectPath()));
        } else if (action instanceof TaskAction.DownloadFile d) {
            doc.put("fileType", d.download().fileType());
            String url = d.download().url();
            String last = url.substring(url.lastIndexOf('/') + 1);
            doc.put("fileName", java.net.URLDecoder.decode(last, StandardCharsets.UTF_8));
            doc.put("url", url);
            if (!d.download().targetFileName().isEmpty()) {
                doc.put("targetFileName", d.download().targetFileName());
            }
        }
        return doc;
    }

    private static String trimDot(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }
}
