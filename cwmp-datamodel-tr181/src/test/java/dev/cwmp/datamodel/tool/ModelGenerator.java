package dev.cwmp.datamodel.tool;

import dev.cwmp.datamodel.ParameterDefinition.Flag;
import dev.cwmp.datamodel.internal.ModelFormat;
import dev.cwmp.datamodel.tool.XmlTree.Element;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Generates the compact model resources of this module from the Broadband Forum's XML.
 *
 * <p>Regenerate (from the repository root, with the Forum's files in {@code ../shared/bbf}):
 * <pre>
 * mvn -B -ntp -pl cwmp-datamodel-tr181 -Pgenerate-model -DskipTests test-compile exec:java
 * </pre>
 * or run this class with two arguments: the directory of the XML files and the output directory
 * ({@code cwmp-datamodel-tr181/src/main/resources/dev/cwmp/datamodel}).
 *
 * <p>Only facts are written (paths, access, entries, keys, types and facets, units, defaults, status);
 * descriptions are dropped. Named data types ({@code dataType ref=...} and {@code base=...}) are resolved
 * against the model file's own definitions, then {@code tr-106-types.xml}: facets are inherited, and a
 * facet kind that a derived type or a parameter gives replaces the inherited one. Facets, enumeration
 * values and defaults whose status is "deleted" are dropped; deleted objects and parameters are kept, with
 * their status.
 */
public final class ModelGenerator {

    static final Set<String> BASE_TYPES = Set.of("string", "int", "unsignedInt", "long", "unsignedLong",
            "boolean", "dateTime", "base64", "hexBinary", "decimal");

    private final Map<String, Element> namedTypeElements = new HashMap<>();
    private final Map<String, ResolvedType> resolvedNamedTypes = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    /** A type with every facet resolved. Lists are copied on refinement, never shared mutably. */
    static final class ResolvedType {
        String base;
        List<String> named = new ArrayList<>();
        String listItems; // "min..max" or null
        String listSize;  // "min..max" or null
        List<String> sizes = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        List<String> enumerations = new ArrayList<>();
        List<String> readOnlyEnumerations = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        String units;
        String enumerationRef;

        ResolvedType copy() {
            ResolvedType copy = new ResolvedType();
            copy.base = base;
            copy.named = new ArrayList<>(named);
            copy.listItems = listItems;
            copy.listSize = listSize;
            copy.sizes = new ArrayList<>(sizes);
            copy.ranges = new ArrayList<>(ranges);
            copy.enumerations = new ArrayList<>(enumerations);
            copy.readOnlyEnumerations = new ArrayList<>(readOnlyEnumerations);
            copy.patterns = new ArrayList<>(patterns);
            copy.units = units;
            copy.enumerationRef = enumerationRef;
            return copy;
        }

        /** The type's record in the resource (without the leading "T"). */
        String line() {
            StringBuilder line = new StringBuilder(base);
            for (String name : named) {
                facet(line, "n", name);
            }
            if (listItems != null) {
                facet(line, "L", listItems);
            }
            if (listSize != null) {
                facet(line, "Ls", listSize);
            }
            sizes.forEach(v -> facet(line, "s", v));
            ranges.forEach(v -> facet(line, "r", v));
            enumerations.forEach(v -> facet(line, readOnlyEnumerations.contains(v) ? "E" : "e", v));
            patterns.forEach(v -> facet(line, "p", v));
            if (units != null) {
                facet(line, "u", units);
            }
            if (enumerationRef != null) {
                facet(line, "er", enumerationRef);
            }
            return line.toString();
        }

        private static void facet(StringBuilder line, String key, String value) {
            line.append('\t').append(key).append('=').append(ModelFormat.escape(value));
        }
    }

    /** Counts of what one generation wrote. */
    public record Summary(String modelName, int objects, int parameters, int types) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ModelGenerator <bbf-xml-dir> <output-dir>");
            System.exit(2);
        }
        Path xmlDir = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        Files.createDirectories(outDir);
        Summary tr181 = generate(xmlDir, "tr-181-2-17-0-cwmp-full.xml", outDir.resolve(fileName(ModelFormat.TR181_RESOURCE)));
        Summary tr098 = generate(xmlDir, "tr-098-1-8-0-full.xml", outDir.resolve(fileName(ModelFormat.TR098_RESOURCE)));
        System.out.println(tr181);
        System.out.println(tr098);
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** Generates one model's resource into {@code output}. */
    public static Summary generate(Path xmlDir, String modelFile, Path output) throws IOException {
        String text = generateText(xmlDir, modelFile);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(output), 1 << 16)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        int objects = 0;
        int parameters = 0;
        int types = 0;
        String modelName = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("O\t")) {
                objects++;
            } else if (line.startsWith("P\t")) {
                parameters++;
            } else if (line.startsWith("T\t")) {
                types++;
            } else if (line.startsWith("M\t")) {
                modelName = line.substring(2);
            }
        }
        return new Summary(modelName, objects, parameters, types);
    }

    /** The uncompressed resource text of one model. */
    public static String generateText(Path xmlDir, String modelFile) throws IOException {
        ModelGenerator generator = new ModelGenerator();
        Path types = xmlDir.resolve("tr-106-types.xml");
        if (Files.exists(types)) {
            generator.addNamedTypes(XmlTree.read(types));
        }
        Element document = XmlTree.read(xmlDir.resolve(modelFile));
        generator.addNamedTypes(document);
        Element model = document.child("model")
                .orElseThrow(() -> new IOException(modelFile + " has no model"));
        return generator.write(model);
    }

    private void addNamedTypes(Element document) {
        for (Element dataType : document.children("dataType")) {
            dataType.attribute("name").ifPresent(name -> namedTypeElements.put(name, dataType));
        }
    }

    private String write(Element model) throws IOException {
        Map<String, Integer> typeIndex = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder(1 << 20);
        for (Element object : model.children("object")) {
            String path = object.attribute("name").orElseThrow();
            body.append("O\t").append(ModelFormat.escape(path))
                    .append('\t').append(object.attributeOr("access", "readOnly"))
                    .append('\t').append(object.attributeOr("minEntries", "1"))
                    .append('\t').append(object.attributeOr("maxEntries", "1"))
                    .append('\t').append(numEntriesPath(path, object.attributeOr("numEntriesParameter", "")))
                    .append('\t').append(object.attributeOr("enableParameter", ""))
                    .append('\t').append(uniqueKeys(object))
                    .append('\t').append(status(object))
                    .append('\n');
            for (Element parameter : object.children("parameter")) {
                String name = parameter.attribute("name").orElseThrow();
                Element syntax = parameter.child("syntax")
                        .orElseThrow(() -> new IOException(path + name + " has no syntax"));
                ResolvedType type = resolveSyntax(syntax, path + name);
                Integer index = typeIndex.computeIfAbsent(type.line(), k -> typeIndex.size());
                String defaultKind = "";
                String defaultValue = "";
                for (Element def : syntax.children("default")) {
                    if (!"deleted".equals(def.attributeOr("status", ""))) {
                        defaultKind = def.attributeOr("type", "object").toUpperCase(java.util.Locale.ROOT);
                        defaultValue = def.attributeOr("value", "");
                    }
                }
                body.append("P\t").append(ModelFormat.escape(name))
                        .append('\t').append(parameter.attributeOr("access", "readOnly"))
                        .append('\t').append(index)
                        .append('\t').append(defaultKind)
                        .append('\t').append(ModelFormat.escape(defaultValue))
                        .append('\t').append(status(parameter))
                        .append('\t').append(flags(parameter, syntax))
                        .append('\n');
            }
        }
        StringBuilder text = new StringBuilder(body.length() + 200_000);
        text.append(ModelFormat.HEADER).append('\n');
        text.append("M\t").append(model.attribute("name").orElseThrow()).append('\n');
        for (String typeLine : typeIndex.keySet()) {
            text.append("T\t").append(typeLine).append('\n');
        }
        return text.append(body).toString();
    }

    /** The numEntriesParameter as a full definition path (the XML names it relative to the parent object). */
    private static String numEntriesPath(String objectPath, String name) {
        if (name.isEmpty()) {
            return "";
        }
        String table = objectPath.endsWith(".{i}.")
                ? objectPath.substring(0, objectPath.length() - ".{i}.".length())
                : objectPath.substring(0, objectPath.length() - 1);
        String parent = table.substring(0, table.lastIndexOf('.') + 1);
        return ModelFormat.escape(parent + name);
    }

    private static String uniqueKeys(Element object) {
        List<String> keys = new ArrayList<>();
        for (Element key : object.children("uniqueKey")) {
            List<String> names = new ArrayList<>();
            for (Element parameter : key.children("parameter")) {
                names.add(parameter.attribute("ref").orElseThrow());
            }
            keys.add(String.join(",", names));
        }
        return ModelFormat.escape(String.join(";", keys));
    }

    private static String status(Element element) {
        String status = element.attributeOr("status", "current");
        return status.equals("current") ? "" : status;
    }

    private static int flags(Element parameter, Element syntax) {
        int bits = 0;
        if ("true".equals(syntax.attributeOr("secured", ""))) {
            bits |= 1 << Flag.SECURED.ordinal();
        }
        if ("true".equals(syntax.attributeOr("hidden", ""))) {
            bits |= 1 << Flag.HIDDEN.ordinal();
        }
        if ("true".equals(syntax.attributeOr("command", ""))) {
            bits |= 1 << Flag.COMMAND.ordinal();
        }
        if ("true".equals(parameter.attributeOr("forcedInform", ""))) {
            bits |= 1 << Flag.FORCED_INFORM.ordinal();
        }
        switch (parameter.attributeOr("activeNotify", "normal")) {
            case "canDeny":
                bits |= 1 << Flag.ACTIVE_NOTIFY_CAN_DENY.ordinal();
                break;
            case "forceEnabled":
                bits |= 1 << Flag.ACTIVE_NOTIFY_FORCE_ENABLED.ordinal();
                break;
            case "forceDefaultEnabled":
                bits |= 1 << Flag.ACTIVE_NOTIFY_FORCE_DEFAULT_ENABLED.ordinal();
                break;
            default:
                break;
        }
        return bits;
    }

    /** Resolves a parameter's {@code syntax}: its list facet, its base or named type, and refinements. */
    ResolvedType resolveSyntax(Element syntax, String where) {
        ResolvedType type = null;
        for (Element child : syntax.children()) {
            if (BASE_TYPES.contains(child.name())) {
                type = new ResolvedType();
                type.base = child.name();
                refine(type, child);
            } else if (child.name().equals("dataType")) {
                String ref = child.attribute("ref").or(() -> child.attribute("base"))
                        .orElseThrow(() -> new IllegalStateException(where + ": dataType without ref or base"));
                type = resolveNamed(ref, where).copy();
                refine(type, child);
            }
        }
        if (type == null) {
            throw new IllegalStateException(where + ": no type in syntax");
        }
        applyList(type, syntax);
        return type;
    }

    private ResolvedType resolveNamed(String name, String where) {
        ResolvedType done = resolvedNamedTypes.get(name);
        if (done != null) {
            return done;
        }
        Element element = namedTypeElements.get(name);
        if (element == null) {
            throw new IllegalStateException(where + ": unknown data type " + name);
        }
        if (!resolving.add(name)) {
            throw new IllegalStateException("data type " + name + " derives from itself");
        }
        ResolvedType type;
        if (element.attribute("base").isPresent()) {
            type = resolveNamed(element.attribute("base").get(), "dataType " + name).copy();
            refine(type, element);
        } else {
            type = null;
            for (Element child : element.children()) {
                if (BASE_TYPES.contains(child.name())) {
                    type = new ResolvedType();
                    type.base = child.name();
                    refine(type, child);
                } else if (child.name().equals("dataType")) {
                    type = resolveNamed(child.attribute("ref").orElseThrow(), "dataType " + name).copy();
                    refine(type, child);
                }
            }
            if (type == null) {
                throw new IllegalStateException("data type " + name + " has no base type");
            }
        }
        applyList(type, element);
        type.named.add(0, name);
        resolving.remove(name);
        resolvedNamedTypes.put(name, type);
        return type;
    }

    private static void applyList(ResolvedType type, Element holder) {
        holder.child("list").ifPresent(list -> {
            type.listItems = list.attributeOr("minItems", "") + ".." + list.attributeOr("maxItems", "");
            type.listSize = null;
            for (Element size : list.children("size")) {
                if (!deleted(size)) {
                    type.listSize = size.attributeOr("minLength", "") + ".." + size.attributeOr("maxLength", "");
                }
            }
        });
    }

    /** Applies the facets directly under {@code element}; each facet kind given replaces the inherited one. */
    private static void refine(ResolvedType type, Element element) {
        List<String> sizes = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        List<String> enumerations = new ArrayList<>();
        List<String> readOnlyEnumerations = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (Element facet : element.children()) {
            if (deleted(facet)) {
                continue;
            }
            switch (facet.name()) {
                case "size":
                    sizes.add(facet.attributeOr("minLength", "") + ".." + facet.attributeOr("maxLength", ""));
                    break;
                case "range": {
                    String min = facet.attributeOr("minInclusive", "");
                    String max = facet.attributeOr("maxInclusive", "");
                    String step = facet.attributeOr("step", "");
                    for (String bound : List.of(min, max, step)) {
                        if (!bound.isEmpty()) {
                            Long.parseLong(bound); // the resource stores ranges as longs
                        }
                    }
                    ranges.add(min + ".." + max + ".." + (step.equals("1") ? "" : step));
                    break;
                }
                case "enumeration":
                    enumerations.add(facet.attribute("value").orElseThrow());
                    if ("readOnly".equals(facet.attributeOr("access", "readWrite"))) {
                        readOnlyEnumerations.add(facet.attribute("value").orElseThrow());
                    }
                    break;
                case "pattern":
                    patterns.add(facet.attribute("value").orElseThrow());
                    break;
                case "units":
                    type.units = facet.attribute("value").orElseThrow();
                    break;
                case "enumerationRef":
                    type.enumerationRef = facet.attribute("targetParam").orElseThrow();
                    break;
                default:
                    break; // pathRef, instanceRef, list (handled apart), default, description
            }
        }
        if (!sizes.isEmpty()) {
            type.sizes = sizes;
        }
        if (!ranges.isEmpty()) {
            type.ranges = ranges;
        }
        if (!enumerations.isEmpty()) {
            type.enumerations = enumerations;
            type.readOnlyEnumerations = readOnlyEnumerations;
        }
        if (!patterns.isEmpty()) {
            type.patterns = patterns;
        }
    }

    private static boolean deleted(Element element) {
        return "deleted".equals(element.attributeOr("status", ""));
    }

}
