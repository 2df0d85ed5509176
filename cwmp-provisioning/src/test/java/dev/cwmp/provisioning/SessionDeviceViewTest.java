package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.SessionContext;
import dev.cwmp.testkit.harness.FixedSessionContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionDeviceViewTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void reads_parameters_tags_identity_and_events_of_a_session() {
        ParameterTree tree = new ParameterTree();
        tree.mergeValues(List.of(
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.DeviceInfo.UpTime"), "120", "xsd:unsignedInt"),
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.WiFi.SSID.3.SSID"), "office", "xsd:string")), NOW);
        DeviceId id = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
        DeviceRecord record = DeviceRecord.registered(id, "MikroTik", NOW).withTag("PENDING");
        SessionContext session = FixedSessionContext.builder(record).events("1 BOOT", "M Reboot").parameters(tree)
                .build();
        DeviceView view = DeviceView.of(session);

        assertThat(view.parameter(ParameterPath.parse("Device.DeviceInfo.UpTime")))
                .contains(DeviceView.ParameterValue.of("120", "xsd:unsignedInt"));
        assertThat(view.parameter(ParameterPath.parse("Device.WiFi.SSID.*.SSID")))
                .contains(DeviceView.ParameterValue.of("office", "xsd:string"));
        assertThat(view.parameter(ParameterPath.parse("Device.WiFi.SSID.1.SSID"))).isEmpty();
        assertThat(view.parameter(ParameterPath.parse("Device.WiFi.SSID.3"))).as("an object has no value").isEmpty();
        assertThat(view.hasTag("PENDING")).isTrue();
        assertThat(view.events()).containsExactlyInAnyOrder("1_BOOT", "M_Reboot");
        assertThat(view.hasEvent("M Reboot")).isTrue();
        assertThat(view.manufacturer()).isEqualTo("MikroTik");

        Precondition p = Precondition.parse("Device.DeviceInfo.UpTime < 300 AND Tags.PENDING AND Events.1_BOOT"
                + " AND DeviceID.Manufacturer = 'MikroTik' AND Device.WiFi.SSID.*.SSID = 'office'");
        assertThat(p.test(view)).isTrue();

        PresetEvaluator evaluator = PresetEvaluator.of(List.of(Preset.builder("p").precondition(p).addTag("SEEN").build(),
                Preset.builder("q").schedule(PresetSchedule.parse("60 0 0 11 * * *")).build()));
        assertThat(evaluator.evaluate(session).applicable()).extracting(Preset::name).containsExactly("p");
    }

    @Test
    void a_wildcard_reads_the_first_instance_in_numeric_order_that_has_the_parameter() {
        ParameterTree tree = new ParameterTree();
        tree.mergeValues(List.of(
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.Hosts.Host.10.HostName"), "ten", "xsd:string"),
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.Hosts.Host.2.HostName"), "two", "xsd:string"),
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.Hosts.Host.1.Active"), "true", "xsd:boolean"),
                new ParameterTree.ValueInfo(ParameterPath.parse("Device.IP.Interface.1.IPv4Address.3.IPAddress"), "10.0.0.1", "xsd:string")), NOW);
        DeviceView view = DeviceView.builder(new DeviceId("001122", "", "SN")).parameters(tree).build();
        assertThat(view.parameter(ParameterPath.parse("Device.Hosts.Host.*.HostName")))
                .contains(DeviceView.ParameterValue.of("two", "xsd:string"));
        assertThat(view.parameter(ParameterPath.parse("Device.IP.Interface.*.IPv4Address.*.IPAddress")))
                .contains(DeviceView.ParameterValue.of("10.0.0.1", "xsd:string"));
        assertThat(view.parameter(ParameterPath.parse("Device.Hosts.Host.*.Missing"))).isEmpty();
        assertThat(view.parameter(ParameterPath.parse("Device.Nothing.*.X"))).isEmpty();
    }
}
