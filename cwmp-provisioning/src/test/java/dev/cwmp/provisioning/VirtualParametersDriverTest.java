package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.testkit.sim.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Virtual parameters in the provision engine, against the simulated MikroTik over real HTTP on
 * loopback: computed by the source, kept in the device's tree, never asked of the CPE.
 */
class VirtualParametersDriverTest extends DriverOverHttpTest {

    private static final String WAN_IP = "Device.IP.Interface.2.IPv4Address.1.IPAddress";
    private static final ParameterPath VP_WAN_IP = ParameterPath.parse("VirtualParameters.WanIp");

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

    /** The parameters under {@code VirtualParameters.} in the saved tree. */
    private List<ParameterTree.Entry> savedVirtualParameters() {
        return lab.parameters().query(ParameterPath.parse("VirtualParameters.")).stream().filter(e -> !e.object())
                .toList();
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

        SessionRecord first = lab.lastSession();
        assertThat(first.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        // The source's own declaration reaches the CPE: the WAN address is read.
        assertThat(first.acsRequests()).filteredOn(GetParameterValues.class::isInstance)
                .map(r -> ((GetParameterValues) r).parameterNames()).anySatisfy(n -> assertThat(n).contains(WAN_IP));
        ParameterTree.Entry saved = lab.parameters().get(VP_WAN_IP).orElseThrow();
        assertThat(saved.value()).hasValue("10.20.30.45");
        assertThat(saved.type()).hasValue("xsd:string");
        assertThat(saved.writable()).hasValue(false);
        assertThat(saved.valueReadAt()).hasValue(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(requestsNaming("VirtualParameters", lab.sessions())).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();

        // Younger than the hour the configuration allows: not computed again, nothing asked.
        int evaluations = source.evaluations.get();
        lab.advance(Duration.ofMinutes(10));
        assertThat(lab.informNow().acsRequests()).isEmpty();
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
        lab.informNow();

        assertThat(lab.parameters().value(VP_WAN_IP)).hasValue("10.20.30.45");
        assertThat(cpe.value(SSID)).hasValue("wan-10.20.30.45");
        assertThat(cpe.value("Device.DeviceInfo.ProvisioningCode")).hasValue("");
        assertThat(requestsNaming("VirtualParameters", lab.sessions())).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_value_timestamp_newer_than_the_saved_value_computes_it_again() {
        WanIpSource source = new WanIpSource();
        start(ProvisioningDriver.builder(List.of(computeEvery("VirtualParameters.WanIp", Duration.ofMinutes(5))))
                .virtualParameters(source));
        int evaluations = source.evaluations.get();
        lab.advance(Duration.ofMinutes(10));
        SessionRecord later = lab.informNow();

        assertThat(source.evaluations.get()).isGreaterThan(evaluations);
        assertThat(lab.parameters().get(VP_WAN_IP).orElseThrow().valueReadAt()).hasValue(later.started());
        assertThat(requestsNaming("VirtualParameters", lab.sessions())).isEmpty();
    }

    @Test
    void without_a_source_virtual_parameters_are_absent_and_nothing_is_asked() {
        start(ProvisioningDriver.builder(List.of(computeEvery("VirtualParameters.*", Duration.ZERO),
                computeEvery("VirtualParameters.WanIp", Duration.ZERO))));

        assertThat(lab.sessions()).allSatisfy(r -> assertThat(r.acsRequests()).isEmpty());
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
        ParameterTree.Entry saved = lab.parameters().get(ParameterPath.parse("VirtualParameters.Identity")).orElseThrow();
        assertThat(saved.value()).hasValue("core-1");
        assertThat(saved.writable()).hasValue(true);
        int evaluations = seen.size();
        assertThat(lab.informNow().acsRequests()).isEmpty();
        assertThat(seen).hasSize(evaluations);
        assertThat(requestsNaming("VirtualParameters", lab.sessions())).isEmpty();
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
        lab.informNow();
        assertThat(savedVirtualParameters())
                .extracting(e -> e.path().toString()).containsExactly("VirtualParameters.A");
        assertThat(requestsNaming("VirtualParameters", lab.sessions())).isEmpty();
    }
}
