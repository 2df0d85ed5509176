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
import dev.cwmp.session.DeviceId;
import dev.cwmp.testkit.harness.AcsHarness;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SessionRecord;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
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

    private final VirtualParameterScripts virtualParameters = VirtualParameterScripts.create();
    private final ProvisionScripts provisions = ProvisionScripts.create();
    @AutoClose
    private AcsHarness lab;
    private ProvisioningDriver driver;

    /** The engine with this test's scripts, behind our ACS, with the MikroTik powered on. */
    private void start(Preset... presets) {
        driver = ProvisioningDriver.builder(List.of(presets)).provisionLookup(provisions.asLookup())
                .virtualParameters(virtualParameters).build();
        lab = AcsHarness.builder().sessionDriver(driver).device(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL).start();
    }

    private ParameterTree.Entry saved(String path) {
        return lab.parameters().get(ParameterPath.parse(path)).orElseThrow();
    }

    private List<String> requestsNamingVirtualParameters() {
        return lab.sessions().stream().flatMap(r -> r.acsRequests().stream()).map(AcsMessage::toString)
                .filter(s -> s.contains("VirtualParameters")).toList();
    }

    private static Preset refresh(String name, String path) {
        return Preset.builder(name).provision("refresh", Literal.of(path)).build();
    }

    @Test
    void a_read_only_script_value_is_saved_in_the_tree_and_no_cpe_request_names_it() {
        virtualParameters.put("WanIp", WAN_IP_SCRIPT);
        start(refresh("wan", "VirtualParameters.WanIp"));

        assertThat(lab.lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
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
        lab.informNow();

        assertThat(saved("VirtualParameters.WanIp").value()).hasValue("10.20.30.45");
        assertThat(lab.device().value(SSID)).hasValue("wan-ten");
        assertThat(requestsNamingVirtualParameters()).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_writable_virtual_parameter_declared_with_a_value_hands_the_write_to_its_script() {
        virtualParameters.put("Identity", IDENTITY_SCRIPT);
        start(Preset.builder("identity").setValue("VirtualParameters.Identity", Literal.of("core-1")).build());

        assertThat(lab.device().value(IDENTITY)).hasValue("core-1");
        assertThat(lab.sessions().get(0).acsRequests()).filteredOn(SetParameterValues.class::isInstance)
                .flatMap(r -> ((SetParameterValues) r).parameterList())
                .extracting(v -> v.name() + "=" + v.value()).containsExactly(IDENTITY + "=core-1");
        ParameterTree.Entry identity = saved("VirtualParameters.Identity");
        assertThat(identity.value()).hasValue("core-1");
        assertThat(identity.writable()).hasValue(true);
        assertThat(requestsNamingVirtualParameters()).isEmpty();

        // It holds: the next session neither runs the write again nor asks anything.
        assertThat(lab.informNow().acsRequests()).isEmpty();
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

        assertThat(lab.device().value(IDENTITY)).hasValue("wan-45");
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

        assertThat(lab.lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(lab.device().value(SSID)).hasValue("office");
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("lab");
            assertThat(f.code()).isEqualTo("script");
            assertThat(f.message()).contains("Spin").contains("CPU time");
        });
        assertThat(lab.parameters().get(ParameterPath.parse("VirtualParameters.Spin")))
                .isEmpty();
    }
}
