package dev.cwmp.benchmarks.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetSchedule;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.SessionContext;
import dev.cwmp.testkit.harness.FixedSessionContext;

/**
 * The preset evaluation benchmark's data: a device session (a TR-181 tree of about 600 parameters,
 * two tags, events {@code 1 BOOT} and {@code M Reboot}) and presets of which exactly ten apply to it.
 *
 * <p>Of the 990 that do not apply, two in five require an event the session lacks ({@code 4 VALUE
 * CHANGE}, {@code 7 TRANSFER COMPLETE}: the event index skips them) and three in five have a
 * precondition that is false or null for the device (absent tags, another product class, version
 * comparisons and LIKE, some behind {@code 1 BOOT}). The ten that apply use each kind of
 * precondition, one an event filter with a negation and one a daily schedule.
 */
public final class PresetFixtures {

    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private PresetFixtures() {}

    /** {@code count} presets (at least 10; multiple of 100 for exactly ten applicable). */
    public static List<Preset> presets(int count, boolean withEvents) {
        List<Preset> presets = new ArrayList<>(count);
        int applicable = 0;
        for (int i = 0; i < count; i++) {
            Preset.Builder b = Preset.builder(String.format("%04d preset", i)).weight(i % 50);
            b.setValue("Device.ManagementServer.PeriodicInformInterval", Literal.of(300 + i));
            b.provision("p" + (i % 7), Literal.of("arg"), Literal.of(i));
            boolean apply = count <= 10 || i % 100 == 7;
            if (apply) {
                applicable(b, applicable++ % 10, withEvents);
            } else {
                notApplicable(b, i, withEvents);
            }
            presets.add(b.build());
        }
        return presets;
    }

    private static void applicable(Preset.Builder b, int kind, boolean withEvents) {
        switch (kind) {
            case 0 -> b.precondition("DeviceID.ProductClass = 'HG8245'");
            case 1 -> b.precondition("Tags.region-eu");
            case 2 -> b.precondition("Device.DeviceInfo.SoftwareVersion LIKE 'V3R017%'");
            case 3 -> b.precondition("Device.DeviceInfo.UpTime > 60 AND Tags.fw-stable IS NOT NULL");
            case 4 -> b.precondition("Device.DeviceInfo.Manufacturer = 'Huawei'");
            case 5 -> b.precondition("Device.WiFi.SSID.1.SSID = 'home' OR Device.WiFi.SSID.2.SSID = 'guest'");
            case 6 -> b.precondition("DeviceID.OUI = '48575443' AND Tags.quarantine IS NULL");
            case 7 -> b.precondition("Device.Hosts.Host.*.InterfaceType = 'Ethernet'");
            case 8 -> b.precondition("Device.ManagementServer.PeriodicInformInterval <= 3600");
            default -> b.schedule(PresetSchedule.parse("86400 0 0 0 * * *"));
        }
        if (withEvents && kind == 0) {
            b.events("1 BOOT");
        } else if (withEvents && kind == 4) {
            b.events("1 BOOT, -0 BOOTSTRAP");
        } else if (withEvents && kind == 7) {
            b.events("M Reboot");
        }
    }

    private static void notApplicable(Preset.Builder b, int i, boolean withEvents) {
        switch (i % 5) {
            case 0 -> {
                b.precondition("Tags.vc-" + i);
                if (withEvents) {
                    b.events("4 VALUE CHANGE");
                }
            }
            case 1 -> {
                b.precondition("Device.DeviceInfo.HardwareVersion = 'HW" + i + "'");
                if (withEvents) {
                    b.events("7 TRANSFER COMPLETE, M Download");
                }
            }
            case 2 -> b.precondition("Tags.customer-" + i);
            case 3 -> b.precondition("DeviceID.ProductClass = 'Model-" + i
                    + "' AND Device.DeviceInfo.SoftwareVersion LIKE 'V" + i + "%'");
            default -> {
                b.precondition("Device.DeviceInfo.SoftwareVersion = 'V" + i + "' OR Tags.batch-" + i);
                if (withEvents) {
                    b.events("1 BOOT");
                }
            }
        }
    }

    /** The device's session. */
    public static SessionContext session() {
        DeviceId id = new DeviceId("48575443", "HG8245", "4857544300000001");
        DeviceRecord record = DeviceRecord.registered(id, "Huawei", NOW).withTag("region-eu").withTag("fw-stable");
        return FixedSessionContext.builder(record).events("1 BOOT", "M Reboot").parameters(tree()).build();
    }

    private static ParameterTree tree() {
        List<ParameterTree.ValueInfo> values = new ArrayList<>();
        add(values, "Device.DeviceInfo.Manufacturer", "Huawei", "xsd:string");
        add(values, "Device.DeviceInfo.ModelName", "HG8245", "xsd:string");
        add(values, "Device.DeviceInfo.SoftwareVersion", "V3R017C10S115", "xsd:string");
        add(values, "Device.DeviceInfo.HardwareVersion", "10C7.A", "xsd:string");
        add(values, "Device.DeviceInfo.UpTime", "86400", "xsd:unsignedInt");
        add(values, "Device.ManagementServer.PeriodicInformInterval", "3600", "xsd:unsignedInt");
        add(values, "Device.ManagementServer.PeriodicInformEnable", "true", "xsd:boolean");
        add(values, "Device.ManagementServer.URL", "http://127.0.0.1:7547/", "xsd:string");
        for (int s = 1; s <= 8; s++) {
            String p = "Device.WiFi.SSID." + s + ".";
            add(values, p + "SSID", s == 1 ? "home" : "ssid-" + s, "xsd:string");
            add(values, p + "Enable", s <= 2 ? "true" : "false", "xsd:boolean");
            add(values, p + "Status", "Up", "xsd:string");
            add(values, p + "BSSID", "00:11:22:33:44:0" + s, "xsd:string");
            add(values, p + "MACAddress", "00:11:22:33:44:0" + s, "xsd:string");
        }
        for (int h = 1; h <= 100; h++) {
            String p = "Device.Hosts.Host." + h + ".";
            add(values, p + "IPAddress", "192.168.1." + (h + 1), "xsd:string");
            add(values, p + "PhysAddress", String.format("aa:bb:cc:dd:ee:%02x", h), "xsd:string");
            add(values, p + "HostName", "host-" + h, "xsd:string");
            add(values, p + "Active", h % 3 == 0 ? "true" : "false", "xsd:boolean");
            add(values, p + "LeaseTimeRemaining", Integer.toString(h * 60), "xsd:int");
            add(values, p + "InterfaceType", "Ethernet", "xsd:string");
        }
        ParameterTree tree = new ParameterTree();
        tree.mergeValues(values, NOW);
        return tree;
    }

    private static void add(List<ParameterTree.ValueInfo> values, String path, String value, String type) {
        values.add(new ParameterTree.ValueInfo(ParameterPath.parse(path), value, type));
    }
}
