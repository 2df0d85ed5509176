package dev.cwmp.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final List<Running> running = new ArrayList<>();

    private final class Running {
        final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
        final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
        final ProvisioningDriver driver;
        final Acs acs;
        final JdkHttpTransport http;
        final Simulator simulator;
        final SimulatedDevice cpe;

        Running(ProvisioningDriver.Builder builder) {
            running.add(this);
            driver = builder.build();
            acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(driver).clock(scheduler).build();
            http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
            simulator = Simulator.builder(URI.create("http://127.0.0.1:" + http.port() + "/"))
                    .scheduler(scheduler).executor(Runnable::run).listener(sessions::add).noConnectionRequests().build();
            cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
            cpe.powerOn();
            scheduler.runDue();
        }

        SessionRecord last() {
            assertThat(sessions).isNotEmpty();
            return sessions.get(sessions.size() - 1);
        }

        SessionRecord informAgain() {
            int before = sessions.size();
            cpe.informNow();
            scheduler.runDue();
            assertThat(sessions).hasSizeGreaterThan(before);
            return last();
        }

        void close() {
            simulator.close();
            http.close();
            acs.close();
            driver.close();
        }
    }

    @AfterEach
    void stop() {
        running.forEach(Running::close);
    }

    private static List<String> methods(SessionRecord session) {
        return session.acsRequests().stream().map(AcsMessage::methodName).toList();
    }

    private static Download download(SessionRecord session) {
        return session.acsRequests().stream().filter(Download.class::isInstance).map(Download.class::cast)
                .findFirst().orElseThrow();
    }

    private Running withJava(Preset preset, String name, Provision provision) {
        return new Running(ProvisioningDriver.builder(List.of(preset)).provision(name, provision));
    }

    private Running withScript(Preset preset, String name, String source) {
        ProvisionScripts scripts = ProvisionScripts.create();
        scripts.put(name, source);
        return new Running(ProvisioningDriver.builder(List.of(preset)).provisionLookup(scripts.asLookup()));
    }

    @Test
    void the_wifi_script_sets_the_same_ssid_with_the_same_requests_as_the_java_provision() {
        Preset preset = Preset.builder("21 PROVISIONING - WIFI").channel("wifi")
                .provision("wifi", Literal.of("test_")).build();
        Running java = withJava(preset, "wifi", WIFI_JAVA);
        Running script = withScript(preset, "wifi", WIFI_SCRIPT);

        assertThat(script.cpe.value(SSID)).hasValue("test_131E4").isEqualTo(java.cpe.value(SSID));
        assertThat(methods(script.last())).isEqualTo(methods(java.last())).contains("SetParameterValues");
        assertThat(script.last().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(methods(script.informAgain())).isEqualTo(methods(java.informAgain()))
                .doesNotContain("SetParameterValues");
        assertThat(script.driver.faults(ID)).isEmpty();
    }

    @Test
    void the_upgrade_script_asks_for_the_same_download_as_the_java_provision() {
        Preset preset = Preset.builder("10 UPGRADING").channel("upgrade")
                .provision("upgrade", Literal.of("6.49"), Literal.of(FIRMWARE_URL)).build();
        Running java = withJava(preset, "upgrade", UPGRADE_JAVA);
        Running script = withScript(preset, "upgrade", UPGRADE_SCRIPT);

        // The first session carries the Download; the simulated device then reports on it in later ones.
        SessionRecord scriptFirst = script.sessions.get(0);
        SessionRecord javaFirst = java.sessions.get(0);
        assertThat(methods(scriptFirst)).isEqualTo(methods(javaFirst)).endsWith("Download");
        Download scripted = download(scriptFirst);
        Download reference = download(javaFirst);
        assertThat(scripted.fileType()).isEqualTo(reference.fileType()).isEqualTo("1 Firmware Upgrade Image");
        assertThat(scripted.url()).isEqualTo(reference.url()).isEqualTo(FIRMWARE_URL);
        assertThat(scripted.targetFileName()).isEqualTo(reference.targetFileName());
        // Nothing serves the firmware here: both record the device's failed download, and nothing else.
        assertThat(script.driver.faults(ID)).extracting(f -> f.channel() + " " + f.code())
                .isEqualTo(java.driver.faults(ID).stream().map(f -> f.channel() + " " + f.code()).toList())
                .containsExactly("upgrade download.9015");
    }

    @Test
    void a_device_already_on_the_version_gets_no_download_from_the_script() {
        Preset preset = Preset.builder("10 UPGRADING").provision("upgrade", Literal.of("6.40"),
                Literal.of(FIRMWARE_URL)).build();
        Running script = withScript(preset, "upgrade", UPGRADE_SCRIPT);
        // SoftwareVersion came with the Inform: read in this session already, nothing to ask.
        assertThat(script.sessions).allSatisfy(r -> assertThat(methods(r)).doesNotContain("Download"));
        assertThat(script.driver.faults(ID)).isEmpty();
    }

    @Test
    void a_runaway_script_becomes_a_fault_on_its_channel_and_the_session_ends() {
        Preset hostile = Preset.builder("hostile").channel("lab").provision("spin").build();
        Preset fine = Preset.builder("fine").setValue(SSID, Literal.of("office")).build();
        ProvisionScripts scripts = ProvisionScripts.create();
        scripts.put("spin", "declare('Device.WiFi.SSID.1.SSID', {value: 1}); while (true) {}");
        Running run = new Running(ProvisioningDriver.builder(List.of(hostile, fine))
                .provisionLookup(scripts.asLookup()));

        assertThat(run.last().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(run.driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("lab");
            assertThat(f.code()).isEqualTo("script");
            assertThat(f.message()).contains("CPU time");
        });
    }
}
