package dev.cwmp.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.testkit.harness.AcsHarness;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SessionRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults per channel with back-off, downloads tracked across sessions, the configuration status,
 * presets changed at run time and object entries: the provision engine against simulated MikroTik
 * devices over real HTTP on loopback, on a manual clock (no sleeping).
 */
class ProvisioningLifecycleTest extends DriverOverHttpTest {

    private static final Instant T0 = AcsHarness.DEFAULT_START;

    /** When set, the next task the simulator hands its executor is held (not run): a download in flight. */
    private final AtomicBoolean holdNextTask = new AtomicBoolean();
    private final AtomicBoolean holdDownloads = new AtomicBoolean();
    private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();
    private HttpServer files;

    /** Starts with the MikroTik {@value #SERIAL}; see {@link #start(ProvisioningDriver.Builder, String...)}. */
    @Override
    void start(ProvisioningDriver.Builder builder) {
        start(builder, SERIAL);
    }

    /**
     * Starts with MikroTiks of these serial numbers, powered on in turn, on an executor that holds the
     * task after a session with a Download back (the device's download) while {@link #holdDownloads} is set.
     */
    private void start(ProvisioningDriver.Builder builder, String... serials) {
        start(builder, harness -> harness.devices(DeviceProfile.mikrotikRb951Ui2HnD(), serials)
                .executor(task -> {
                    if (holdNextTask.compareAndSet(true, false)) {
                        held.add(task);
                    } else {
                        task.run();
                    }
                })
                .listener(record -> {
                    if (holdDownloads.get() && !record.acsRequestsOf(Download.class).isEmpty()) {
                        holdNextTask.set(true); // the simulator's next task is that download
                    }
                }));
    }

    @AfterEach
    void stop_the_file_server() {
        if (files != null) {
            files.stop(0);
        }
    }

    private ConfigurationStatus status() {
        return driver.status(ID).orElseThrow();
    }

    /** Serves {@code /config.alter} on loopback; returns its URL. */
    private String serveConfigFile(String content) throws IOException {
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        files.createContext("/config.alter", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        files.start();
        return "http://127.0.0.1:" + files.getAddress().getPort() + "/config.alter";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Faults and back-off

    @Test
    void a_faulted_channel_waits_with_a_doubling_backoff_and_success_clears_the_fault() {
        AtomicBoolean failing = new AtomicBoolean(true);
        AtomicInteger runs = new AtomicInteger();
        Provision flaky = (ctx, args) -> {
            runs.incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("inventory unavailable");
            }
            ctx.declare(SSID, Timestamps.none(), Values.value("office"));
        };
        start(ProvisioningDriver.builder(List.of(Preset.builder("wifi").channel("wifi").provision("flaky").build()))
                .provision("flaky", flaky));

        ProvisioningFault first = driver.faults(ID).get(0);
        assertThat(driver.faults(ID)).hasSize(1);
        assertThat(first.channel()).isEqualTo("wifi");
        assertThat(first.id()).isEqualTo(ID + ":wifi");
        assertThat(first.code()).isEqualTo("script");
        assertThat(first.message()).contains("inventory unavailable");
        assertThat(first.retries()).isZero();
        assertThat(first.retryAfter()).isEqualTo(first.timestamp().plusSeconds(60));
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.FAULTED);
        assertThat(status().reason()).hasValueSatisfying(r -> assertThat(r).contains("script", "inventory unavailable"));
        assertThat(status().pendingPresets()).containsExactly("wifi");
        int runsAfterFirst = runs.get();

        lab.advance(Duration.ofSeconds(30));
        assertThat(lab.informNow().acsRequests()).isEmpty();
        assertThat(runs).as("skipped before retryAfter").hasValue(runsAfterFirst);
        assertThat(driver.faults(ID)).singleElement().isEqualTo(first);

        lab.advance(Duration.ofSeconds(31));
        lab.informNow();
        assertThat(runs.get()).isGreaterThan(runsAfterFirst);
        ProvisioningFault second = driver.faults(ID).get(0);
        assertThat(second.retries()).isEqualTo(1);
        assertThat(second.timestamp()).isEqualTo(T0.plusSeconds(61));
        assertThat(second.retryAfter()).isEqualTo(second.timestamp().plusSeconds(120));

        failing.set(false);
        lab.advance(Duration.ofSeconds(119));
        int before = runs.get();
        lab.informNow();
        assertThat(runs).as("still waiting 1 s before the doubled back-off ends").hasValue(before);

        lab.advance(Duration.ofSeconds(1));
        lab.informNow();
        assertThat(cpe.value(SSID)).hasValue("office");
        assertThat(driver.faults(ID)).isEmpty();
        assertThat(driver.faults()).isEmpty();
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.CONFIGURED);
        assertThat(status().pendingPresets()).isEmpty();
        assertThat(status().reason()).isEmpty();
    }

    @Test
    void the_backoff_is_capped_at_the_configured_maximum() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("typo").provision("wfii").build()))
                .options(ProvisioningOptions.defaults()
                        .withFaultBackoff(Duration.ofSeconds(10), Duration.ofSeconds(25))));
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unknown_provision");
            assertThat(f.channel()).isEqualTo("default");
            assertThat(Duration.between(f.timestamp(), f.retryAfter())).hasSeconds(10);
        });
        lab.advance(Duration.ofSeconds(10));
        lab.informNow();
        assertThat(driver.faults(ID)).singleElement().satisfies(f ->
                assertThat(Duration.between(f.timestamp(), f.retryAfter())).hasSeconds(20));
        lab.advance(Duration.ofSeconds(20));
        lab.informNow();
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.retries()).isEqualTo(2);
            assertThat(Duration.between(f.timestamp(), f.retryAfter())).hasSeconds(25);
        });
    }

    @Test
    void another_channel_goes_on_while_one_is_faulted() {
        AtomicInteger brokenRuns = new AtomicInteger();
        PresetStore presets = PresetStore.inMemory(List.of(
                Preset.builder("broken").channel("inventory").provision("broken").build(),
                Preset.builder("wifi").channel("wifi").setValue(SSID, Literal.of("office")).build()));
        start(ProvisioningDriver.builder(presets).provision("broken", (ctx, args) -> {
            brokenRuns.incrementAndGet();
            throw new IllegalStateException("always");
        }));

        assertThat(cpe.value(SSID)).hasValue("office");
        assertThat(driver.faults(ID)).extracting(ProvisioningFault::channel).containsExactly("inventory");
        assertThat(status().pendingPresets()).containsExactly("broken");

        presets.put(Preset.builder("wifi").channel("wifi").setValue(SSID, Literal.of("office-2")).build());
        lab.advance(Duration.ofSeconds(5));
        lab.informNow();

        assertThat(cpe.value(SSID)).hasValue("office-2");
        assertThat(brokenRuns).as("the faulted channel waits").hasValue(1);
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("inventory");
            assertThat(f.retries()).isZero();
        });
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.FAULTED);
    }

    @Test
    void a_cleared_fault_lets_the_channel_run_at_the_next_session() {
        AtomicBoolean failing = new AtomicBoolean(true);
        start(ProvisioningDriver.builder(List.of(Preset.builder("wifi").channel("wifi").provision("flaky").build()))
                .provision("flaky", (ctx, args) -> {
                    if (failing.get()) {
                        throw new IllegalStateException("down");
                    }
                    ctx.declare(SSID, Timestamps.none(), Values.value("office"));
                }));
        assertThat(driver.faults(ID)).hasSize(1);
        failing.set(false);

        assertThat(driver.clearFault(ID, "wifi")).isTrue();
        assertThat(driver.clearFault(ID, "wifi")).isFalse();
        lab.informNow();

        assertThat(cpe.value(SSID)).hasValue("office");
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.CONFIGURED);
    }

    @Test
    void a_cwmp_fault_falls_on_the_channels_whose_declarations_the_request_carried() {
        start(ProvisioningDriver.builder(List.of(
                Preset.builder("bad").channel("mgmt")
                        .setValue("Device.ManagementServer.PeriodicInformInterval", Literal.of("soon")).build(),
                Preset.builder("good").channel("wifi").weight(1).setValue(SSID, Literal.of("office")).build())));

        // Both values go in one SetParameterValues: the fault falls on both channels of that request.
        assertThat(driver.faults(ID)).extracting(ProvisioningFault::code).allSatisfy(c -> assertThat(c).startsWith("cwmp.90"));
        assertThat(driver.faults(ID)).extracting(ProvisioningFault::channel).containsExactlyInAnyOrder("mgmt", "wifi");
        assertThat(status().pendingPresets()).containsExactly("bad", "good");
    }

    @Test
    void a_faulted_channel_keeps_the_tags_its_presets_would_have_changed_and_retries_after_the_backoff() {
        AtomicBoolean available = new AtomicBoolean();
        AtomicInteger lookups = new AtomicInteger();
        Provision wifi = (ctx, args) -> ctx.declare(SSID, Timestamps.none(), Values.value("office"));
        start(ProvisioningDriver.builder(List.of(
                Preset.builder("10 init").weight(10).precondition("Tags.INIT IS NULL AND Tags.PROVISIONED IS NULL")
                        .addTag("INIT").addTag("WIFI").build(),
                Preset.builder("21 wifi").weight(21).channel("wifi").precondition("Tags.WIFI IS NOT NULL")
                        .provision("wifi").deleteTag("WIFI").build(),
                Preset.builder("22 other").weight(22).channel("other").precondition("Tags.WIFI IS NOT NULL")
                        .addTag("OTHER").build(),
                Preset.builder("29 done").weight(29).precondition("Tags.INIT IS NOT NULL AND Tags.WIFI IS NULL")
                        .deleteTag("INIT").addTag("PROVISIONED").build()))
                .provisionLookup(name -> {
                    lookups.incrementAndGet();
                    return available.get() && name.equals("wifi") ? Optional.of(wifi) : Optional.empty();
                }));

        // One session: "10 init" tags INIT and WIFI; the next cycle runs "21 wifi" and "22 other".
        // "wifi" is unknown: WIFI is back, so "29 done" does not apply; OTHER (another channel) stays.
        assertThat(lab.sessions()).hasSize(1);
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("wifi");
            assertThat(f.code()).isEqualTo("unknown_provision");
        });
        assertThat(lab.record().tags()).containsExactlyInAnyOrder("INIT", "WIFI", "OTHER");
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.FAULTED);
        int lookupsAfterFault = lookups.get();
        assertThat(lookupsAfterFault).isPositive();

        // Within the back-off the wifi preset is skipped: nothing changes.
        lab.advance(Duration.ofSeconds(30));
        assertThat(lab.informNow().acsRequests()).isEmpty();
        assertThat(lookups).hasValue(lookupsAfterFault);
        assertThat(lab.record().tags()).containsExactlyInAnyOrder("INIT", "WIFI", "OTHER");

        // After it the preset applies again (WIFI is still there), now with its provision stored.
        available.set(true);
        lab.advance(Duration.ofSeconds(31));
        lab.informNow();
        assertThat(lookups.get()).isGreaterThan(lookupsAfterFault);
        assertThat(cpe.value(SSID)).hasValue("office");
        assertThat(lab.record().tags()).containsExactlyInAnyOrder("OTHER", "PROVISIONED");
        assertThat(driver.faults(ID)).isEmpty();
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.CONFIGURED);
    }

    @Test
    void a_cpe_fault_later_in_the_session_undoes_the_tag_changes_of_the_faulted_channel_only() {
        start(ProvisioningDriver.builder(List.of(
                Preset.builder("interval").channel("mgmt").addTag("MGMT_DONE")
                        .setValue("Device.ManagementServer.PeriodicInformInterval", Literal.of("soon")).build(),
                Preset.builder("marker").channel("audit").addTag("SEEN").build())));

        // The tags were applied before the SetParameterValues; its CWMP fault undoes mgmt's.
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("mgmt");
            assertThat(f.code()).startsWith("cwmp.90");
        });
        assertThat(lab.record().tags()).containsExactly("SEEN");
    }

    // ---------------------------------------------------------------------------------------------
    // Downloads

    @Test
    void a_transfer_complete_in_a_later_session_is_matched_by_its_command_key() throws IOException {
        String script = "/system identity set name=office";
        String url = serveConfigFile(script);
        holdDownloads.set(true);
        start(ProvisioningDriver.builder(List.of(Preset.builder("config").channel("config").events("0 BOOTSTRAP")
                .provision("download", Literal.of("3 Vendor Configuration File"), Literal.of(url),
                        Literal.of("office.alter"), Literal.of(script.length()))
                .build())));

        Download sent = lab.lastSession().acsRequestsOf(Download.class).get(0);
        assertThat(sent.commandKey()).startsWith("cwmp-kit-dl-");
        assertThat(sent.fileSize()).isEqualTo(script.length());
        assertThat(driver.store().get(ID).orElseThrow().transfers()).singleElement().satisfies(t -> {
            assertThat(t.commandKey()).isEqualTo(sent.commandKey());
            assertThat(t.channel()).isEqualTo("config");
            assertThat(t.fileType()).isEqualTo("3 Vendor Configuration File");
            assertThat(t.expires()).isEqualTo(t.sent().plus(Duration.ofHours(1)));
        });
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.PENDING);
        assertThat(status().reason()).hasValue("waiting for TransferComplete of 3 Vendor Configuration File");
        assertThat(status().pendingPresets()).containsExactly("config");

        holdDownloads.set(false);
        assertThat(held).hasSize(1);
        held.poll().run(); // the device downloads the file and comes back with TransferComplete
        lab.runDue();

        SessionRecord completed = lab.lastSession();
        assertThat(completed.hasEvent("7 TRANSFER COMPLETE")).isTrue();
        assertThat(completed.hasEvent("M Download")).isTrue();
        assertThat(completed.cpeRequests()).filteredOn(TransferComplete.class::isInstance).singleElement()
                .satisfies(tc -> assertThat(((TransferComplete) tc).commandKey()).isEqualTo(sent.commandKey()));
        assertThat(cpe.lastScript()).hasValue("/system identity set name=office");
        assertThat(driver.store().get(ID).orElseThrow().transfers()).isEmpty();
        assertThat(driver.faults(ID)).isEmpty();
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.CONFIGURED);
    }

    @Test
    void a_transfer_complete_with_a_fault_struct_is_a_download_fault_on_the_channel() throws IOException {
        String url = "http://127.0.0.1:" + closedPort() + "/RouterOS-6.49.xml";
        start(ProvisioningDriver.builder(List.of(Preset.builder("firmware").channel("firmware").events("0 BOOTSTRAP")
                .provision("download", Literal.of("1 Firmware Upgrade Image"), Literal.of(url)).build())));

        assertThat(lab.sessions()).anySatisfy(r -> assertThat(r.hasEvent("7 TRANSFER COMPLETE")).isTrue());
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("firmware");
            assertThat(f.code()).matches("download\\.9\\d{3}");
            assertThat(f.message()).contains(url);
        });
        assertThat(driver.store().get(ID).orElseThrow().transfers()).isEmpty();
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.FAULTED);
        assertThat(status().reason()).hasValueSatisfying(r -> assertThat(r).contains("download.9"));
    }

    @Test
    void a_pending_transfer_is_not_sent_again_and_becomes_a_timeout_fault_once_expired() {
        holdDownloads.set(true);
        String url = "http://127.0.0.1:9/RouterOS-6.49.xml";
        AtomicInteger runs = new AtomicInteger();
        start(ProvisioningDriver.builder(List.of(Preset.builder("firmware").channel("firmware")
                        .provision("upgrade").build()))
                .provision("upgrade", (ctx, args) -> {
                    runs.incrementAndGet();
                    ctx.download("1 Firmware Upgrade Image", url, "");
                })
                .options(ProvisioningOptions.defaults().withDownloadTimeout(Duration.ofMinutes(30))));
        assertThat(lab.lastSession().acsRequestsOf(Download.class)).hasSize(1);
        assertThat(held).hasSize(1); // the device never completes it

        lab.advance(Duration.ofMinutes(10));
        SessionRecord waiting = lab.informNow();
        assertThat(runs.get()).isGreaterThan(1);
        assertThat(waiting.acsRequestsOf(Download.class)).as("no second Download of the same file").isEmpty();
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.PENDING);
        assertThat(status().reason()).hasValue("waiting for TransferComplete of 1 Firmware Upgrade Image");

        lab.advance(Duration.ofMinutes(21));
        lab.informNow();
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("firmware");
            assertThat(f.code()).isEqualTo("timeout");
            assertThat(f.message()).contains("CommandKey cwmp-kit-dl-");
        });
        assertThat(driver.store().get(ID).orElseThrow().transfers()).isEmpty();
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.FAULTED);
    }

    @Test
    void a_factory_reset_drops_the_pending_transfers_so_the_download_is_sent_again() {
        holdDownloads.set(true);
        String url = "http://127.0.0.1:9/RouterOS-6.49.xml";
        PresetStore presets = PresetStore.inMemory(List.of(Preset.builder("firmware").channel("firmware")
                .events("0 BOOTSTRAP")
                .provision("download", Literal.of("1 Firmware Upgrade Image"), Literal.of(url)).build()));
        start(ProvisioningDriver.builder(presets));
        String firstKey = lab.lastSession().acsRequestsOf(Download.class).get(0).commandKey();
        assertThat(driver.store().get(ID).orElseThrow().transfers()).hasSize(1);

        presets.put(Preset.builder("wipe").channel("wipe").precondition("Tags.wiped IS NULL").addTag("wiped")
                .provision("reset").build());
        lab.advance(Duration.ofMinutes(1));
        lab.informNow();
        lab.runDue();

        SessionRecord bootstrap = lab.lastSession();
        assertThat(bootstrap.hasEvent("0 BOOTSTRAP")).isTrue();
        assertThat(bootstrap.acsRequestsOf(Download.class)).singleElement()
                .satisfies(d -> assertThat(d.commandKey()).isNotEqualTo(firstKey));
        assertThat(driver.store().get(ID).orElseThrow().transfers()).extracting(PendingTransfer::commandKey)
                .doesNotContain(firstKey).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------
    // Status, summary, presets at run time, objects

    @Test
    void the_summary_counts_configured_and_faulted_devices_and_pages_through_them() {
        start(ProvisioningDriver.builder(List.of(
                        Preset.builder("wifi").channel("wifi").setValue(SSID, Literal.of("office")).build(),
                        Preset.builder("inventory").channel("inventory")
                                .precondition("DeviceID.SerialNumber LIKE \"BAD%\"").provision("missing").build())),
                "GOOD1", "GOOD2", "GOOD3", "GOOD4", "BAD1", "BAD2");

        assertThat(driver.summary()).isEqualTo(new StatusSummary(4, 0, 2));
        assertThat(driver.summary().total()).isEqualTo(6);
        assertThat(driver.store().withState(ConfigurationStatus.State.FAULTED, 0, 10))
                .extracting(p -> p.deviceId().serialNumber()).containsExactly("BAD1", "BAD2");
        assertThat(driver.store().withState(ConfigurationStatus.State.CONFIGURED, 1, 2))
                .extracting(p -> p.deviceId().serialNumber()).containsExactly("GOOD2", "GOOD3");
        assertThat(driver.faults()).extracting(f -> f.deviceId().serialNumber())
                .containsExactlyInAnyOrder("BAD1", "BAD2");
    }

    @Test
    void presets_changed_in_the_preset_store_between_sessions_take_effect() {
        PresetStore presets = PresetStore.inMemory(List.of(Preset.builder("ssid").setValue(SSID, Literal.of("one")).build()));
        start(ProvisioningDriver.builder(presets));
        assertThat(cpe.value(SSID)).hasValue("one");

        presets.put(Preset.builder("ssid").setValue(SSID, Literal.of("two")).build());
        lab.informNow();
        assertThat(cpe.value(SSID)).hasValue("two");

        presets.delete("ssid");
        presets.put(Preset.builder("tagger").addTag("SEEN").build());
        assertThat(lab.informNow().acsRequests()).isEmpty();
        assertThat(lab.record().tags()).containsExactly("SEEN");
        assertThat(cpe.value(SSID)).hasValue("two");
    }

    @Test
    void a_provision_lookup_supplies_provisions_not_registered() {
        Map<String, Provision> stored = new java.util.concurrent.ConcurrentHashMap<>();
        start(ProvisioningDriver.builder(List.of(Preset.builder("stored").provision("script1").build()))
                .provisionLookup(name -> java.util.Optional.ofNullable(stored.get(name))));
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("unknown_provision"));

        stored.put("script1", (ctx, args) -> ctx.declare(SSID, Timestamps.none(), Values.value("from-script")));
        driver.clearFaults(ID);
        lab.informNow();
        assertThat(cpe.value(SSID)).hasValue("from-script");
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void add_object_and_delete_object_entries_ensure_an_instance_with_the_keys_exists_or_none_does() {
        PresetObject guest = new PresetObject("guest", Map.of("SSID", "guest", "Enable", "false"), List.of("SSID"));
        PresetStore presets = PresetStore.inMemory(List.of(Preset.builder("guest")
                .configuration(new Configuration.AddObject("Device.WiFi.SSID", "guest")).build()));
        start(ProvisioningDriver.builder(presets).object(guest));

        assertThat(lab.lastSession().acsRequests()).filteredOn(AddObject.class::isInstance).singleElement()
                .satisfies(a -> assertThat(((AddObject) a).objectName()).isEqualTo("Device.WiFi.SSID."));
        assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).hasValue("guest");
        assertThat(cpe.value("Device.WiFi.SSID.2.Enable")).hasValue("false");
        assertThat(cpe.value(SSID)).hasValue("MikroTik-6131E4");
        assertThat(status().state()).isEqualTo(ConfigurationStatus.State.CONFIGURED);

        assertThat(lab.informNow().acsMethodNames()).doesNotContain("AddObject", "DeleteObject");

        presets.put(Preset.builder("guest")
                .configuration(new Configuration.DeleteObject("Device.WiFi.SSID", "guest")).build());
        SessionRecord deleted = lab.informNow();
        assertThat(deleted.acsRequests()).filteredOn(DeleteObject.class::isInstance).singleElement()
                .satisfies(d -> assertThat(((DeleteObject) d).objectName()).isEqualTo("Device.WiFi.SSID.2."));
        assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).isEmpty();
        assertThat(cpe.value(SSID)).hasValue("MikroTik-6131E4");
        assertThat(lab.informNow().acsMethodNames()).doesNotContain("AddObject", "DeleteObject");
    }

    @Test
    void an_object_entry_naming_no_registered_object_is_a_fault() {
        start(ProvisioningDriver.builder(List.of(Preset.builder("guest")
                .configuration(new Configuration.AddObject("Device.WiFi.SSID", "nope")).build())));
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unknown_provision");
            assertThat(f.message()).contains("nope");
        });
    }
}
