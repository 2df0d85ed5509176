package dev.cwmp.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.VirtualParameterValue;
import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Virtual parameter scripts: GenieACS's args[0] (timestamps) and args[1] (values), their returned object. */
class VirtualParameterScriptsTest {

    private static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String MAC = "Device.Ethernet.Interface.1.MACAddress";

    private final VirtualParameterScripts scripts = VirtualParameterScripts.create();

    @Test
    void a_read_only_parameter_computed_from_another() {
        scripts.put("MAC", """
                let m = "00:00:00:00:00:00";
                const d = declare("Device.Ethernet.Interface.1.MACAddress", {value: args[0].value});
                if (d.size) m = d.value[0];
                return {writable: false, value: [m.toLowerCase(), "xsd:string"]};
                """);
        FakeContext ctx = new FakeContext(DEVICE, NOW).value(MAC, "E4:8D:8C:61:31:E4", "xsd:string", NOW);
        Optional<VirtualParameterValue> value = scripts.evaluate("MAC", ctx, Timestamps.value(NOW), Values.none());
        assertThat(value).contains(new VirtualParameterValue(false, Optional.of("e4:8d:8c:61:31:e4"), "xsd:string"));
        assertThat(ctx.declarations).singleElement()
                .satisfies(d -> assertThat(d.timestamps().value()).contains(NOW));
    }

    @Test
    void a_writable_parameter_receives_the_value_to_set_in_args_1() {
        scripts.put("Identity", """
                const path = "Device.DeviceInfo.X_MIKROTIK_SystemIdentity";
                if (args[1].value) {
                  declare(path, null, {value: args[1].value[0]});
                  return {writable: true, value: [args[1].value[0], "xsd:string"]};
                }
                return {writable: true, value: [declare(path, {value: args[0].value}).value[0], "xsd:string"]};
                """);
        FakeContext ctx = new FakeContext(DEVICE, NOW)
                .value("Device.DeviceInfo.X_MIKROTIK_SystemIdentity", "MikroTik", "xsd:string", NOW);
        assertThat(scripts.evaluate("Identity", ctx, Timestamps.none(), Values.value("core-1")))
                .contains(new VirtualParameterValue(true, Optional.of("core-1"), "xsd:string"));
        assertThat(ctx.declarations).singleElement().satisfies(d -> assertThat(d.values()).isEqualTo(Values.value("core-1")));
        FakeContext read = new FakeContext(DEVICE, NOW)
                .value("Device.DeviceInfo.X_MIKROTIK_SystemIdentity", "MikroTik", "xsd:string", NOW);
        assertThat(scripts.evaluate("Identity", read, Timestamps.none(), Values.none()).orElseThrow().value())
                .contains("MikroTik");
    }

    @Test
    void types_are_inferred_when_the_script_gives_a_bare_value() {
        scripts.put("Up", "return {value: 42};");
        scripts.put("On", "return {value: [true]};");
        FakeContext ctx = new FakeContext(DEVICE, NOW);
        assertThat(scripts.evaluate("Up", ctx, Timestamps.none(), Values.none()))
                .contains(new VirtualParameterValue(false, Optional.of("42"), "xsd:int"));
        assertThat(scripts.evaluate("On", ctx, Timestamps.none(), Values.none()))
                .contains(new VirtualParameterValue(false, Optional.of("true"), "xsd:boolean"));
    }

    @Test
    void an_unknown_source_parameter_ends_the_run_until_the_cpe_answers() {
        scripts.put("MAC", "return {writable: false, value: [declare('" + MAC + "', {value: 1}).value[0], 'xsd:string']};");
        FakeContext ctx = new FakeContext(DEVICE, NOW);
        assertThatThrownBy(() -> scripts.evaluate("MAC", ctx, Timestamps.none(), Values.none()))
                .isInstanceOf(FakeContext.Pending.class);
    }

    @Test
    void a_script_returning_nothing_is_an_error_and_an_unknown_name_is_empty() {
        scripts.put("Nothing", "log('x');");
        FakeContext ctx = new FakeContext(DEVICE, NOW);
        assertThatThrownBy(() -> scripts.evaluate("Nothing", ctx, Timestamps.none(), Values.none()))
                .isInstanceOf(ScriptingException.class).hasMessageContaining("returns {writable, value");
        assertThat(scripts.evaluate("Absent", ctx, Timestamps.none(), Values.none())).isEmpty();
    }

    @Test
    void the_store_keeps_sources_by_name_and_refuses_dotted_names() {
        scripts.put("B", "return {value: 1};");
        scripts.put("A", "return {value: 2};");
        assertThat(scripts.names()).containsExactly("A", "B");
        VirtualParameterSource source = scripts;
        assertThat(source.names()).containsExactly("A", "B");
        assertThat(scripts.get("A")).contains("return {value: 2};");
        assertThat(scripts.delete("A")).isTrue();
        assertThat(scripts.names()).containsExactly("B");
        assertThatThrownBy(() -> scripts.put("a.b", "return {};")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scripts.put("C", "return {")).isInstanceOf(ScriptSyntaxException.class);
    }
}
