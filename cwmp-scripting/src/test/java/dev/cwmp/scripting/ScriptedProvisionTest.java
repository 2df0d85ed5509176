package dev.cwmp.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.session.DeviceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** GenieACS's script API as provisions see it, against a recording provision context. */
class ScriptedProvisionTest {

    private static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    private static final Instant NOW = Instant.parse("2026-11-25T10:17:42.123Z");
    private static final String SSID = "Device.WiFi.SSID.1.SSID";

    private final ProvisionScripts scripts = ProvisionScripts.create();

    private FakeContext context() {
        return new FakeContext(DEVICE, NOW);
    }

    private FakeContext run(String source, FakeContext ctx, Object... args) {
        scripts.put("test", source).run(ctx, List.of(args));
        return ctx;
    }

    @Test
    void declare_returns_genieacs_result_object_with_value_type_size_path_and_flags() {
        FakeContext ctx = context().value(SSID, "MikroTik-6131E4", "xsd:string", NOW);
        run("""
                const d = declare("Device.WiFi.SSID.1.SSID", {value: 1});
                log([d.value[0], d.value[1], d.size, d.path, d.writable, d.object].join("|"));
                """, ctx);
        assertThat(ctx.logs).containsExactly("MikroTik-6131E4|xsd:string|1|Device.WiFi.SSID.1.SSID|true|false");
        assertThat(ctx.declarations).singleElement().satisfies(d -> {
            assertThat(d.timestamps().value()).contains(Instant.ofEpochMilli(1));
            assertThat(d.values()).isEqualTo(Values.none());
        });
    }

    @Test
    void values_are_typed_as_genieacs_gives_them_booleans_and_numbers_as_such() {
        FakeContext ctx = context()
                .value("Device.ManagementServer.PeriodicInformEnable", "1", "xsd:boolean", NOW)
                .value("Device.ManagementServer.PeriodicInformInterval", "300", "xsd:unsignedInt", NOW);
        run("""
                const e = declare("Device.ManagementServer.PeriodicInformEnable", {value: 1}).value[0];
                const i = declare("Device.ManagementServer.PeriodicInformInterval", {value: 1}).value[0];
                log(typeof e + " " + e + " " + typeof i + " " + (i + 1));
                """, ctx);
        assertThat(ctx.logs).containsExactly("boolean true number 301");
    }

    @Test
    void iterating_a_declaration_visits_every_match() {
        FakeContext ctx = context().value("Device.WiFi.SSID.1.SSID", "a", "xsd:string", NOW)
                .value("Device.WiFi.SSID.2.SSID", "b", "xsd:string", NOW);
        run("""
                let seen = [];
                for (let p of declare("Device.WiFi.SSID.*.SSID", {value: 1})) seen.push(p.path + "=" + p.value[0]);
                log(seen.join(","));
                """, ctx);
        assertThat(ctx.logs).containsExactly("Device.WiFi.SSID.1.SSID=a,Device.WiFi.SSID.2.SSID=b");
    }

    @Test
    void reading_an_unknown_value_commits_and_ends_the_run_until_the_cpe_answers() {
        FakeContext ctx = context();
        assertThatThrownBy(() -> run("""
                const mac = declare("Device.Ethernet.Interface.1.MACAddress", {value: Date.now()}).value[0];
                log("not reached " + mac);
                """, ctx)).isInstanceOf(FakeContext.Pending.class);
        assertThat(ctx.logs).isEmpty();
        assertThat(ctx.calls).containsExactly("commit");
    }

    @Test
    void an_explicit_commit_with_nothing_pending_goes_on() {
        FakeContext ctx = context().value(SSID, "x", "xsd:string", NOW);
        run("""
                declare("Device.WiFi.SSID.1.SSID", {value: 1});
                commit();
                log("after commit");
                """, ctx);
        assertThat(ctx.logs).containsExactly("after commit");
    }

    @Test
    void set_values_from_args_and_instance_counts() {
        FakeContext ctx = context();
        run("""
                declare("Device.WiFi.SSID.1.SSID", null, {value: args[0]});
                declare("Device.ManagementServer.PeriodicInformInterval", null, {value: args[1]});
                declare("Device.WiFi.SSID.1.Enable", null, {value: [args[2], "xsd:boolean"]});
                declare("Device.NAT.PortMapping.[ExternalPort:8080,Protocol:TCP]", {path: Date.now()}, {path: 1});
                """, ctx, "office", 300L, true);
        assertThat(ctx.declarations).extracting(FakeContext.Declaration::values).containsExactly(
                Values.value("office"), Values.value("300"), Values.value("true"),
                new Values(Optional.empty(), OptionalInt.of(1)));
        assertThat(ctx.declarations.get(3).timestamps()).isEqualTo(Timestamps.path(NOW));
    }

    @Test
    void date_now_is_the_session_time_and_rounds_to_an_interval_with_the_devices_offset() throws Exception {
        FakeContext ctx = context();
        run("""
                log(String(Date.now()));
                log(String(new Date().getTime()));
                log(String(Date.now(3600000, 0)));
                log(String(Date.now(3600000)));
                """, ctx);
        long t = NOW.toEpochMilli();
        long hour = 3_600_000L;
        long offset = genieacsVariance(DEVICE.toString(), hour);
        long expected = Math.floorDiv(t + offset, hour) * hour - offset;
        assertThat(ctx.logs).containsExactly(Long.toString(t), Long.toString(t), Long.toString(t - t % hour),
                Long.toString(expected));
        assertThat(expected).isLessThanOrEqualTo(t).isGreaterThan(t - hour);
    }

    /** GenieACS: the four little-endian words of MD5(device id) XORed, unsigned, modulo the variance. */
    private static long genieacsVariance(String deviceId, long variance) throws Exception {
        byte[] d = MessageDigest.getInstance("MD5").digest(deviceId.getBytes(StandardCharsets.UTF_8));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int x = b.getInt(0) ^ b.getInt(4) ^ b.getInt(8) ^ b.getInt(12);
        return Integer.toUnsignedLong(x) % variance;
    }

    @Test
    void refresh_every_hour_declares_the_same_timestamp_within_the_hour_and_a_new_one_after() {
        String refresh = """
                declare("Device.DeviceInfo.UpTime", {value: Date.now(3600000)});
                """;
        ProvisionScripts store = ProvisionScripts.create();
        store.put("refresh", refresh);
        FakeContext first = new FakeContext(DEVICE, NOW);
        FakeContext sameHour = new FakeContext(DEVICE, NOW.plusSeconds(60));
        FakeContext nextHour = new FakeContext(DEVICE, NOW.plusSeconds(3600));
        for (FakeContext c : List.of(first, sameHour, nextHour)) {
            store.get("refresh").orElseThrow().run(c, List.of());
        }
        Instant t1 = first.declarations.get(0).timestamps().value().orElseThrow();
        assertThat(sameHour.declarations.get(0).timestamps().value()).contains(t1);
        assertThat(nextHour.declarations.get(0).timestamps().value()).contains(t1.plusSeconds(3600));
    }

    @Test
    void date_now_with_a_cron_expression_is_its_latest_firing() {
        FakeContext ctx = context();
        run("""
                log(new Date(Date.now("0 2 * * *")).toISOString());
                log(new Date(Date.now("*/15 * * * *")).toISOString());
                """, ctx);
        assertThat(ctx.logs).containsExactly("2026-11-25T02:00:59.000Z", "2026-11-25T10:15:59.000Z");
    }

    @Test
    void math_random_is_the_same_in_every_run_for_a_device_and_differs_between_devices() {
        String source = "log(String(Math.random()) + ' ' + String(Math.random()));";
        FakeContext a = run(source, context());
        FakeContext again = run(source, context());
        FakeContext other = run(source, new FakeContext(new DeviceId("E48D8C", "RB951Ui-2HnD", "OTHER"), NOW));
        assertThat(a.logs).isEqualTo(again.logs);
        assertThat(other.logs).isNotEqualTo(a.logs);
        String[] two = a.logs.get(0).split(" ");
        assertThat(two[0]).isNotEqualTo(two[1]);
        assertThat(Double.parseDouble(two[0])).isBetween(0.0, 1.0);
    }

    @Test
    void ext_calls_the_applications_function_with_string_arguments_and_gets_plain_data() {
        FakeContext ctx = context();
        ctx.extensions.put("inventory", args -> java.util.Map.of("ssid", "shop-" + args.get(1), "vlan", 12));
        run("""
                const r = ext("inventory", "lookup", 42);
                log(r.ssid + " " + (r.vlan + 1));
                """, ctx);
        assertThat(ctx.calls).containsExactly("ext inventory [lookup, 42]");
        assertThat(ctx.logs).containsExactly("shop-42 13");
    }

    @Test
    void clear_tags_reboot_and_downloads_reach_the_context() {
        FakeContext ctx = context();
        run("""
                clear("Device.WiFi.", Date.now());
                declare("Tags.configured", null, {value: true});
                declare("Reboot", null, {value: Date.now()});
                declare("Downloads.[FileType:1 Firmware Upgrade Image]", {path: 1}, {path: 1});
                declare("Downloads.[FileType:1 Firmware Upgrade Image].FileName", {value: 1}, {value: "http://127.0.0.1:9/fw.xml"});
                declare("Downloads.[FileType:1 Firmware Upgrade Image].Download", {value: 1}, {value: Date.now()});
                log(String(declare("Tags.configured", {value: 1}).value[0]));
                """, ctx);
        assertThat(ctx.calls).containsExactly("clear Device.WiFi. " + NOW, "reboot",
                "download 1 Firmware Upgrade Image http://127.0.0.1:9/fw.xml ", "commit");
        assertThat(ctx.tags).containsExactly("configured");
        assertThat(ctx.logs).containsExactly("true");
    }

    @Test
    void a_read_modify_write_appends_to_the_current_value() {
        FakeContext ctx = context().value("Device.DeviceInfo.X_MIKROTIK_SystemIdentity", "MikroTik", "xsd:string", NOW);
        run("""
                const id = declare("Device.DeviceInfo.X_MIKROTIK_SystemIdentity", {value: Date.now()}).value[0];
                if (!id.endsWith("-managed")) {
                  declare("Device.DeviceInfo.X_MIKROTIK_SystemIdentity", null, {value: id + "-managed"});
                }
                """, ctx);
        assertThat(ctx.declarations).last().satisfies(d -> assertThat(d.values()).isEqualTo(Values.value("MikroTik-managed")));
    }

    @Test
    void a_syntax_error_is_reported_when_stored_with_line_and_column_and_nothing_is_stored() {
        assertThatThrownBy(() -> scripts.put("broken", """
                const a = 1;
                declare("Device.WiFi.SSID.1.SSID", {value: 1}
                log("x");
                """)).isInstanceOfSatisfying(ScriptSyntaxException.class, e -> {
                    assertThat(e.scriptName()).isEqualTo("broken");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isPositive();
                    assertThat(e.getMessage()).startsWith("broken:3:");
                });
        assertThat(scripts.get("broken")).isEmpty();
    }

    @Test
    void a_script_that_throws_is_a_scripting_exception_naming_the_line() {
        assertThatThrownBy(() -> run("""
                const x = 1;
                throw new Error("no such plan " + x);
                """, context())).isInstanceOf(ScriptingException.class)
                .hasMessageContaining("test:2").hasMessageContaining("no such plan 1");
    }

    @Test
    void the_store_lists_replaces_deletes_and_looks_up_scripts() {
        scripts.put("b", "log('b1');");
        scripts.put("a", "log('a');");
        scripts.put("b", "log('b2');");
        assertThat(scripts.names()).containsExactly("a", "b");
        FakeContext ctx = context();
        scripts.asLookup().apply("b").orElseThrow().run(ctx, List.of());
        assertThat(ctx.logs).containsExactly("b2");
        assertThat(scripts.get("b").orElseThrow().source()).isEqualTo("log('b2');");
        assertThat(scripts.delete("b")).isTrue();
        assertThat(scripts.delete("b")).isFalse();
        assertThat(scripts.asLookup().apply("b")).isEmpty();
        assertThatThrownBy(() -> scripts.put("../x", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void const_in_loops_takes_a_new_value_each_iteration_as_in_node() {
        FakeContext ctx = context();
        run("""
                const out = [];
                for (let i = 0; i < 3; i++) { const d = i * 2; out.push(d); }
                for (const x of ["a", "b"]) out.push(x);
                log(out.join(",") + " 'const'");
                """, ctx);
        assertThat(ctx.logs).containsExactly("0,2,4,a,b 'const'");
    }

    @Test
    void runs_on_several_threads_at_once_keep_to_their_own_device_and_arguments() throws Exception {
        ScriptedProvision provision = scripts.put("parallel", """
                const mac = declare("Device.Ethernet.Interface.1.MACAddress", {value: 1}).value[0];
                let total = 0;
                for (let i = 0; i < 200; i++) total += i;
                log(args[0] + ":" + mac + ":" + total + ":" + Date.now());
                """);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> logs = new java.util.ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        FakeContext ctx = new FakeContext(DEVICE, NOW.plusSeconds(thread))
                                .value("Device.Ethernet.Interface.1.MACAddress", "mac-" + thread, "xsd:string", NOW);
                        provision.run(ctx, List.of("t" + thread + "." + i));
                        logs.addAll(ctx.logs);
                    }
                    return logs;
                }));
            }
            for (int t = 0; t < 4; t++) {
                List<String> logs = results.get(t).get();
                assertThat(logs).hasSize(50);
                for (int i = 0; i < 50; i++) {
                    assertThat(logs.get(i)).isEqualTo("t" + t + "." + i + ":mac-" + t + ":19900:"
                            + NOW.plusSeconds(t).toEpochMilli());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void globals_of_one_run_are_gone_in_the_next() {
        String source = """
                counter = (typeof counter === "undefined") ? 1 : counter + 1;
                log(String(counter));
                """;
        FakeContext first = run(source, context());
        FakeContext second = run(source, context());
        assertThat(first.logs).containsExactly("1");
        assertThat(second.logs).containsExactly("1");
    }
}
