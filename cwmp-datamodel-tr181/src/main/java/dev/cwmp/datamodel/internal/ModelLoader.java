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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
        try (InputStream in = ModelLoader.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new DataModelException("model resource not found: " + resourceName);
            }
            return load(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataModelException("cannot read model resource " + resourceName, e);
        }
    }

    /** Loads a model from uncompressed text in {@link ModelFormat}. */
    public static DataModel load(Reader text) throws IOException {
        ModelLoader loader = new ModelLoader();
        BufferedReader reader = new BufferedReader(text, 1 << 16);
        String header = reader.readLine();
        if (!ModelFormat.HEADER.equals(header)) {
            throw new DataModelException("not a model resource (header " + header + ")");
        }
        int lineNumber = 1;
        ObjectDefinition current = null;
        String line;
        List<String> fields = new ArrayList<>(16);
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            split(line, fields);
            try {
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
                    case "P":
                        if (current == null) {
                            throw new DataModelException("parameter before any object");
                        }
                        loader.parameters.add(loader.parameter(current, fields));
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

    private static void split(String line, List<String> fields) {
        fields.clear();
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            if (tab < 0) {
                fields.add(ModelFormat.unescape(line.substring(start)));
                return;
            }
            fields.add(ModelFormat.unescape(line.substring(start, tab)));
            start = tab + 1;
        }
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

    private ParameterDefinition parameter(ObjectDefinition object, List<String> fields) {
        String name = intern(fields.get(1));
        DataType type = types.get(Integer.parseInt(fields.get(3)));
        Optional<DefaultValue> defaultValue = fields.get(4).isEmpty() ? Optional.empty()
                : Optional.of(new DefaultValue(DefaultValue.Kind.valueOf(fields.get(4)), intern(fields.get(5))));
        int bits = Integer.parseInt(fields.get(7));
        Set<Flag> flags = flagSets.get(bits);
        if (flags == null) {
            flags = flags(bits);
            flagSets.put(bits, flags);
        }
        return new ParameterDefinition(object.path().concat(name), name, type, Access.fromXmlName(fields.get(2)),
                defaultValue, status(fields.get(6)), flags);
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
