package dev.cwmp.datamodel;

import dev.cwmp.datamodel.internal.ModelLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A root data model (TR-181 {@code Device:2.17} or TR-098 {@code InternetGatewayDevice:1.14}): every
 * object and parameter definition, looked up by definition path ({@code {i}} for instance numbers).
 *
 * <p>The two standard models are generated from the Broadband Forum's XML into a compact resource of
 * this module and loaded once, on first use. A model is immutable and thread-safe.
 *
 * <p>Names the model does not define are not errors: {@link #kindOf(String)} tells a vendor extension
 * ({@code X_<vendor>_...}) from a name the standard does not have.
 */
public final class DataModel {

    private final String modelName;
    private final String rootName;
    private final List<ObjectDefinition> objects;
    private final List<ParameterDefinition> parameters;
    private final Map<String, ObjectDefinition> objectsByPath;
    private final Map<String, ParameterDefinition> parametersByPath;

    private DataModel(String modelName, List<ObjectDefinition> objects, List<ParameterDefinition> parameters) {
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        int colon = modelName.indexOf(':');
        this.rootName = colon < 0 ? modelName : modelName.substring(0, colon);
        this.objects = List.copyOf(objects);
        this.parameters = List.copyOf(parameters);
        this.objectsByPath = new HashMap<>(objects.size() * 2);
        String rootPrefix = rootName.concat(".");
        for (ObjectDefinition object : this.objects) {
            if (!object.path().startsWith(rootPrefix)) {
                throw new IllegalArgumentException("object " + object.path() + " is not under " + rootName);
            }
            if (objectsByPath.put(object.path(), object) != null) {
                throw new IllegalArgumentException("duplicate object " + object.path());
            }
        }
        this.parametersByPath = new HashMap<>(parameters.size() * 2);
        for (ParameterDefinition parameter : this.parameters) {
            if (!objectsByPath.containsKey(parameter.objectPath())) {
                throw new IllegalArgumentException("parameter " + parameter.path() + " has no object");
            }
            if (parametersByPath.put(parameter.path(), parameter) != null) {
                throw new IllegalArgumentException("duplicate parameter " + parameter.path());
            }
        }
    }

    /**
     * A model of the given definitions (the standard ones come from {@link #tr181()} and {@link #tr098()}).
     *
     * @param modelName the model name with its version, e.g. {@code Device:2.17}
     * @throws IllegalArgumentException for duplicate paths, a parameter without its object, or a path not
     *     under the model's root
     */
    public static DataModel of(String modelName, List<ObjectDefinition> objects, List<ParameterDefinition> parameters) {
        return new DataModel(modelName, objects, parameters);
    }

    /** The TR-181 Issue 2 Amendment 17 model, {@code Device:2.17}. */
    public static DataModel tr181() {
        return Tr181Holder.MODEL;
    }

    /** The TR-098 Amendment 8 model, {@code InternetGatewayDevice:1.14}. */
    public static DataModel tr098() {
        return Tr098Holder.MODEL;
    }

    /**
     * The standard model for a root object name ({@code Device} or {@code InternetGatewayDevice}), also
     * accepting any path under it (e.g. {@code Device.DeviceInfo.SerialNumber}).
     */
    public static Optional<DataModel> forRoot(String rootObjectNameOrPath) {
        Objects.requireNonNull(rootObjectNameOrPath, "rootObjectNameOrPath");
        int dot = rootObjectNameOrPath.indexOf('.');
        String root = dot < 0 ? rootObjectNameOrPath : rootObjectNameOrPath.substring(0, dot);
        switch (root) {
            case "Device":
                return Optional.of(tr181());
            case "InternetGatewayDevice":
                return Optional.of(tr098());
            default:
                return Optional.empty();
        }
    }

    /** The root object name, e.g. {@code Device}. */
    public String rootName() {
        return rootName;
    }

    /** The model name with its version, e.g. {@code Device:2.17}. */
    public String modelName() {
        return modelName;
    }

    /** Every object definition, in the order of the model. */
    public List<ObjectDefinition> objects() {
        return objects;
    }

    /** Every parameter definition, in the order of the model (grouped by object). */
    public List<ParameterDefinition> parameters() {
        return parameters;
    }

    /** The object with this definition path, e.g. {@code Device.WiFi.SSID.{i}.}. */
    public Optional<ObjectDefinition> object(String definitionPath) {
        return Optional.ofNullable(objectsByPath.get(definitionPath));
    }

    /** The parameter with this definition path, e.g. {@code Device.WiFi.SSID.{i}.SSID}. */
    public Optional<ParameterDefinition> parameter(String definitionPath) {
        return Optional.ofNullable(parametersByPath.get(definitionPath));
    }

    /**
     * The definition of the parameter at a path, by its definition path ({@code Device.WiFi.SSID.3.SSID}
     * finds {@code Device.WiFi.SSID.{i}.SSID}); empty for an object path or a name the model lacks.
     */
    public Optional<ParameterDefinition> findParameter(ParameterPath path) {
        if (path.isObjectPath()) {
            return Optional.empty();
        }
        return Optional.ofNullable(parametersByPath.get(path.definitionPath()));
    }

    /**
     * The definition of the object at a path ({@code Device.WiFi.SSID.3.} or {@code Device.WiFi.SSID.3}
     * finds {@code Device.WiFi.SSID.{i}.}); empty for a parameter path or a name the model lacks.
     */
    public Optional<ObjectDefinition> findObject(ParameterPath path) {
        if (!path.isObjectPath()) {
            return Optional.empty();
        }
        return object(path.definitionPath()).or(() -> table(path.definitionPath()));
    }

    /**
     * The table whose path this is without an instance ({@code Device.WiFi.SSID.} finds
     * {@code Device.WiFi.SSID.{i}.}): a GetParameterNames result lists such paths as objects.
     */
    public Optional<ObjectDefinition> table(String definitionPath) {
        if (!definitionPath.endsWith(".") || definitionPath.endsWith("{i}.")) {
            return Optional.empty();
        }
        ObjectDefinition table = objectsByPath.get(definitionPath.concat("{i}."));
        return table != null && table.multiInstance() ? Optional.of(table) : Optional.empty();
    }

    /** {@link #kindOf(String)} for the definition path of a path. */
    public DefinitionKind kindOf(ParameterPath path) {
        return kindOf(path.definitionPath());
    }

    /**
     * Whether the model defines this definition path (an object path ends with a dot; a table's path
     * without {@code {i}.} counts as defined), and if not, whether it is a vendor extension or a name the
     * standard does not have.
     */
    public DefinitionKind kindOf(String definitionPath) {
        if (definitionPath.endsWith(".")
                ? objectsByPath.containsKey(definitionPath) || table(definitionPath).isPresent()
                : parametersByPath.containsKey(definitionPath)) {
            return DefinitionKind.STANDARD;
        }
        return isVendorExtension(definitionPath) ? DefinitionKind.VENDOR : DefinitionKind.UNKNOWN;
    }

    /** Whether some segment of the path is a vendor extension name ({@code X_...}, TR-106 section 3.3). */
    public static boolean isVendorExtension(String path) {
        if (path.startsWith("X_")) {
            return true;
        }
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            if (path.startsWith("X_", dot + 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "DataModel[" + modelName + ", " + objects.size() + " objects, " + parameters.size() + " parameters]";
    }

    private static final class Tr181Holder {
        static final DataModel MODEL = ModelLoader.loadTr181();
    }

    private static final class Tr098Holder {
        static final DataModel MODEL = ModelLoader.loadTr098();
    }
}
