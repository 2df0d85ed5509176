package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.testkit.sim.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provision engine against the simulated MikroTik over real HTTP on loopback: what it asks,
 * in which order, and what the device and its record hold afterwards.
 */
class ProvisioningDriverTest extends DriverOverHttpTest {

    private final CountDownLatch never = new CountDownLatch(1);

    /** Lets the extension that never answers return, so the driver closes after the test. */
    @AfterEach
    void release_the_extension_that_never_answers() {
        never.countDown();
    }

    @Test
    void value_configurations_set_only_the_values_that_differ_and_nothing_once_they_hold() {
        Preset preset = Preset.builder("values")
                .setValue(SSID, Literal.of("office"))
                .setValue("Device.ManagementServer.PeriodicInformInterval", Literal.of(86400))
                .setValue("Device.ManagementServer.PeriodicInformEnable", Literal.of(true))
                .build();
        start(ProvisioningDriver.builder(List.of(preset)));

        SessionRecord first = lab.lastSession();
        assertThat(first.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        // Reads before writes: names, then values, then one set of exactly what differs.
        assertThat(first.acsMethodNames()).containsExactly("GetParameterNames", "GetParameterNames",
                "GetParameterValues", "SetParameterValues");
        assertThat(first.acsRequestsOf(SetParameterValues.class)).singleElement()
                .satisfies(set -> assertThat(set.parameterList()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo(SSID);
            assertThat(v.value()).isEqualTo("office");
            assertThat(v.type()).isEqualTo(XsdType.STRING);
        }));
        assertThat(cpe.value(SSID)).hasValue("office");

        SessionRecord second = lab.informNow();
        assertThat(second.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(second.acsRequests()).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_java_provision_sets_the_ssid_from_the_last_five_hex_digits_of_the_mac() {
        Provision wifi = (ctx, args) -> {
            String prefix = (String) args.get(0);
            List<ParameterTree.Entry> mac = ctx.declare("Device.Ethernet.Interface.1.MACAddress",
                    Timestamps.value(ctx.now()), Values.none());
            ctx.commit();
            String hex = mac.get(0).value().orElseThrow().replace(":", "");
            ctx.declare(SSID, Timestamps.none(), Values.value(prefix + hex.substring(hex.length() - 5)));
        };
        start(ProvisioningDriver.builder(List.of(Preset.builder("wifi").provision("wifi", Literal.of("test_")).build()))
                .provision("wifi", wifi));

        assertThat(cpe.value(SSID)).hasValue("test_131E4");
        assertThat(lab.lastSession().acsRequestsOf(SetParameterValues.class)).singleElement()
                .satisfies(s -> assertThat(s.parameterList()).extracting(v -> v.name()).containsExactly(SSID));
        assertThat(lab.informNow().acsMethodNames()).doesNotContain("SetParameterValues");
    }

    @Test
    void preset_tags_move_a_device_from_pending_to_provisioned_in_one_session_by_cycles() {
        Preset onboard = Preset.builder("onboard").events("0 BOOTSTRAP").addTag("PENDING").build();
        Preset provision = Preset.builder("provision").precondition("Tags.PENDING IS NOT NULL")
                .setValue(SSID, Literal.of("managed")).deleteTag("PENDING").addTag("PROVISIONED").build();
        start(ProvisioningDriver.builder(List.of(onboard, provision)));

        // The first cycle tags PENDING; the second, in the same session, applies "provision".
        assertThat(lab.sessions()).hasSize(1);
        assertThat(lab.record().tags()).containsExactly("PROVISIONED");
        assertThat(cpe.value(SSID)).hasValue("managed");
        assertThat(driver.status(ID)).hasValueSatisfying(
                st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.CONFIGURED));

        assertThat(lab.informNow().acsRequests()).isEmpty();
        assertThat(lab.record().tags()).containsExactly("PROVISIONED");
    }

    @Test
    void a_bootstrap_forgets_the_cached_parameters_keeps_the_tags_and_the_presets_run_again() {
        Preset preset = Preset.builder("office").setValue(SSID, Literal.of("office")).addTag("seen").build();
        start(ProvisioningDriver.builder(List.of(preset)));
        assertThat(cpe.value(SSID)).hasValue("office");
        Instant registered = lab.record().registered();

        lab.acs().submit(ID, new TaskAction.FactoryReset(), TaskOptions.DEFAULT);
        int before = lab.sessions().size();
        cpe.informNow();
        lab.runDue();
        lab.advance(Duration.ofMinutes(1));
        SessionRecord bootstrap = lab.sessions().stream().skip(before).filter(s -> s.hasEvent("0 BOOTSTRAP"))
                .findFirst().orElseThrow();

        // Without forgetting, the ACS would believe the SSID still reads "office" and send nothing.
        assertThat(bootstrap.acsMethodNames()).containsSubsequence("GetParameterNames", "GetParameterValues",
                "SetParameterValues");
        assertThat(cpe.value(SSID)).hasValue("office");
        assertThat(lab.record().tags()).contains("seen");
        assertThat(lab.record().registered()).isEqualTo(registered);
    }

    @Test
    void a_provision_that_never_settles_becomes_a_fault_instead_of_a_stuck_session() {
        Provision restless = (ctx, args) ->
                ctx.declare(SSID, Timestamps.value(ctx.now().plusSeconds(3600)), Values.none());
        start(ProvisioningDriver.builder(List.of(Preset.builder("restless").provision("restless").build()))
                .provision("restless", restless)
                .options(ProvisioningOptions.defaults().withMaxIterations(5)));

        SessionRecord session = lab.lastSession();
        assertThat(session.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(session.acsRequests()).hasSizeLessThanOrEqualTo(5);
        assertThat(driver.faults(ID)).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo("too_many_iterations"));
    }

    @Test
    void a_provision_sets_what_an_extension_returns() {
        Provision fromInventory = (ctx, args) -> ctx.declare(SSID, Timestamps.none(),
                Values.value(ctx.ext("inventory", List.of(ctx.deviceId().serialNumber()))));
        start(ProvisioningDriver.builder(List.of(Preset.builder("inventory").provision("fromInventory").build()))
                .provision("fromInventory", fromInventory)
                .extension("inventory", args -> "shop-" + args.get(0)));
        assertThat(cpe.value(SSID)).hasValue("shop-" + SERIAL);
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void an_extension_that_does_not_answer_in_time_becomes_a_fault() {
        Provision slow = (ctx, args) -> ctx.declare(SSID, Timestamps.none(), Values.value(ctx.ext("slow", List.of())));
        start(ProvisioningDriver.builder(List.of(Preset.builder("slow").provision("slow").build()))
                .provision("slow", slow)
                .extension("slow", args -> {
                    never.await();
                    return "late";
                })
                .options(ProvisioningOptions.defaults().withExtensionTimeout(Duration.ofMillis(200))));
        assertThat(lab.lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(cpe.value(SSID)).hasValue("MikroTik-6131E4");
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("ext");
            assertThat(f.message()).contains("timed out");
        });
    }

    @Test
    void an_unknown_provision_is_a_fault() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("typo").provision("wfii").build())));
        assertThat(lab.lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(driver.faults(ID)).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo("unknown_provision"));
        driver.clearFaults(ID);
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void the_refresh_builtin_reads_a_subtree_in_batches() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("refresh")
                .provision("refresh", Literal.of("Device.DeviceInfo.")).build())));
        SessionRecord session = lab.lastSession();
        assertThat(session.acsMethodNames()).first().isEqualTo("GetParameterNames");
        assertThat(session.acsMethodNames()).contains("GetParameterValues").doesNotContain("SetParameterValues");
        assertThat(lab.parameters()
                .value(dev.cwmp.datamodel.ParameterPath.parse("Device.DeviceInfo.UpTime"))).isPresent();
        assertThat(lab.informNow().acsRequests()).isEmpty();
    }

    @Test
    void refreshing_the_whole_tree_reads_leaf_names_in_batches_of_32_each_once() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("everything")
                .provision("refresh", Literal.of("Device.")).build())));
        List<GetParameterValues> reads = lab.lastSession().acsRequests().stream()
                .filter(GetParameterValues.class::isInstance).map(GetParameterValues.class::cast).toList();
        assertThat(reads).hasSizeGreaterThan(2);
        Set<String> seen = new HashSet<>();
        for (GetParameterValues r : reads) {
            assertThat(r.parameterNames()).hasSizeBetween(1, 32).allSatisfy(n -> {
                assertThat(n).doesNotEndWith(".");
                assertThat(seen.add(n)).as("read twice: %s", n).isTrue();
            });
        }
        assertThat(reads.subList(0, reads.size() - 1)).allSatisfy(r -> assertThat(r.parameterNames()).hasSize(32));
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void instances_addressed_by_their_keys_are_added_with_the_keys_set_and_deleted_to_reach_a_count() {
        AtomicInteger wanted = new AtomicInteger(1);
        Provision guest = (ctx, args) -> ctx.declare("Device.WiFi.SSID.[SSID:guest]", Timestamps.path(ctx.now()),
                Values.instances(wanted.get()));
        start(ProvisioningDriver.builder(List.of(Preset.builder("guest").provision("guest").build()))
                .provision("guest", guest));
        SessionRecord added = lab.lastSession();
        assertThat(added.acsRequests()).filteredOn(AddObject.class::isInstance).singleElement()
                .satisfies(a -> assertThat(((AddObject) a).objectName()).isEqualTo("Device.WiFi.SSID."));
        assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).hasValue("guest");
        assertThat(cpe.value("Device.WiFi.SSID.1.SSID")).hasValue("MikroTik-6131E4");

        assertThat(lab.informNow().acsRequests()).filteredOn(m -> m instanceof AddObject || m instanceof DeleteObject)
                .isEmpty();

        wanted.set(0);
        SessionRecord deleted = lab.informNow();
        assertThat(deleted.acsRequests()).filteredOn(DeleteObject.class::isInstance).singleElement()
                .satisfies(d -> assertThat(((DeleteObject) d).objectName()).isEqualTo("Device.WiFi.SSID.2."));
        assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).isEmpty();
        assertThat(cpe.value("Device.WiFi.SSID.1.SSID")).hasValue("MikroTik-6131E4");
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void the_request_bound_becomes_a_fault() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("everything")
                        .provision("refresh", Literal.of("Device.")).build()))
                .options(ProvisioningOptions.defaults().withMaxRequests(3)));
        SessionRecord session = lab.lastSession();
        assertThat(session.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(session.acsRequests()).hasSize(3);
        assertThat(driver.faults(ID)).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo("too_many_requests"));
    }

    @Test
    void a_cwmp_fault_of_the_cpe_is_recorded_and_ends_provisioning_for_the_session() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("bad")
                .setValue("Device.ManagementServer.PeriodicInformInterval", Literal.of("soon")).build())));
        SessionRecord session = lab.lastSession();
        assertThat(session.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(session.acsMethodNames()).last().isEqualTo("SetParameterValues");
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.code()).startsWith("cwmp.90");
            assertThat(f.message()).startsWith("SetParameterValues");
        });
        assertThat(cpe.value("Device.ManagementServer.PeriodicInformInterval")).hasValue("86400");
    }

    @Test
    void the_reboot_builtin_reboots_once_after_the_values_are_set() {
        Preset preset = Preset.builder("reboot-after").events("0 BOOTSTRAP")
                .setValue(SSID, Literal.of("office")).provision("reboot").build();
        start(ProvisioningDriver.builder(List.of(preset)));
        SessionRecord bootstrap = lab.sessions().stream().filter(r -> r.hasEvent("0 BOOTSTRAP")).findFirst()
                .orElseThrow();
        assertThat(bootstrap.acsMethodNames()).endsWith("SetParameterValues", "Reboot");
        assertThat(bootstrap.acsMethodNames()).filteredOn("Reboot"::equals).hasSize(1);
        lab.runDue();
        assertThat(lab.sessions()).anySatisfy(r -> assertThat(r.hasEvent("M Reboot")).isTrue());
        assertThat(cpe.boots()).isEqualTo(2);
        assertThat(lab.lastSession().acsMethodNames()).doesNotContain("Reboot");
    }

    @Test
    void an_extension_is_called_once_per_session_for_the_same_arguments() {
        AtomicInteger calls = new AtomicInteger();
        Provision fromInventory = (ctx, args) -> ctx.declare(SSID, Timestamps.none(),
                Values.value(ctx.ext("inventory", List.of(ctx.deviceId().serialNumber()))));
        start(ProvisioningDriver.builder(List.of(Preset.builder("inventory").provision("fromInventory").build()))
                .provision("fromInventory", fromInventory)
                .extension("inventory", args -> "shop-" + calls.incrementAndGet()));
        assertThat(lab.lastSession().acsRequests()).hasSizeGreaterThan(1);
        assertThat(calls).hasValue(1);
        assertThat(cpe.value(SSID)).hasValue("shop-1");
    }

    @Test
    void clear_makes_a_value_read_again_so_a_local_change_is_undone() {
        Provision enforce = (ctx, args) -> {
            ctx.clear(SSID, ctx.now());
            ctx.declare(SSID, Timestamps.none(), Values.value("office"));
        };
        start(ProvisioningDriver.builder(List.of(Preset.builder("enforce").provision("enforce").build()))
                .provision("enforce", enforce));
        assertThat(cpe.value(SSID)).hasValue("office");

        lab.advance(Duration.ofMinutes(1));
        cpe.changeLocally(SSID, "rogue");
        lab.runDue();
        SessionRecord session = lab.informNow();
        assertThat(session.acsMethodNames()).containsSubsequence("GetParameterValues", "SetParameterValues");
        assertThat(cpe.value(SSID)).hasValue("office");
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void an_age_configuration_reads_a_value_again_only_once_it_is_older_than_the_age() {
        String upTime = "Device.DeviceInfo.UpTime";
        start(ProvisioningDriver.builder(List.of(Preset.builder("uptime")
                .configuration(new Configuration.Age(upTime, 3600)).build())));
        assertThat(lab.lastSession().acsRequests()).filteredOn(GetParameterValues.class::isInstance).singleElement()
                .satisfies(r -> assertThat(((GetParameterValues) r).parameterNames()).containsExactly(upTime));

        lab.advance(Duration.ofMinutes(10));
        assertThat(lab.informNow().acsRequests()).isEmpty();

        lab.advance(Duration.ofHours(1));
        assertThat(lab.informNow().acsRequests()).singleElement()
                .satisfies(r -> assertThat(((GetParameterValues) r).parameterNames()).containsExactly(upTime));
    }

    @Test
    void the_download_builtin_asks_for_the_file_once_in_a_session_after_everything_else() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("firmware").events("0 BOOTSTRAP")
                .setValue(SSID, Literal.of("office"))
                .provision("download", Literal.of("1 Firmware Upgrade Image"),
                        Literal.of("http://127.0.0.1:9/RouterOS-6.49.bin"), Literal.of("RouterOS-6.49.bin"))
                .build())));
        SessionRecord bootstrap = lab.sessions().stream().filter(r -> r.hasEvent("0 BOOTSTRAP")).findFirst()
                .orElseThrow();
        assertThat(bootstrap.acsMethodNames()).endsWith("SetParameterValues", "Download");
        assertThat(bootstrap.acsRequests()).filteredOn(dev.cwmp.protocol.rpc.Download.class::isInstance)
                .singleElement().satisfies(d -> {
                    dev.cwmp.protocol.rpc.Download download = (dev.cwmp.protocol.rpc.Download) d;
                    assertThat(download.fileType()).isEqualTo("1 Firmware Upgrade Image");
                    assertThat(download.url()).isEqualTo("http://127.0.0.1:9/RouterOS-6.49.bin");
                    assertThat(download.targetFileName()).isEqualTo("RouterOS-6.49.bin");
                });
    }

    @Test
    void the_reset_builtin_resets_once_and_the_tag_that_guards_it_survives_the_bootstrap() {
        Provision wipeOnce = (ctx, args) -> {
            if (!ctx.tags().contains("wiped")) {
                ctx.tag("wiped", true);
                ctx.factoryReset();
            }
        };
        start(ProvisioningDriver.builder(List.of(Preset.builder("wipe").provision("wipeOnce").build()))
                .provision("wipeOnce", wipeOnce));
        lab.runDue();

        assertThat(lab.sessions().stream().flatMap(r -> r.acsMethodNames().stream()).filter("FactoryReset"::equals))
                .hasSize(1);
        assertThat(lab.sessions()).filteredOn(r -> r.hasEvent("0 BOOTSTRAP")).hasSize(2);
        assertThat(lab.record().tags()).containsExactly("wiped");
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_path_the_device_does_not_have_is_looked_up_once_a_session_and_is_no_fault() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("absent")
                .setValue("Device.X_ACME_Nothing.Enable", Literal.of(true)).build())));
        SessionRecord session = lab.lastSession();
        assertThat(session.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(session.acsMethodNames()).containsExactly("GetParameterNames");
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void presets_read_from_genieacs_json_run_the_builtins_with_their_arguments() {
        List<Preset> presets = PresetJson.readList("""
                [{"_id": "inform", "weight": 0, "channel": "", "events": {}, "precondition": "",
                  "configurations": [
                    {"type": "provision", "name": "value", "args": ["Device.WiFi.SSID.1.SSID", "from-json"]},
                    {"type": "provision", "name": "value",
                     "args": ["Device.ManagementServer.PeriodicInformInterval", 300]},
                    {"type": "add_tag", "tag": "json"}
                  ]}]
                """);
        start(ProvisioningDriver.builder(presets));
        assertThat(cpe.value(SSID)).hasValue("from-json");
        assertThat(cpe.value("Device.ManagementServer.PeriodicInformInterval")).hasValue("300");
        assertThat(lab.lastSession().acsRequestsOf(SetParameterValues.class)).singleElement()
                .satisfies(set -> assertThat(set.parameterList())
                .extracting(v -> v.name() + "=" + v.value() + " " + v.type().wireName())
                .containsExactly(SSID + "=from-json xsd:string",
                        "Device.ManagementServer.PeriodicInformInterval=300 xsd:unsignedInt"));
        assertThat(lab.record().tags()).containsExactly("json");
    }
}
