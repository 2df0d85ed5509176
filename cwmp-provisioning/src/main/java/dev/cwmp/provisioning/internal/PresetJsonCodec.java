package dev.cwmp.provisioning.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwmp.provisioning.Configuration;
import dev.cwmp.provisioning.EventFilter;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Precondition;
import dev.cwmp.provisioning.PreconditionSyntaxException;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetFormatException;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.PresetSchedule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The implementation of {@link PresetJson}. */
public final class PresetJsonCodec {

    private static final Set<String> KNOWN = Set.of("_id", "channel", "weight", "schedule", "events", "precondition",
            "configurations");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(PresetJson.MAX_INPUT_LENGTH)
                            .maxNumberLength(64)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private PresetJsonCodec() {}

    // ---------------------------------------------------------------------------------------------
    // Reading

    public static Preset read(String json) {
        JsonNode node = parse(json);
        return preset(node, "");
    }

    public static List<Preset> readList(String json) {
        JsonNode node = parse(json);
        if (!node.isArray()) {
            throw new PresetFormatException("$", "expected a JSON array of presets, found " + kind(node));
        }
        List<Preset> presets = new ArrayList<>(node.size());
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Preset p = preset(node.get(i), "[" + i + "].");
            if (!names.add(p.name())) {
                throw new PresetFormatException("[" + i + "]._id", "preset '" + p.name() + "' appears twice");
            }
            presets.add(p);
        }
        return presets;
    }

    private static JsonNode parse(String json) {
        if (json.length() > PresetJson.MAX_INPUT_LENGTH) {
            throw new PresetFormatException("$", "the JSON text is longer than " + PresetJson.MAX_INPUT_LENGTH + " characters");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new PresetFormatException("$", "not well-formed JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Preset preset(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw new PresetFormatException(prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1),
                    "expected a preset object, found " + kind(node));
        }
        JsonNode id = node.get("_id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new PresetFormatException(prefix + "_id", "a preset needs its name as a non-empty string");
        }
        Preset.Builder b;
        try {
            b = Preset.builder(id.asText());
        } catch (PresetFormatException e) {
            throw new PresetFormatException(prefix + "_id", e.getMessage());
        }
        JsonNode channel = node.get("channel");
        if (channel != null && !channel.isNull()) {
            b.channel(text(channel, prefix + "channel"));
        }
        b.weight(weight(node.get("weight"), prefix + "weight"));
        JsonNode schedule = node.get("schedule");
        if (schedule != null && !schedule.isNull() && !text(schedule, prefix + "schedule").isBlank()) {
            try {
                b.schedule(PresetSchedule.parse(schedule.asText()));
            } catch (PresetFormatException e) {
                throw new PresetFormatException(prefix + "schedule", reason(e), e);
            }
        }
        b.events(events(node.get("events"), prefix + "events"));
        b.precondition(precondition(node.get("precondition"), prefix + "precondition"));
        JsonNode configurations = node.get("configurations");
        if (configurations != null && !configurations.isNull()) {
            if (!configurations.isArray()) {
                throw new PresetFormatException(prefix + "configurations", "expected an array, found " + kind(configurations));
            }
            for (int i = 0; i < configurations.size(); i++) {
                b.configuration(configuration(configurations.get(i), prefix + "configurations[" + i + "]"));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!KNOWN.contains(f.getKey())) {
                b.otherField(f.getKey(), f.getValue().toString());
            }
        }
        return b.build();
    }

    private static String reason(PresetFormatException e) {
        String prefix = e.field() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }

    private static int weight(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                && Math.abs(node.doubleValue()) <= Integer.MAX_VALUE) {
            return (int) node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new PresetFormatException(field, "expected an integer weight, found " + node);
    }

    private static EventFilter events(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return EventFilter.NONE;
        }
        if (!node.isObject()) {
            throw new PresetFormatException(field, "expected an object of event code to true/false, found " + kind(node));
        }
        Map<String, Boolean> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isBoolean()) {
                throw new PresetFormatException(field + "." + e.getKey(),
                        "expected true (must be present) or false (must be absent), found " + e.getValue());
            }
            if (e.getKey().isBlank()) {
                throw new PresetFormatException(field, "an event code is not blank");
            }
            map.put(e.getKey(), e.getValue().booleanValue());
        }
        return EventFilter.of(map);
    }

    private static Precondition precondition(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Precondition.always();
        }
        String text;
        if (node.isTextual()) {
            text = node.asText();
        } else if (node.isObject()) {
            text = node.toString();
        } else {
            throw new PresetFormatException(field, "expected an expression or a legacy JSON query, found " + kind(node));
        }
        try {
            return Precondition.parse(text);
        } catch (PreconditionSyntaxException e) {
            throw new PresetFormatException(field, e.getMessage(), e);
        }
    }

    private static Configuration configuration(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new PresetFormatException(field, "expected a configuration object, found " + kind(node));
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new PresetFormatException(field + ".type", "a configuration needs its type as a string");
        }
        String type = typeNode.asText();
        Configuration c;
        switch (type) {
            case "value" -> {
                only(node, field, "name", "value");
                JsonNode value = node.get("value");
                Literal literal = value == null ? null : scalar(value, field + ".value");
                if (literal == null || literal instanceof Literal.NullValue) {
                    throw new PresetFormatException(field + ".value", "a value configuration needs a string, number or boolean value");
                }
                c = new Configuration.SetValue(required(node, field, "name"), literal);
            }
            case "add_tag" -> {
                only(node, field, "tag");
                c = new Configuration.AddTag(required(node, field, "tag"));
            }
            case "delete_tag" -> {
                only(node, field, "tag");
                c = new Configuration.DeleteTag(required(node, field, "tag"));
            }
            case "provision" -> {
                only(node, field, "name", "args");
                List<Literal> args = new ArrayList<>();
                JsonNode argsNode = node.get("args");
                if (argsNode != null && !argsNode.isNull()) {
                    if (!argsNode.isArray()) {
                        throw new PresetFormatException(field + ".args", "expected an array, found " + kind(argsNode));
                    }
                    for (int i = 0; i < argsNode.size(); i++) {
                        args.add(scalar(argsNode.get(i), field + ".args[" + i + "]"));
                    }
                }
                c = new Configuration.Provision(required(node, field, "name"), args);
            }
            case "age" -> {
                only(node, field, "name", "age");
                c = new Configuration.Age(required(node, field, "name"), age(node.get("age"), field + ".age"));
            }
            case "add_object" -> {
                only(node, field, "name", "object");
                c = new Configuration.AddObject(required(node, field, "name"), required(node, field, "object"));
            }
            case "delete_object" -> {
                only(node, field, "name", "object");
                c = new Configuration.DeleteObject(required(node, field, "name"), required(node, field, "object"));
            }
            default -> throw new PresetFormatException(field + ".type", "unknown configuration type '" + type
                    + "' (value, add_tag, delete_tag, provision, age, add_object, delete_object)");
        }
        return c;
    }

    private static void only(JsonNode node, String field, String... allowed) {
        Iterator<String> names = node.fieldNames();
        outer:
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals("type")) {
                continue;
            }
            for (String a : allowed) {
                if (a.equals(name)) {
                    continue outer;
                }
            }
            throw new PresetFormatException(field + "." + name, "not a field of a '" + node.get("type").asText()
                    + "' configuration (it has " + String.join(", ", allowed) + ")");
        }
    }

    private static String required(JsonNode node, String field, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new PresetFormatException(field + "." + name, "expected a non-empty string, found " + kind(v));
        }
        return v.asText();
    }

    private static long age(JsonNode node, String field) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return node.longValue();
        }
        if (node != null && node.isTextual()) {
            try {
                long v = Long.parseLong(node.asText().strip());
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new PresetFormatException(field, "expected a whole number of seconds, found " + kind(node));
    }

    private static Literal scalar(JsonNode node, String field) {
        if (node.isTextual()) {
            return new Literal.StringValue(node.asText());
        }
        if (node.isBoolean()) {
            return new Literal.BooleanValue(node.booleanValue());
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw new PresetFormatException(field, "a number out of range: " + node);
            }
            return new Literal.NumberValue(d);
        }
        if (node.isNull()) {
            return new Literal.NullValue();
        }
        throw new PresetFormatException(field, "expected a string, number, boolean or null, found " + kind(node));
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new PresetFormatException(field, "expected a string, found " + kind(node));
        }
        return node.asText();
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + (node.isValueNode() ? " " + node : "");
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    public static String write(Preset preset) {
        return print(toNode(preset));
    }

    public static String writeList(List<Preset> presets) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Preset p : presets) {
            array.add(toNode(p));
        }
        return print(array);
    }

    private static String print(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(PRETTY.createInstance());
            MAPPER.writeTree(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static ObjectNode toNode(Preset p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("_id", p.name());
        o.put("channel", p.channel());
        o.put("weight", p.weight());
        o.put("schedule", p.schedule().map(PresetSchedule::toString).orElse(""));
        ObjectNode events = o.putObject("events");
        p.events().events().forEach(events::put);
        o.put("precondition", p.precondition().isAlways() ? "" : p.precondition().toString());
        ArrayNode configurations = o.putArray("configurations");
        for (Configuration c : p.configurations()) {
            ObjectNode n = configurations.addObject();
            n.put("type", c.type());
            if (c instanceof Configuration.SetValue v) {
                n.put("name", v.name());
                putLiteral(n, "value", v.value());
            } else if (c instanceof Configuration.AddTag t) {
                n.put("tag", t.tag());
            } else if (c instanceof Configuration.DeleteTag t) {
                n.put("tag", t.tag());
            } else if (c instanceof Configuration.Provision pr) {
                n.put("name", pr.name());
                ArrayNode args = n.putArray("args");
                for (Literal arg : pr.args()) {
                    addLiteral(args, arg);
                }
            } else if (c instanceof Configuration.Age a) {
                n.put("name", a.name());
                n.put("age", a.seconds());
            } else if (c instanceof Configuration.AddObject a) {
                n.put("name", a.name());
                n.put("object", a.object());
            } else if (c instanceof Configuration.DeleteObject d) {
                n.put("name", d.name());
                n.put("object", d.object());
            }
        }
        for (Map.Entry<String, String> e : p.otherFields().entrySet()) {
            try {
                o.set(e.getKey(), MAPPER.readTree(e.getValue()));
            } catch (JsonProcessingException ex) {
                throw new PresetFormatException(e.getKey(), "kept field is not JSON: " + ex.getOriginalMessage(), ex);
            }
        }
        return o;
    }

    private static void putLiteral(ObjectNode n, String field, Literal literal) {
        if (literal instanceof Literal.StringValue s) {
            n.put(field, s.value());
        } else if (literal instanceof Literal.NumberValue num) {
            if (isLong(num.value())) {
                n.put(field, (long) num.value());
            } else {
                n.put(field, num.value());
            }
        } else if (literal instanceof Literal.BooleanValue b) {
            n.put(field, b.value());
        } else {
            n.putNull(field);
        }
    }

    private static void addLiteral(ArrayNode array, Literal literal) {
        if (literal instanceof Literal.StringValue s) {
            array.add(s.value());
        } else if (literal instanceof Literal.NumberValue num) {
            if (isLong(num.value())) {
                array.add((long) num.value());
            } else {
                array.add(num.value());
            }
        } else if (literal instanceof Literal.BooleanValue b) {
            array.add(b.value());
        } else {
            array.addNull();
        }
    }

    private static boolean isLong(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && Double.doubleToRawLongBits(d) != 0);
    }
}
