package dev.cwmp.nbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Devices as GenieACS's NBI shows them: {@code _id}, {@code _deviceId}, {@code _registered},
 * {@code _lastInform}, {@code _lastBoot}, {@code _lastBootstrap}, {@code _tags}, GenieACS's
 * {@code DeviceID} parameters ({@code ID}, {@code Manufacturer}, {@code OUI}, {@code ProductClass}
 * when the device sent one, {@code SerialNumber}; read-only strings from the record), and the parameter
 * tree as nested objects whose nodes carry {@code _object}, {@code _writable}, {@code _timestamp}
 * and, for parameters, {@code _value} (typed: booleans, numbers, dates as GenieACS stores them) and
 * {@code _type}.
 */
public final class DeviceDocuments {

    private DeviceDocuments() {}

    /** A query or sort field as GenieACS expands it: a parameter ({@code X}) means {@code X._value}. */
    public static String expandPath(String field) {
        int dot = field.lastIndexOf('.');
        String last = field.substring(dot + 1);
        return last.startsWith("_") ? field : field + "._value";
    }

    /** Whether a (expanded) path reads the parameter tree rather than the record's fields. */
    public static boolean readsParameters(String path) {
        return !path.startsWith("_") && !path.equals("DeviceID") && !path.startsWith("DeviceID.");
    }

    /** The document of a device; {@code parameters} empty leaves the tree out. */
    public static ObjectNode document(DeviceRecord record, Optional<ParameterTree> parameters) {
        ObjectNode doc = Json.object();
        doc.put("_id", record.id().toString());
        ObjectNode deviceId = doc.putObject("_deviceId");
        deviceId.put("_Manufacturer", record.manufacturer());
        deviceId.put("_OUI", record.id().oui());
        deviceId.put("_ProductClass", record.id().productClass());
        deviceId.put("_SerialNumber", record.id().serialNumber());
        doc.put("_registered", Json.date(record.registered()));
        doc.put("_lastInform", Json.date(record.lastInform()));
        record.lastBoot().ifPresent(t -> doc.put("_lastBoot", Json.date(t)));
        record.lastBootstrap().ifPresent(t -> doc.put("_lastBootstrap", Json.date(t)));
        if (!record.tags().isEmpty()) {
            record.tags().forEach(doc.putArray("_tags")::add);
        }
        addDeviceId(doc, record);
        parameters.ifPresent(tree -> addTree(doc, tree));
        return doc;
    }

    /** GenieACS's {@code DeviceID.*}: what the Inform's DeviceId said, as read-only string parameters. */
    private static void addDeviceId(ObjectNode doc, DeviceRecord record) {
        ObjectNode deviceId = doc.putObject("DeviceID");
        String at = Json.date(record.lastInform());
        deviceId.put("_object", true);
        deviceId.put("_writable", false);
        deviceId.put("_timestamp", at);
        deviceIdParameter(deviceId, "ID", record.id().toString(), at);
        deviceIdParameter(deviceId, "Manufacturer", record.manufacturer(), at);
        deviceIdParameter(deviceId, "OUI", record.id().oui(), at);
        if (!record.id().productClass().isEmpty()) {
            deviceIdParameter(deviceId, "ProductClass", record.id().productClass(), at);
        }
        deviceIdParameter(deviceId, "SerialNumber", record.id().serialNumber(), at);
    }

    private static void deviceIdParameter(ObjectNode deviceId, String name, String value, String at) {
        ObjectNode node = deviceId.putObject(name);
        node.put("_object", false);
        node.put("_writable", false);
        node.put("_timestamp", at);
        node.put("_value", value);
        node.put("_type", "xsd:string");
    }

    private static void addTree(ObjectNode doc, ParameterTree tree) {
        for (ParameterTree.Entry e : tree.entries()) {
            String path = e.path().toString();
            if (path.endsWith(".")) {
                path = path.substring(0, path.length() - 1);
            }
            ObjectNode walk = doc;
            for (String segment : path.split("\\.")) {
                JsonNode child = walk.get(segment);
                if (!(child instanceof ObjectNode)) {
                    child = walk.putObject(segment);
                }
                walk = (ObjectNode) child;
            }
            ObjectNode node = walk;
            node.put("_object", e.object());
            e.writable().ifPresent(w -> node.put("_writable", w));
            if (e.object()) {
                e.namesReadAt().ifPresent(t -> node.put("_timestamp", Json.date(t)));
            } else {
                Optional<Instant> at = e.valueReadAt().or(e::namesReadAt);
                at.ifPresent(t -> node.put("_timestamp", Json.date(t)));
                if (e.value().isPresent()) {
                    String type = e.type().orElse("xsd:string");
                    putValue(node, e.value().get(), type);
                    node.put("_type", type);
                }
            }
            e.notification().ifPresent(n -> node.put("_notification", n));
            e.accessList().ifPresent(list -> accessList(node, list));
        }
    }

    private static void accessList(ObjectNode node, List<String> list) {
        list.forEach(node.putArray("_accessList")::add);
    }

    /** A value typed as GenieACS stores it: booleans and numbers as JSON, dates as its date strings. */
    static void putValue(ObjectNode node, String value, String type) {
        String local = type.substring(type.indexOf(':') + 1);
        switch (local) {
            case "boolean" -> {
                if (value.equals("true") || value.equals("1")) {
                    node.put("_value", true);
                    return;
                }
                if (value.equals("false") || value.equals("0")) {
                    node.put("_value", false);
                    return;
                }
            }
            case "int", "unsignedInt", "long", "unsignedLong" -> {
                try {
                    node.put("_value", new BigDecimal(value.strip()).toBigIntegerExact());
                    return;
                } catch (NumberFormatException | ArithmeticException e) {
                    // not a number after all: kept as text below
                }
            }
            case "dateTime" -> {
                Optional<Instant> t = Json.parseDate(value);
                if (t.isPresent()) {
                    node.put("_value", Json.date(t.get()));
                    return;
                }
            }
            default -> {
                // text
            }
        }
        node.put("_value", value);
    }
}
