package dev.cwmp.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.session.DeviceId;
import dev.cwmp.testkit.harness.AcsHarness;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SessionRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The story's provisions as GenieACS scripts, in the provision engine over real HTTP against the
 * simulated MikroTik: the same requests and the same device as with the Java provisions.
 */
class ScriptedProvisioningDriverTest {

    private static final String SERIAL = "4AC7046131E4";
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL);
    private static final String SSID = "Device.WiFi.SSID.1.SSID";
    private static final String FIRMWARE_URL = "http://127.0.0.1:9/routeros-6.49.xml";

    /** The story's wifi provision: SSID = prefix + the last five hex digits of the MAC. */
    static final String WIFI_SCRIPT = """
            const mac = declare("Device.Ethernet.Interface.1.MACAddress", {value: Date.now()}).value[0];
            const hex = mac.replace(/:/g, "");
            declare("Device.WiFi.SSID.1.SSID", null, {value: args[0] + hex.slice(-5)});
            """;

    static final Provision WIFI_JAVA = (ctx, args) -> {
        List<ParameterTree.Entry> mac = ctx.declare("Device.Ethernet.Interface.1.MACAddress",
                Timestamps.value(ctx.now()), Values.none());
        ctx.commit();
        String hex = mac.get(0).value().orElseThrow().replace(":", "");
        ctx.declare(SSID, Timestamps.none(), Values.value(args.get(0) + hex.substring(hex.length() - 5)));
    };

    /** The story's upgrade provision: the firmware when the device runs an older version than args[0]. */
    static final String UPGRADE_SCRIPT = """
            const version = declare("Device.DeviceInfo.SoftwareVersion", {value: Date.now()}).value[0];
            function older(a, b) {
              const x = a.split("."), y = b.split(".");
              for (let i = 0; i < Math.max(x.length, y.length); i++) {
                const d = (parseInt(x[i], 10) || 0) - (parseInt(y[i], 10) || 0);
                if (d !== 0) return d < 0;
              }
              return false;
            }
            if (older(version, args[0])) {
              declare("Downloads.[FileType:1 Firmware Upgrade Image]", {path: 1}, {path: 1});
              declare("Downloads.[FileType:1 Firmware Upgrade Image].URL", {value: 1}, {value: args[1]});
              declare("Downloads.[FileType:1 Firmware Upgrade Image].Download", {value: 1}, {value: Date.now()});
            }
            """;

    static final Provision UPGRADE_JAVA = (ctx, args) -> {
        List<ParameterTree.Entry> version = ctx.declare("Device.DeviceInfo.SoftwareVersion",
                Timestamps.value(ctx.now()), Values.none());
        ctx.commit();
        if (older(version.get(0).value().orElseThrow(), (String) args.get(0))) {
            ctx.download("1 Firmware Upgrade Image", (String) args.get(1), "");
        }
    };

    private static boolean older(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = number(x, i) - number(y, i);
            if (d != 0) {
                return d < 0;
            }
        }
        return false;
    }

    private static int number(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i].replaceAll("\\D.*", "")) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private final List<AcsHarness> running = new ArrayList<>();

    /** A driver behind its own ACS ({@code lab}), with the MikroTik powered on. */
    private record Running(ProvisioningDriver driver, AcsHarness lab) {
    }

    private Running run(ProvisioningDriver.Builder builder) {
        ProvisioningDriver driver = builder.build();
        AcsHarness lab = AcsHarness.builder().sessionDriver(driver).device(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL)
                .start();
        running.add(lab);
        return new Running(driver, lab);
    }

    @AfterEach
    void stop() {
        running.forEach(AcsHarness::close);
    }

    private Running withJava(Preset preset, String name, Provision provision) {
        return run(ProvisioningDriver.builder(List.of(preset)).provision(name, provision));
    }

    private Running withScript(Preset preset, String name, String source) {
        ProvisionScripts scripts = ProvisionScripts.create();
        scripts.put(name, source);
        return run(ProvisioningDriver.builder(List.of(preset)).provisionLookup(scripts.asLookup()));
    }

    @Test
    void the_wifi_script_sets_the_same_ssid_with_the_same_requests_as_the_java_provision() {
        Preset preset = Preset.builder("21 PROVISIONING - WIFI").channel("wifi")
                .provision("wifi", Literal.of("test_")).build();
        Running java = withJava(preset, "wifi", WIFI_JAVA);
        Running script = withScript(preset, "wifi", WIFI_SCRIPT);

        assertThat(script.lab().device().value(SSID)).hasValue("test_131E4")
                .isEqualTo(java.lab().device().value(SSID));
        assertThat(script.lab().lastSession().acsMethodNames()).isEqualTo(java.lab().lastSession().acsMethodNames())
                .contains("SetParameterValues");
        assertThat(script.lab().lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(script.lab().informNow().acsMethodNames()).isEqualTo(java.lab().informNow().acsMethodNames())
                .doesNotContain("SetParameterValues");
        assertThat(script.driver().faults(ID)).isEmpty();
    }

    @Test
    void the_upgrade_script_asks_for_the_same_download_as_the_java_provision() {
        Preset preset = Preset.builder("10 UPGRADING").channel("upgrade")
                .provision("upgrade", Literal.of("6.49"), Literal.of(FIRMWARE_URL)).build();
        Running java = withJava(preset, "upgrade", UPGRADE_JAVA);
        Running script = withScript(preset, "upgrade", UPGRADE_SCRIPT);

        // The first session carries the Download; the simulated device then reports on it in later ones.
        SessionRecord scriptFirst = script.lab().sessions().get(0);
        SessionRecord javaFirst = java.lab().sessions().get(0);
        assertThat(scriptFirst.acsMethodNames()).isEqualTo(javaFirst.acsMethodNames()).endsWith("Download");
        Download scripted = scriptFirst.acsRequestsOf(Download.class).get(0);
        Download reference = javaFirst.acsRequestsOf(Download.class).get(0);
        assertThat(scripted.fileType()).isEqualTo(reference.fileType()).isEqualTo("1 Firmware Upgrade Image");
        assertThat(scripted.url()).isEqualTo(reference.url()).isEqualTo(FIRMWARE_URL);
        assertThat(scripted.targetFileName()).isEqualTo(reference.targetFileName());
        // Nothing serves the firmware here: both record the device's failed download, and nothing else.
        assertThat(script.driver().faults(ID)).extracting(f -> f.channel() + " " + f.code())
                .isEqualTo(java.driver().faults(ID).stream().map(f -> f.channel() + " " + f.code()).toList())
                .containsExactly("upgrade download.9015");
    }

    @Test
    void a_device_already_on_the_version_gets_no_download_from_the_script() {
        Preset preset = Preset.builder("10 UPGRADING").provision("upgrade", Literal.of("6.40"),
                Literal.of(FIRMWARE_URL)).build();
        Running script = withScript(preset, "upgrade", UPGRADE_SCRIPT);
        // SoftwareVersion came with the Inform: read in this session already, nothing to ask.
        assertThat(script.lab().sessions())
                .allSatisfy(r -> assertThat(r.acsMethodNames()).doesNotContain("Download"));
        assertThat(script.driver().faults(ID)).isEmpty();
    }

    @Test
    void a_runaway_script_becomes_a_fault_on_its_channel_and_the_session_ends() {
        Preset hostile = Preset.builder("hostile").channel("lab").provision("spin").build();
        Preset fine = Preset.builder("fine").setValue(SSID, Literal.of("office")).build();
        ProvisionScripts scripts = ProvisionScripts.create();
        scripts.put("spin", "declare('Device.WiFi.SSID.1.SSID', {value: 1}); while (true) {}");
        Running run = run(ProvisioningDriver.builder(List.of(hostile, fine))
                .provisionLookup(scripts.asLookup()));

        assertThat(run.lab().lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(run.driver().faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("lab");
            assertThat(f.code()).isEqualTo("script");
            assertThat(f.message()).contains("CPU time");
        });
    }
}
