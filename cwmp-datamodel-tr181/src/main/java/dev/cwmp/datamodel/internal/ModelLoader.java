package dev.cwmp.datamodel.internal;

import dev.cwmp.datamodel.Access;
import dev.cwmp.datamodel.BaseType;
import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.DataModelException;
import dev.cwmp.datamodel.DataType;
import dev.cwmp.datamodel.ObjectDefinition;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.datamodel.ParameterDefinition.DefaultValue;
import dev.cwmp.datamodel.ParameterDefinition.Flag;
import dev.cwmp.datamodel.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a model resource written in {@link ModelFormat}. Each call reads the resource afresh (the
 * cached models are {@link DataModel#tr181()} and {@link DataModel#tr098()}); benchmarks call this to
 * measure a cold load.
 */
public final class ModelLoader {

    private static final Flag[] FLAGS = Flag.values();
    private static final int PARAMETER_FIELDS = 8;

    private final Map<String, String> names = new HashMap<>(2048);
    private final Map<Integer, Set<Flag>> flagSets = new HashMap<>();
    private final List<DataType> types = new ArrayList<>(2048);
    private final List<ObjectDefinition> objects = new ArrayList<>(1024);
    private final List<ParameterDefinition> parameters = new ArrayList<>(8192);
    private String modelName;

    private ModelLoader() {
    }

    /** Loads the TR-181 {@code Device:2.17} model from the module's resource. */
    public static DataModel loadTr181() {
        return loadResource(ModelFormat.TR181_RESOURCE);
    }

    /** Loads the TR-098 {@code InternetGatewayDevice:1.14} model from the module's resource. */
    public static DataModel loadTr098() {
        return loadResource(ModelFormat.TR098_RESOURCE);
    }

    /** Loads a model from a resource of this module (an absolute resource name). */
    public static DataModel loadResource(String resourceName) {
        byte[] bytes;
        try (InputStream in = ModelLoader.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new DataModelException("model resource not found: " + resourceName);
            }
            try (InputStream gunzip = new GZIPInputStream(in, 1 << 16)) {
                bytes = gunzip.readAllBytes();
            }
        } catch (IOException e) {
            throw new DataModelException("cannot read model resource " + resourceName, e);
        }
        return load(bytes);
    }

    /** Loads a model from uncompressed text in {@link ModelFormat}. */
    public static DataModel load(Reader text) throws IOException {
        StringBuilder all = new StringBuilder(1 << 16);
        char[] buffer = new char[1 << 13];
        for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
            all.append(buffer, 0, n);
        }
        return load(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Loads a model from uncompressed UTF-8 text in {@link ModelFormat}. The loader works on the bytes
     * (lines and fields found by offsets, ASCII fields turned into strings directly): this code runs once,
     * cold, so it avoids per-character decoding and intermediate strings.
     */
    public static DataModel load(byte[] bytes) {
        ModelLoader loader = new ModelLoader();
        int[] starts = new int[PARAMETER_FIELDS];
        int[] ends = new int[PARAMETER_FIELDS];
        List<String> fields = new ArrayList<>(16);
        ObjectDefinition current = null;
        int lineNumber = 0;
        int pos = 0;
        while (pos < bytes.length) {
            int lineStart = pos;
            int lineEnd = lineStart;
            while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
                lineEnd++;
            }
            pos = lineEnd + 1;
            lineNumber++;
            if (lineNumber == 1) {
                String header = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
                if (!ModelFormat.HEADER.equals(header)) {
                    throw new DataModelException("not a model resource (header " + header + ")");
                }
                continue;
            }
            if (lineEnd == lineStart) {
                continue;
            }
            try {
                if (bytes[lineStart] == 'P' && lineEnd > lineStart + 1 && bytes[lineStart + 1] == '\t') {
                    if (current == null) {
                        throw new DataModelException("parameter before any object");
                    }
                    loader.parameters.add(loader.parameter(current, bytes, lineStart, lineEnd, starts, ends));
                    continue;
                }
                split(bytes, lineStart, lineEnd, fields);
                switch (fields.get(0)) {
                    case "M":
                        loader.modelName = fields.get(1);
                        break;
                    case "T":
                        loader.types.add(loader.type(fields));
                        break;
                    case "O":
                        current = loader.object(fields);
                        loader.objects.add(current);
                        break;
                    default:
                        throw new DataModelException("unknown record " + fields.get(0));
                }
            } catch (RuntimeException e) {
                throw new DataModelException("model resource line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        if (loader.modelName == null) {
            throw new DataModelException("model resource has no model name");
        }
        return DataModel.of(loader.modelName, loader.objects, loader.parameters);
    }

    private static void split(byte[] bytes, int from, int to, List<String> fields) {
        fields.clear();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || bytes[i] == '\t') {
                fields.add(text(bytes, start, i));
                start = i + 1;
            }
        }
    }

    /** The field's text: ASCII without escapes becomes a string directly, anything else is decoded and unescaped. */
    private static String text(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0 || b == '\\') {
                return ModelFormat.unescape(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static int number(byte[] bytes, int from, int to) {
        if (from == to || to - from > 9) {
            throw new DataModelException("bad number: " + text(bytes, from, to));
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new DataModelException("bad number: " + text(bytes, from, to));
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static Access access(byte[] bytes, int from, int to) {
        switch (to - from) {
            case 8:
                if (bytes[from] == 'r') {
                    return Access.READ_ONLY; // readOnly
                }
                break;
            case 9:
                if (bytes[from] == 'r') {
                    return Access.READ_WRITE; // readWrite
                }
                break;
            default:
                break;
        }
        return Access.fromXmlName(text(bytes, from, to));
    }

    private DataType type(List<String> fields) {
        BaseType base = baseType(fields.get(1));
        DataType.Builder builder = DataType.builder(base);
        List<String> named = new ArrayList<>(2);
        Integer listMin = null;
        OptionalInt listMax = OptionalInt.empty();
        Optional<DataType.Size> listSize = Optional.empty();
        for (int i = 2; i < fields.size(); i++) {
            String facet = fields.get(i);
            int eq = facet.indexOf('=');
            String key = facet.substring(0, eq);
            String value = facet.substring(eq + 1);
            switch (key) {
                case "n":
                    named.add(intern(value));
                    break;
                case "L": {
                    String[] bounds = bounds(value, 2);
                    listMin = bounds[0].isEmpty() ? 0 : Integer.parseInt(bounds[0]);
                    listMax = optionalInt(bounds[1]);
                    break;
                }
                case "Ls":
                    listSize = Optional.of(size(value));
                    break;
                case "s":
                    builder.size(size(value));
                    break;
                case "r": {
                    String[] bounds = bounds(value, 3);
                    builder.range(new DataType.Range(optionalLong(bounds[0]), optionalLong(bounds[1]),
                            bounds[2].isEmpty() ? 1 : Long.parseLong(bounds[2])));
                    break;
                }
                case "e":
                    builder.enumeration(intern(value));
                    break;
                case "E":
                    builder.readOnlyEnumeration(intern(value));
                    break;
                case "p":
                    builder.pattern(value);
                    break;
                case "u":
                    builder.units(intern(value));
                    break;
                case "er":
                    builder.enumerationReference(value);
                    break;
                default:
                    throw new DataModelException("unknown facet " + key);
            }
        }
        if (listMin != null || listSize.isPresent()) {
            builder.list(new DataType.ListFacet(listMin == null ? 0 : listMin, listMax, listSize));
        }
        return builder.namedTypes(named).build();
    }

    private ObjectDefinition object(List<String> fields) {
        String path = fields.get(1);
        List<List<String>> keys = new ArrayList<>();
        if (!fields.get(7).isEmpty()) {
            for (String key : fields.get(7).split(";")) {
                List<String> keyNames = new ArrayList<>(2);
                for (String name : key.split(",")) {
                    keyNames.add(intern(name));
                }
                keys.add(keyNames);
            }
        }
        String max = fields.get(4);
        return new ObjectDefinition(
                path,
                path.endsWith(".{i}."),
                Access.fromXmlName(fields.get(2)),
                Integer.parseInt(fields.get(3)),
                max.equals("unbounded") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(max)),
                keys,
                optional(fields.get(5)),
                optional(fields.get(6)),
                status(fields.get(8)));
    }

    /** A {@code P} record: P, name, access, typeIndex, defaultKind, default, status, flagBits. */
    private ParameterDefinition parameter(ObjectDefinition object, byte[] bytes, int from, int to,
            int[] starts, int[] ends) {
        int count = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || bytes[i] == '\t') {
                if (count < PARAMETER_FIELDS) {
                    starts[count] = start;
                    ends[count] = i;
                }
                count++;
                start = i + 1;
            }
        }
        if (count != PARAMETER_FIELDS) {
            throw new DataModelException("a parameter record has " + PARAMETER_FIELDS + " fields, not " + count);
        }
        String name = intern(text(bytes, starts[1], ends[1]));
        DataType type = types.get(number(bytes, starts[3], ends[3]));
        Optional<DefaultValue> defaultValue = Optional.empty();
        if (ends[4] > starts[4]) {
            DefaultValue.Kind kind = DefaultValue.Kind.valueOf(text(bytes, starts[4], ends[4]));
            defaultValue = Optional.of(new DefaultValue(kind, intern(text(bytes, starts[5], ends[5]))));
        }
        Status status = ends[6] == starts[6] ? Status.CURRENT : Status.fromXmlName(text(bytes, starts[6], ends[6]));
        int bits = number(bytes, starts[7], ends[7]);
        Set<Flag> flags = flagSets.get(bits);
        if (flags == null) {
            flags = flags(bits);
            flagSets.put(bits, flags);
        }
        return new ParameterDefinition(object.path().concat(name), name, type, access(bytes, starts[2], ends[2]),
                defaultValue, status, flags);
    }

    private static Set<Flag> flags(int bits) {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        for (Flag flag : FLAGS) {
            if ((bits & (1 << flag.ordinal())) != 0) {
                flags.add(flag);
            }
        }
        return Set.copyOf(flags);
    }

    private static Status status(String text) {
        return text.isEmpty() ? Status.CURRENT : Status.fromXmlName(text);
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static DataType.Size size(String text) {
        String[] bounds = bounds(text, 2);
        return new DataType.Size(bounds[0].isEmpty() ? 0 : Integer.parseInt(bounds[0]), optionalInt(bounds[1]));
    }

    /** Splits {@code a..b} or {@code a..b..c} (without regex: this runs cold, once per facet). */
    private static String[] bounds(String text, int count) {
        String[] parts = new String[count];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int dots = text.indexOf("..", start);
            if (dots < 0) {
                throw new DataModelException("expected " + count + " bounds in " + text);
            }
            parts[i] = text.substring(start, dots);
            start = dots + 2;
        }
        parts[count - 1] = text.substring(start);
        return parts;
    }

    private static BaseType baseType(String name) {
        for (BaseType type : BaseType.values()) {
            if (type.xmlName().equals(name)) {
                return type;
            }
        }
        throw new DataModelException("unknown base type " + name);
    }

    private static OptionalInt optionalInt(String text) {
        return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
    }

    private static OptionalLong optionalLong(String text) {
        return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    }

    private String intern(String value) {
        String existing = names.putIfAbsent(value, value);
        return existing == null ? value : existing;
    }
}
