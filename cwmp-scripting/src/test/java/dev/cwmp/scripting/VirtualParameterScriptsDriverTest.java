package dev.cwmp.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.provisioning.Configuration;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.ProvisioningDriver;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Virtual parameter scripts in the provision engine ({@code ProvisioningDriver.Builder#virtualParameters}),
 * over real HTTP against the simulated MikroTik: their values land in the device's tree, their
 * declarations of real parameters reach the CPE, and {@code VirtualParameters.*} never does.
 */
class VirtualParameterScriptsDriverTest {

    private static final String SERIAL = "4AC7046131E4";
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL);
    private static final String IDENTITY = "Device.DeviceInfo.X_MIKROTIK_SystemIdentity";
    private static final String SSID = "Device.WiFi.SSID.1.SSID";

    /** The WAN address, read from the device at most an hour old. */
    private static final String WAN_IP_SCRIPT = """
            const ip = declare("Device.IP.Interface.2.IPv4Address.1.IPAddress", {value: Date.now(3600000)});
            return {writable: false, value: [ip.value[0], "xsd:string"]};
            """;

    /** The router's identity: a write sets the real parameter, a read reads it. */
    private static final String IDENTITY_SCRIPT = """
            const path = "Device.DeviceInfo.X_MIKROTIK_SystemIdentity";
            if (args[1].value) {
              declare(path, null, {value: args[1].value[0]});
              return {writable: true, value: [args[1].value[0], "xsd:string"]};
            }
            return {writable: true, value: [declare(path, {value: args[0].value || 1}).value[0], "xsd:string"]};
            """;

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
    private final VirtualParameterScripts virtualParameters = VirtualParameterScripts.create();
    private final ProvisionScripts provisions = ProvisionScripts.create();
    private ProvisioningDriver driver;
    private Acs acs;
    private JdkHttpTransport http;
    private Simulator simulator;
    private SimulatedDevice cpe;

    private void start(Preset... presets) {
        driver = ProvisioningDriver.builder(List.of(presets)).provisionLookup(provisions.asLookup())
                .virtualParameters(virtualParameters).build();
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(driver).clock(scheduler).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        simulator = Simulator.builder(URI.create("http://127.0.0.1:" + http.port() + "/"))
                .scheduler(scheduler).executor(Runnable::run).listener(sessions::add).noConnectionRequests().build();
        cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        cpe.powerOn();
        scheduler.runDue();
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
            http.close();
            acs.close();
            driver.close();
        }
    }

    private SessionRecord lastSession() {
        assertThat(sessions).isNotEmpty();
        return sessions.get(sessions.size() - 1);
    }

    private SessionRecord informAgain() {
        int before = sessions.size();
        cpe.informNow();
        scheduler.runDue();
        assertThat(sessions).hasSizeGreaterThan(before);
        return lastSession();
    }

    private ParameterTree.Entry saved(String path) {
        return acs.devices().parameters(ID).orElseThrow().get(ParameterPath.parse(path)).orElseThrow();
    }

    private List<String> requestsNamingVirtualParameters() {
        return sessions.stream().flatMap(r -> r.acsRequests().stream()).map(AcsMessage::toString)
                .filter(s -> s.contains("VirtualParameters")).toList();
    }

    private static Preset refresh(String name, String path) {
        return Preset.builder(name).provision("refresh", Literal.of(path)).build();
    }

    @Test
    void a_read_only_script_value_is_saved_in_the_tree_and_no_cpe_request_names_it() {
        virtualParameters.put("WanIp", WAN_IP_SCRIPT);
        start(refresh("wan", "VirtualParameters.WanIp"));

        assertThat(lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        ParameterTree.Entry wanIp = saved("VirtualParameters.WanIp");
        assertThat(wanIp.value()).hasValue("10.20.30.45");
        assertThat(wanIp.type()).hasValue("xsd:string");
        assertThat(wanIp.writable()).hasValue(false);
        assertThat(requestsNamingVirtualParameters()).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_precondition_on_a_script_value_selects_a_preset() {
        virtualParameters.put("WanIp", WAN_IP_SCRIPT);
        Preset wan = Preset.builder("wan").precondition("VirtualParameters.WanIp LIKE \"10.%\"")
                .setValue(SSID, Literal.of("wan-ten")).build();
        start(refresh("compute", "VirtualParameters.*"), wan);
        informAgain();

        assertThat(saved("VirtualParameters.WanIp").value()).hasValue("10.20.30.45");
        assertThat(cpe.value(SSID)).hasValue("wan-ten");
        assertThat(requestsNamingVirtualParameters()).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_writable_virtual_parameter_declared_with_a_value_hands_the_write_to_its_script() {
        virtualParameters.put("Identity", IDENTITY_SCRIPT);
        start(Preset.builder("identity").setValue("VirtualParameters.Identity", Literal.of("core-1")).build());

        assertThat(cpe.value(IDENTITY)).hasValue("core-1");
        assertThat(sessions.get(0).acsRequests()).filteredOn(SetParameterValues.class::isInstance)
                .flatMap(r -> ((SetParameterValues) r).parameterList())
                .extracting(v -> v.name() + "=" + v.value()).containsExactly(IDENTITY + "=core-1");
        ParameterTree.Entry identity = saved("VirtualParameters.Identity");
        assertThat(identity.value()).hasValue("core-1");
        assertThat(identity.writable()).hasValue(true);
        assertThat(requestsNamingVirtualParameters()).isEmpty();

        // It holds: the next session neither runs the write again nor asks anything.
        assertThat(informAgain().acsRequests()).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_provision_script_reads_a_virtual_parameter_by_declaring_it() {
        virtualParameters.put("WanIp", WAN_IP_SCRIPT);
        virtualParameters.put("Identity", IDENTITY_SCRIPT);
        provisions.put("name-by-wan", """
                const ip = declare("VirtualParameters.WanIp", {value: Date.now()}).value[0];
                declare("VirtualParameters.Identity", null, {value: "wan-" + ip.split(".").pop()});
                """);
        start(Preset.builder("name").provision("name-by-wan").build());

        assertThat(cpe.value(IDENTITY)).hasValue("wan-45");
        assertThat(saved("VirtualParameters.Identity").value()).hasValue("wan-45");
        assertThat(requestsNamingVirtualParameters()).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_looping_virtual_parameter_script_is_a_script_fault_on_the_channel() {
        virtualParameters.put("Spin", "while (true) {}");
        Preset spin = Preset.builder("spin").channel("lab")
                .configuration(new Configuration.Age("VirtualParameters.Spin", 0)).build();
        Preset fine = Preset.builder("fine").setValue(SSID, Literal.of("office")).build();
        start(spin, fine);

        assertThat(lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(cpe.value(SSID)).hasValue("office");
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("lab");
            assertThat(f.code()).isEqualTo("script");
            assertThat(f.message()).contains("Spin").contains("CPU time");
        });
        assertThat(acs.devices().parameters(ID).orElseThrow().get(ParameterPath.parse("VirtualParameters.Spin")))
                .isEmpty();
    }
}
