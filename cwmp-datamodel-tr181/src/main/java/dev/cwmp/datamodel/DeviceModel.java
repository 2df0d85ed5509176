package dev.cwmp.datamodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One device's actual data model: the standard model of its root overlaid with what the device
 * reported in GetParameterNames: which objects and parameters it has (vendor extensions included)
 * and their writability, plus the xsd types it gave its values.
 *
 * <p>Kept per definition path ({@code Device.WiFi.SSID.{i}.SSID}), not per instance, so one overlay
 * can serve every device of the same product and software version. When instances disagree (one SSID
 * writable, another not) the definition's writability is {@link Writability#MIXED}; the per-instance
 * truth stays in the device's {@link ParameterTree}. Immutable and thread-safe.
 */
public final class DeviceModel {

    /** Writability as the device reported it for every instance of a definition. */
    public enum Writability {
        /** Every reported instance is writable. */
        WRITABLE,
        /** Every reported instance is read-only. */
        READ_ONLY,
        /** Some instances are writable and some are not. */
        MIXED;

        Writability with(boolean writable) {
            Writability other = writable ? WRITABLE : READ_ONLY;
            return this == other ? this : MIXED;
        }
    }

    /**
     * A definition the device reported.
     *
     * @param definitionPath the definition path ({@code {i}} for instances; objects end with a dot)
     * @param object whether it is an object
     * @param writability the writability the device reported
     * @param type the xsd type of the values the device reported, if any
     * @param kind whether the standard model defines it, and if not whether it is a vendor extension
     * @param occurrences how many instances of it the device reported
     */
    public record ReportedDefinition(String definitionPath, boolean object, Writability writability,
            Optional<String> type, DefinitionKind kind, int occurrences) {
        public ReportedDefinition {
            Objects.requireNonNull(definitionPath, "definitionPath");
            Objects.requireNonNull(writability, "writability");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(kind, "kind");
        }
    }

    private final DataModel standard;
    private final Map<String, ReportedDefinition> reported;

    private DeviceModel(DataModel standard, Map<String, ReportedDefinition> reported) {
        this.standard = standard;
        this.reported = reported;
    }

    /** The standard model alone, before the device reported anything. */
    public static DeviceModel standardOnly(DataModel standard) {
        return new DeviceModel(Objects.requireNonNull(standard, "standard"), Map.of());
    }

    /**
     * The overlay of what {@code tree} holds (entries whose writability was read) on {@code standard}.
     * Entries under another root than the model's are ignored.
     */
    public static DeviceModel of(DataModel standard, ParameterTree tree) {
        Objects.requireNonNull(standard, "standard");
        Map<String, ReportedDefinition> out = new HashMap<>();
        String root = standard.rootName();
        for (ParameterTree.Entry entry : tree.entries()) {
            if (entry.writable().isEmpty() || !entry.path().rootName().equals(root)) {
                continue;
            }
            String definition = entry.path().definitionPath();
            boolean writable = entry.writable().get();
            ReportedDefinition previous = out.get(definition);
            Optional<String> type = entry.type();
            if (previous == null) {
                out.put(definition, new ReportedDefinition(definition, entry.object(),
                        writable ? Writability.WRITABLE : Writability.READ_ONLY, type, standard.kindOf(definition), 1));
            } else {
                out.put(definition, new ReportedDefinition(definition, previous.object(),
                        previous.writability().with(writable), previous.type().or(() -> type), previous.kind(),
                        previous.occurrences() + 1));
            }
        }
        return new DeviceModel(standard, Collections.unmodifiableMap(out));
    }

    /** The standard model under the overlay. */
    public DataModel standard() {
        return standard;
    }

    /** What the device reported for the definition of {@code path}, if anything. */
    public Optional<ReportedDefinition> reported(ParameterPath path) {
        return Optional.ofNullable(reported.get(path.definitionPath()));
    }

    /** Whether the device reported the definition of {@code path} (any instance). */
    public boolean isReported(ParameterPath path) {
        return reported.containsKey(path.definitionPath());
    }

    /** The standard definition of a parameter path, if the standard has one. */
    public Optional<ParameterDefinition> definition(ParameterPath path) {
        return standard.findParameter(path);
    }

    /** Whether the standard defines the path, or it is a vendor extension, or an unknown name. */
    public DefinitionKind kindOf(ParameterPath path) {
        return standard.kindOf(path);
    }

    /**
     * Whether the ACS may set the parameter (or add/delete instances of the object): what the device
     * reported when every instance agrees, else the standard's access; false for a
     * {@link Writability#MIXED} definition (ask the tree for the instance) and for a name neither
     * reported nor standard.
     */
    public boolean isWritable(ParameterPath path) {
        ReportedDefinition r = reported.get(path.definitionPath());
        if (r != null) {
            return r.writability() == Writability.WRITABLE;
        }
        return standardWritable(path).orElse(false);
    }

    private Optional<Boolean> standardWritable(ParameterPath path) {
        if (path.isObjectPath()) {
            return standard.findObject(path).map(ObjectDefinition::isWritable);
        }
        return standard.findParameter(path).map(ParameterDefinition::isWritable);
    }

    /** Every reported definition, sorted by definition path. */
    public List<ReportedDefinition> reportedDefinitions() {
        return List.copyOf(new TreeMap<>(reported).values());
    }

    /** The reported definitions of one kind ({@link DefinitionKind#VENDOR}: the vendor extensions), sorted. */
    public List<ReportedDefinition> reportedDefinitions(DefinitionKind kind) {
        List<ReportedDefinition> out = new ArrayList<>();
        for (ReportedDefinition r : reportedDefinitions()) {
            if (r.kind() == kind) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The standard definitions whose reported writability differs from the standard's access (a
     * parameter the standard makes writable that the device reports read-only, or the other way), sorted.
     */
    public List<ReportedDefinition> writabilityDeviations() {
        List<ReportedDefinition> out = new ArrayList<>();
        for (ReportedDefinition r : reportedDefinitions()) {
            if (r.kind() != DefinitionKind.STANDARD) {
                continue;
            }
            Optional<Boolean> std = r.object()
                    ? standard.object(r.definitionPath()).or(() -> standard.table(r.definitionPath())).map(ObjectDefinition::isWritable)
                    : standard.parameter(r.definitionPath()).map(ParameterDefinition::isWritable);
            if (std.isPresent() && (r.writability() == Writability.MIXED
                    || (r.writability() == Writability.WRITABLE) != std.get())) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "DeviceModel[" + standard.modelName() + " + " + reported.size() + " reported definitions]";
    }
}
