package dev.cwmp.benchmarks.scripting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisionContext;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.session.DeviceId;

/**
 * The story's wifi provision as a GenieACS script and in Java, and a provision context over a
 * parameter tree that holds what they read (the steady state of a configured device: every run
 * reads, compares and declares, nothing is pending).
 */
public final class ScriptFixtures {

    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    static final String MAC = "Device.Ethernet.Interface.1.MACAddress";
    static final String SSID = "Device.WiFi.SSID.1.SSID";

    /** SSID = prefix + the last five hex digits of the MAC, then the periodic inform interval from args. */
    public static final String WIFI_SCRIPT = """
            const mac = declare("Device.Ethernet.Interface.1.MACAddress", {value: Date.now()}).value[0];
            const hex = mac.replace(/:/g, "");
            declare("Device.WiFi.SSID.1.SSID", null, {value: args[0] + hex.slice(-5)});
            declare("Device.ManagementServer.PeriodicInformInterval", {value: Date.now(3600000)}, {value: args[1]});
            """;

    public static final Provision WIFI_JAVA = (ctx, args) -> {
        List<ParameterTree.Entry> mac = ctx.declare(MAC, Timestamps.value(ctx.now()), Values.none());
        ctx.commit();
        String hex = mac.get(0).value().orElseThrow().replace(":", "");
        ctx.declare(SSID, Timestamps.none(), Values.value(args.get(0) + hex.substring(hex.length() - 5)));
        ctx.declare("Device.ManagementServer.PeriodicInformInterval", Timestamps.value(ctx.now().minusSeconds(600)),
                Values.value(args.get(1)));
    };

    public static final List<Object> ARGS = List.of("test_", 300L);

    private ScriptFixtures() {}

    /** A context whose tree holds the MAC, the SSID and the interval, read now. */
    public static ProvisionContext context() {
        ParameterTree tree = new ParameterTree();
        put(tree, MAC, "E4:8D:8C:61:31:E4", "xsd:string");
        put(tree, SSID, "test_131E4", "xsd:string");
        put(tree, "Device.ManagementServer.PeriodicInformInterval", "300", "xsd:unsignedInt");
        return new TreeContext(tree);
    }

    private static void put(ParameterTree tree, String path, String value, String type) {
        ParameterPath p = ParameterPath.parse(path);
        tree.mergeNames(p, false, List.of(new ParameterTree.NameInfo(p, true)), NOW);
        tree.mergeValues(List.of(new ParameterTree.ValueInfo(p, value, Optional.of(type))), NOW);
    }

    /** Declarations answer from the tree; the rest is not used by the fixtures. */
    private record TreeContext(ParameterTree tree) implements ProvisionContext {
        @Override
        public DeviceId deviceId() {
            return DEVICE;
        }

        @Override
        public Instant now() {
            return NOW;
        }

        @Override
        public List<ParameterTree.Entry> declare(String path, Timestamps timestamps, Values values) {
            return tree.query(ParameterPath.parse(path));
        }

        @Override
        public void clear(String path, Instant time) {}

        @Override
        public void commit() {}

        @Override
        public Object ext(String name, List<Object> args) {
            throw new UnsupportedOperationException(name);
        }

        @Override
        public void log(String message) {}

        @Override
        public Set<String> tags() {
            return Set.of();
        }

        @Override
        public void tag(String tag, boolean present) {}

        @Override
        public void reboot() {}

        @Override
        public void factoryReset() {}

        @Override
        public void download(String fileType, String url, String targetFileName) {}
    }
}
