package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.GetParameterValues;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Virtual parameters in the provision engine, against the simulated MikroTik over real HTTP on
 * loopback: computed by the source, kept in the device's tree, never asked of the CPE.
 */
class VirtualParametersDriverTest {

    private static final String SERIAL = "4AC7046131E4";
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL);
    private static final String WAN_IP = "Device.IP.Interface.2.IPv4Address.1.IPAddress";
    private static final String SSID = "Device.WiFi.SSID.1.SSID";
    private static final ParameterPath VP_WAN_IP = ParameterPath.parse("VirtualParameters.WanIp");

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
    private ProvisioningDriver driver;
    private Acs acs;
    private JdkHttpTransport http;
    private Simulator simulator;
    private SimulatedDevice cpe;

    /** {@code VirtualParameters.WanIp}: the WAN interface's address, read from the CPE when older than the declaration asks. */
    private static final class WanIpSource implements VirtualParameterSource {
        final AtomicInteger evaluations = new AtomicInteger();

        @Override
        public Optional<VirtualParameterValue> evaluate(String name, ProvisionContext context, Timestamps timestamps,
                Values values) {
            if (!name.equals("WanIp")) {
                return Optional.empty();
            }
            evaluations.incrementAndGet();
            List<ParameterTree.Entry> ip = context.declare(WAN_IP,
                    Timestamps.value(timestamps.value().orElse(context.now())), Values.none());
            context.commit();
            return Optional.of(new VirtualParameterValue(false, ip.get(0).value(), "xsd:string"));
        }

        @Override
        public List<String> names() {
            return List.of("WanIp");
        }
    }

    private void start(ProvisioningDriver.Builder builder) {
        driver = builder.build();
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

    private ParameterTree savedTree() {
        return acs.devices().parameters(ID).orElseThrow();
    }

    /** The parameters under {@code VirtualParameters.} in the saved tree. */
    private List<ParameterTree.Entry> savedVirtualParameters() {
        return savedTree().query(ParameterPath.parse("VirtualParameters.")).stream().filter(e -> !e.object()).toList();
    }

    private static List<String> requestsNaming(String text, List<SessionRecord> records) {
        return records.stream().flatMap(r -> r.acsRequests().stream()).map(AcsMessage::toString)
                .filter(s -> s.contains(text)).toList();
    }

    private static Preset computeEvery(String path, Duration age) {
        return Preset.builder("compute " + path).configuration(new Configuration.Age(path, age.toSeconds())).build();
    }

    @Test
    void a_read_only_virtual_parameter_is_saved_in_the_tree_with_its_type_and_never_asked_of_the_cpe() {
        WanIpSource source = new WanIpSource();
        start(ProvisioningDriver.builder(List.of(computeEvery("VirtualParameters.WanIp", Duration.ofHours(1))))
                .virtualParameters(source));

        SessionRecord first = lastSession();
        assertThat(first.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        // The source's own declaration reaches the CPE: the WAN address is read.
        assertThat(first.acsRequests()).filteredOn(GetParameterValues.class::isInstance)
                .map(r -> ((GetParameterValues) r).parameterNames()).anySatisfy(n -> assertThat(n).contains(WAN_IP));
        ParameterTree.Entry saved = savedTree().get(VP_WAN_IP).orElseThrow();
        assertThat(saved.value()).hasValue("10.20.30.45");
        assertThat(saved.type()).hasValue("xsd:string");
        assertThat(saved.writable()).hasValue(false);
        assertThat(saved.valueReadAt()).hasValue(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(requestsNaming("VirtualParameters", sessions)).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();

        // Younger than the hour the configuration allows: not computed again, nothing asked.
        int evaluations = source.evaluations.get();
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(informAgain().acsRequests()).isEmpty();
        assertThat(source.evaluations.get()).isEqualTo(evaluations);
    }

    @Test
    void a_precondition_on_a_virtual_parameter_selects_a_preset_once_the_value_is_known() {
        Preset wan = Preset.builder("wan").precondition("VirtualParameters.WanIp = \"10.20.30.45\"")
                .setValue(SSID, Literal.of("wan-10.20.30.45")).build();
        Preset other = Preset.builder("other").precondition("VirtualParameters.WanIp = \"192.0.2.1\"")
                .setValue("Device.DeviceInfo.ProvisioningCode", Literal.of("wrong")).build();
        start(ProvisioningDriver.builder(List.of(computeEvery("VirtualParameters.WanIp", Duration.ofHours(1)),
                wan, other)).virtualParameters(new WanIpSource()));
        informAgain();

        assertThat(savedTree().value(VP_WAN_IP)).hasValue("10.20.30.45");
        assertThat(cpe.value(SSID)).hasValue("wan-10.20.30.45");
        assertThat(cpe.value("Device.DeviceInfo.ProvisioningCode")).hasValue("");
        assertThat(requestsNaming("VirtualParameters", sessions)).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_value_timestamp_newer_than_the_saved_value_computes_it_again() {
        WanIpSource source = new WanIpSource();
        start(ProvisioningDriver.builder(List.of(computeEvery("VirtualParameters.WanIp", Duration.ofMinutes(5))))
                .virtualParameters(source));
        int evaluations = source.evaluations.get();
        scheduler.advance(Duration.ofMinutes(10));
        SessionRecord later = informAgain();

        assertThat(source.evaluations.get()).isGreaterThan(evaluations);
        assertThat(savedTree().get(VP_WAN_IP).orElseThrow().valueReadAt()).hasValue(later.started());
        assertThat(requestsNaming("VirtualParameters", sessions)).isEmpty();
    }

    @Test
    void without_a_source_virtual_parameters_are_absent_and_nothing_is_asked() {
        start(ProvisioningDriver.builder(List.of(computeEvery("VirtualParameters.*", Duration.ZERO),
                computeEvery("VirtualParameters.WanIp", Duration.ZERO))));

        assertThat(sessions).allSatisfy(r -> assertThat(r.acsRequests()).isEmpty());
        assertThat(savedVirtualParameters()).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_write_to_a_virtual_parameter_is_kept_in_the_tree_only_once_the_cpe_has_taken_the_real_one() {
        String identity = "Device.DeviceInfo.X_MIKROTIK_SystemIdentity";
        List<Optional<String>> seen = new CopyOnWriteArrayList<>();
        VirtualParameterSource source = new VirtualParameterSource() {
            @Override
            public Optional<VirtualParameterValue> evaluate(String name, ProvisionContext context,
                    Timestamps timestamps, Values values) {
                seen.add(values.value());
                values.value().ifPresent(v -> context.declare(identity, Timestamps.none(), Values.value(v)));
                return Optional.of(new VirtualParameterValue(true, values.value(), "xsd:string"));
            }

            @Override
            public List<String> names() {
                return List.of("Identity");
            }
        };
        start(ProvisioningDriver.builder(List.of(Preset.builder("identity")
                .setValue("VirtualParameters.Identity", Literal.of("core-1")).build())).virtualParameters(source));

        assertThat(cpe.value(identity)).hasValue("core-1");
        // Computed in every run until its declaration was done (names, value, set), then kept.
        assertThat(seen).hasSizeGreaterThan(1).allSatisfy(v -> assertThat(v).hasValue("core-1"));
        ParameterTree.Entry saved = savedTree().get(ParameterPath.parse("VirtualParameters.Identity")).orElseThrow();
        assertThat(saved.value()).hasValue("core-1");
        assertThat(saved.writable()).hasValue(true);
        int evaluations = seen.size();
        assertThat(informAgain().acsRequests()).isEmpty();
        assertThat(seen).hasSize(evaluations);
        assertThat(requestsNaming("VirtualParameters", sessions)).isEmpty();
    }

    @Test
    void refreshing_all_virtual_parameters_drops_those_the_source_no_longer_has() {
        List<String> names = new CopyOnWriteArrayList<>(List.of("A", "B"));
        VirtualParameterSource source = new VirtualParameterSource() {
            @Override
            public Optional<VirtualParameterValue> evaluate(String name, ProvisionContext context,
                    Timestamps timestamps, Values values) {
                return names.contains(name) ? Optional.of(new VirtualParameterValue(false, Optional.of(name.toLowerCase()),
                        "xsd:string")) : Optional.empty();
            }

            @Override
            public List<String> names() {
                return List.copyOf(names);
            }
        };
        start(ProvisioningDriver.builder(List.of(Preset.builder("all")
                .provision("refresh", Literal.of("VirtualParameters.")).build())).virtualParameters(source));
        assertThat(savedVirtualParameters())
                .extracting(e -> e.path() + "=" + e.value().orElse("")).containsExactly(
                        "VirtualParameters.A=a", "VirtualParameters.B=b");

        names.remove("B");
        informAgain();
        assertThat(savedVirtualParameters())
                .extracting(e -> e.path().toString()).containsExactly("VirtualParameters.A");
        assertThat(requestsNaming("VirtualParameters", sessions)).isEmpty();
    }
}
