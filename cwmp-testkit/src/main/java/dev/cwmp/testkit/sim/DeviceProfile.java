package dev.cwmp.testkit.sim;

import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.DataModelException;
import dev.cwmp.datamodel.ObjectDefinition;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.datamodel.dump.GenieacsSimCsv;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.testkit.internal.sim.DeviceParameters;
import dev.cwmp.testkit.internal.sim.ProfileTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A device model the simulator can run: every object and parameter with its type, writability and
 * default value, the identity of the model and how it takes firmware. Immutable and shared by every
 * simulated device of the model (each device keeps only what differs).
 *
 * <p>From a genieacs-sim dump ({@link #fromGenieacsCsv(Path)}, both column layouts), from a standard
 * data model's defaults ({@link #fromDataModel(DataModel, DeviceIdStruct)}), or the MikroTik
 * RouterOS device shipped with the test kit ({@link #mikrotikRb951Ui2HnD()}).
 */
public final class DeviceProfile {

    private static final String MIKROTIK_RESOURCE = "mikrotik-rb951ui-2hnd.csv";

    private final String name;
    private final ProfileTable table;
    private final DeviceIdStruct identity;
    private final FirmwareFormat firmwareFormat;

    private DeviceProfile(String name, ProfileTable table, DeviceIdStruct identity, FirmwareFormat firmwareFormat) {
        this.name = name;
        this.table = table;
        this.identity = identity;
        this.firmwareFormat = firmwareFormat;
    }

    /**
     * The MikroTik RB951Ui-2HnD running RouterOS 6.40.5 (TR-181 with {@code X_MIKROTIK_} parameters,
     * OUI E48D8C), which takes firmware as RouterOS does ({@link FirmwareFormat#ROUTEROS_PACKAGE_LIST}).
     */
    public static DeviceProfile mikrotikRb951Ui2HnD() {
        return MikrotikHolder.PROFILE;
    }

    private static final class MikrotikHolder {
        static final DeviceProfile PROFILE = loadMikrotik();

        private static DeviceProfile loadMikrotik() {
            try (InputStream in = DeviceProfile.class.getResourceAsStream(MIKROTIK_RESOURCE)) {
                if (in == null) {
                    throw new SimulatorException("resource missing: " + MIKROTIK_RESOURCE);
                }
                return fromGenieacsCsv(new InputStreamReader(in, StandardCharsets.UTF_8), "MikroTik RB951Ui-2HnD")
                        .withFirmwareFormat(FirmwareFormat.ROUTEROS_PACKAGE_LIST);
            } catch (IOException e) {
                throw new SimulatorException("cannot read " + MIKROTIK_RESOURCE, e);
            }
        }
    }

    /** A profile from a genieacs-sim dump file (UTF-8, either column layout). */
    public static DeviceProfile fromGenieacsCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromGenieacsCsv(reader, file.getFileName().toString());
        }
    }

    /**
     * A profile from a genieacs-sim dump read from {@code reader} (not closed).
     *
     * @throws SimulatorException when the dump is malformed or names no device identity
     */
    public static DeviceProfile fromGenieacsCsv(Reader reader, String name) throws IOException {
        GenieacsSimCsv.Dump dump;
        try {
            dump = GenieacsSimCsv.read(reader);
        } catch (DataModelException e) {
            throw new SimulatorException(name + ": " + e.getMessage(), e);
        }
        return fromDump(dump, name);
    }

    /** A profile from a dump already read. */
    public static DeviceProfile fromDump(GenieacsSimCsv.Dump dump, String name) {
        Objects.requireNonNull(dump, "dump");
        List<ProfileTable.Node> rows = new ArrayList<>(dump.rows().size());
        for (GenieacsSimCsv.Row row : dump.rows()) {
            XsdType type = row.object() ? XsdType.UNSPECIFIED : XsdType.fromWireName(row.valueType().orElse(null));
            rows.add(new ProfileTable.Node(row.path().toString(), row.object(), row.writable(), false, false,
                    type == XsdType.UNSPECIFIED && !row.object() ? XsdType.STRING : type, row.value(),
                    row.notification().orElse(0)));
        }
        if (rows.isEmpty()) {
            throw new SimulatorException(name + ": the dump has no data-model rows");
        }
        ProfileTable table = ProfileTable.of(rows);
        DeviceIdStruct identity = identityOf(dump, table, name);
        return new DeviceProfile(name, table, identity, FirmwareFormat.VERSION_IN_FILE_NAME);
    }

    private static DeviceIdStruct identityOf(GenieacsSimCsv.Dump dump, ProfileTable table, String name) {
        String info = table.rootName() + ".DeviceInfo.";
        String manufacturer = dump.identity().getOrDefault("Manufacturer", value(table, info + "Manufacturer"));
        String oui = dump.identity().getOrDefault("OUI", value(table, info + "ManufacturerOUI"));
        String productClass = dump.identity().getOrDefault("ProductClass", value(table, info + "ProductClass"));
        String serial = dump.identity().getOrDefault("SerialNumber", value(table, info + "SerialNumber"));
        if (oui.isEmpty() || serial.isEmpty()) {
            throw new SimulatorException(name + ": no device identity (DeviceID rows or DeviceInfo.ManufacturerOUI/SerialNumber)");
        }
        return new DeviceIdStruct(manufacturer, oui, productClass, serial);
    }

    private static String value(ProfileTable table, String path) {
        return table.find(path).map(ProfileTable.Node::value).orElse("");
    }

    /**
     * A profile with every object and parameter of a standard model that is not inside a table, with the
     * model's default values (or empty, zero, false), and the given identity.
     */
    public static DeviceProfile fromDataModel(DataModel model, DeviceIdStruct identity) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(identity, "identity");
        List<ProfileTable.Node> rows = new ArrayList<>();
        for (ObjectDefinition o : model.objects()) {
            if (!o.path().contains("{i}")) {
                rows.add(new ProfileTable.Node(o.path(), true, false, false, false, XsdType.UNSPECIFIED, "", 0));
            } else if (o.multiInstance() && o.path().indexOf("{i}") == o.path().length() - 4) {
                String tablePath = o.path().substring(0, o.path().length() - 4);
                rows.add(new ProfileTable.Node(tablePath, true, o.isWritable(), false, false, XsdType.UNSPECIFIED, "", 0));
            }
        }
        String info = model.rootName() + ".DeviceInfo.";
        for (ParameterDefinition p : model.parameters()) {
            if (p.path().contains("{i}")) {
                continue;
            }
            XsdType type = XsdType.fromWireName(p.type().xsdType());
            String value = p.defaultValue().map(ParameterDefinition.DefaultValue::value)
                    .orElse(DeviceParameters.initialValue(type));
            if (p.path().equals(info + "Manufacturer")) {
                value = identity.manufacturer();
            } else if (p.path().equals(info + "ManufacturerOUI")) {
                value = identity.oui();
            } else if (p.path().equals(info + "ProductClass")) {
                value = identity.productClass();
            } else if (p.path().equals(info + "SerialNumber")) {
                value = identity.serialNumber();
            }
            rows.add(new ProfileTable.Node(p.path(), false, p.isWritable(), false, p.isSecret(), type, value, 0));
        }
        return new DeviceProfile(model.modelName(), ProfileTable.of(rows), identity, FirmwareFormat.VERSION_IN_FILE_NAME);
    }

    /** This profile, taking firmware in another format. */
    public DeviceProfile withFirmwareFormat(FirmwareFormat format) {
        return new DeviceProfile(name, table, identity, Objects.requireNonNull(format, "format"));
    }

    /** A name for logs, e.g. the dump's file name. */
    public String name() {
        return name;
    }

    /** The model's identity; each simulated device replaces the serial number with its own. */
    public DeviceIdStruct identity() {
        return identity;
    }

    /** How the model takes firmware images. */
    public FirmwareFormat firmwareFormat() {
        return firmwareFormat;
    }

    /** The root object, {@code Device} or {@code InternetGatewayDevice}. */
    public String rootName() {
        return table.rootName();
    }

    /** How many parameters (leaves) the model has. */
    public int parameterCount() {
        return table.parameterCount();
    }

    /** How many objects and parameters the model has. */
    public int size() {
        return table.size();
    }

    /** The default value of a parameter, if the model has it. */
    public Optional<String> defaultValue(String path) {
        return table.find(path).filter(n -> !n.object()).map(ProfileTable.Node::value);
    }

    /** Whether the model lets the ACS write the parameter (or add and delete instances of the object). */
    public Optional<Boolean> isWritable(String path) {
        return table.find(path).map(ProfileTable.Node::writable);
    }

    ProfileTable table() {
        return table;
    }

    @Override
    public String toString() {
        return "DeviceProfile[" + name + ", " + table.rootName() + ", " + table.size() + " nodes]";
    }
}
