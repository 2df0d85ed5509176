package dev.cwmp.provisioning.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.provisioning.ConfigurationStatus;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.provisioning.ProvisioningFault;
import dev.cwmp.provisioning.ProvisioningOptions;
import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.files.FileServer;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.SocketTransport;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The story the project exists for, over real HTTP on loopback: a MikroTik RB951Ui-2HnD boots blank,
 * the ACS upgrades its firmware (a RouterOS package list from the file server), configures its
 * Wi-Fi and the rest, and tags it PROVISIONED, with nobody doing anything; the customer resets it and
 * it comes back to PROVISIONED on its own. Time is a manual scheduler: the device's periodic informs
 * (every 5 minutes, as its default script sets) are the only trigger.
 */
class ZeroTouchStoryTest {

    private static final String SERIAL = "4AC7046131E4";
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL);
    private static final String SSID = "Device.WiFi.SSID.1.SSID";
    private static final int MAX_SESSIONS = 6;
    /** Sessions from first boot to PROVISIONED with nothing pending (6 before the driver ran cycles). */
    private static final int FIRST_BOOT_SESSIONS = 3;
    /** Sessions from the factory reset to PROVISIONED with nothing pending (5 before the driver ran cycles). */
    private static final int RESET_SESSIONS = 2;
    private static final String FIRMWARE = "1 Firmware Upgrade Image";

    /** Where a device is in the story, from its tags. */
    enum Phase { NONE, PENDING, UPGRADING, UPGRADED, PROVISIONING, PROVISIONED }

    /** What the ACS held after one session. */
    record Snapshot(SessionRecord session, Set<String> tags, Phase phase, Optional<ConfigurationStatus> status) {
    }

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
    private FileStore files;
    private FileServer fileServer;
    private ProvisioningDriver driver;
    private Acs acs;
    private SocketTransport transport;
    private Simulator simulator;
    private SimulatedDevice cpe;
    private long upgradeListSize;
    /** When set, the first firmware download is held (never run): the CPE accepted it and never reports. */
    private final AtomicBoolean holdFirstFirmwareDownload = new AtomicBoolean();
    private final AtomicBoolean holdNextTask = new AtomicBoolean();
    private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();

    private void start(String presetsJson) throws IOException {
        start(presetsJson, ProvisioningOptions.defaults());
    }

    private void start(String presetsJson, ProvisioningOptions options) throws IOException {
        files = FileStore.inMemory(scheduler);
        fileServer = FileServer.start(files, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        List<URI> packages = new ArrayList<>();
        for (String npk : ZeroTouch.routerOsPackages(ZeroTouch.TARGET_VERSION, "mipsbe")) {
            put(npk, "fake package " + npk, new FileInfo(FIRMWARE, "E48D8C", "", ZeroTouch.TARGET_VERSION));
            packages.add(fileServer.urlOf(npk));
        }
        String packageList = ZeroTouch.routerOsPackageList(packages);
        put(ZeroTouch.UPGRADE_LIST, packageList,
                new FileInfo(FIRMWARE, "E48D8C", "RB951Ui-2HnD", ZeroTouch.TARGET_VERSION));
        upgradeListSize = packageList.getBytes(StandardCharsets.UTF_8).length;
        put(ZeroTouch.AP_BRIDGE_FILE, ZeroTouch.AP_BRIDGE_SCRIPT, FileInfo.ofType("3 Vendor Configuration File"));

        // The package list's length is known here, where it was built: the upgrade provision's third argument.
        String upgradeUrl = ZeroTouch.DEFAULT_FILE_SERVER + ZeroTouch.UPGRADE_LIST;
        List<Preset> presets = PresetJson.readList(presetsJson
                .replace(upgradeUrl + "\"]", upgradeUrl + "\"," + upgradeListSize + "]")
                .replace(ZeroTouch.DEFAULT_FILE_SERVER.toString(), fileServer.baseUrl().toString()));
        driver = ZeroTouch.register(ProvisioningDriver.builder(presets)).options(options).build();
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(driver).clock(scheduler).build();
        transport = SocketTransport.start(acs, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        simulator = Simulator.builder(URI.create("http://127.0.0.1:" + transport.port() + "/"))
                .scheduler(scheduler).executor(task -> {
                    if (holdNextTask.compareAndSet(true, false)) {
                        held.add(task);
                    } else {
                        task.run();
                    }
                }).noConnectionRequests()
                .periodicInform(Duration.ofMinutes(5))
                .listener(this::sessionEnded)
                .build();
        cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
    }

    private void put(String name, String content, FileInfo info) throws IOException {
        files.put(name, info, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    private void sessionEnded(SessionRecord session) {
        if (session.acsRequests().stream().anyMatch(r -> r instanceof Download d && d.fileType().equals(FIRMWARE))
                && holdFirstFirmwareDownload.compareAndSet(true, false)) {
            holdNextTask.set(true); // the simulator's next task is that download
        }
        Set<String> tags = acs.devices().record(ID).map(r -> Set.copyOf(r.tags())).orElse(Set.of());
        snapshots.add(new Snapshot(session, tags, phase(tags), driver.status(ID)));
    }

    private static Phase phase(Set<String> tags) {
        if (tags.contains("PROVISIONED")) {
            return Phase.PROVISIONED;
        }
        if (tags.contains("INIT") || tags.contains("WIFI") || tags.contains("OTHER")) {
            return Phase.PROVISIONING;
        }
        if (tags.contains("UPGRADED")) {
            return Phase.UPGRADED;
        }
        if (tags.contains("UPGRADING")) {
            return Phase.UPGRADING;
        }
        if (tags.contains("PENDING")) {
            return Phase.PENDING;
        }
        return Phase.NONE;
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
            transport.close();
            acs.close();
            driver.close();
        }
        if (fileServer != null) {
            fileServer.close();
        }
    }

    /**
     * Lets time pass (the device's own timers: periodic informs, downloads, reboots) until a session
     * ends with the device in a state {@code done} accepts, at most {@code limit} sessions; returns the
     * snapshots of the sessions that ran.
     */
    private List<Snapshot> runUntil(Predicate<Snapshot> done, int limit) {
        int first = snapshots.size();
        while (snapshots.size() - first < limit) {
            int before = snapshots.size();
            scheduler.runDue();
            while (snapshots.size() == before) {
                Instant next = scheduler.nextDue().orElseThrow(() -> new AssertionError("the device stopped"));
                scheduler.advance(Duration.between(scheduler.instant(), next));
            }
            for (int i = before; i < snapshots.size(); i++) {
                if (done.test(snapshots.get(i))) {
                    return List.copyOf(snapshots.subList(first, i + 1));
                }
            }
        }
        return List.copyOf(snapshots.subList(first, snapshots.size()));
    }

    private static boolean provisioned(Snapshot s) {
        return s.phase() == Phase.PROVISIONED;
    }

    /** Tagged PROVISIONED and nothing pending any more (the last TransferComplete has come). */
    private static boolean done(Snapshot s) {
        return provisioned(s) && s.status().map(st -> st.state() == ConfigurationStatus.State.CONFIGURED).orElse(false);
    }

    private static List<Phase> phases(List<Snapshot> run) {
        List<Phase> out = new ArrayList<>();
        for (Snapshot s : run) {
            if (out.isEmpty() || out.get(out.size() - 1) != s.phase()) {
                out.add(s.phase());
            }
        }
        return out;
    }

    private static List<Download> downloads(List<Snapshot> run, String fileType) {
        return run.stream().flatMap(s -> s.session().acsRequests().stream())
                .filter(Download.class::isInstance).map(Download.class::cast)
                .filter(d -> d.fileType().equals(fileType)).toList();
    }

    private static String describe(List<Snapshot> run) {
        StringBuilder sb = new StringBuilder();
        int n = 1;
        for (Snapshot s : run) {
            sb.append("\n  session ").append(n++).append(' ').append(s.session().events().stream()
                    .map(e -> e.eventCode()).toList()).append(" -> ")
                    .append(s.session().acsRequests().stream().map(AcsMessage::methodName).toList())
                    .append(" tags ").append(s.tags()).append(' ')
                    .append(s.status().map(ConfigurationStatus::state).map(Enum::name).orElse("-"));
        }
        return sb.toString();
    }

    @Test
    void a_new_router_provisions_itself_and_after_a_factory_reset_provisions_itself_again() throws IOException {
        start(ZeroTouch.presetsJson());
        assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");

        cpe.powerOn();
        List<Snapshot> firstBoot = runUntil(ZeroTouchStoryTest::done, 12);

        assertThat(firstBoot).last().matches(ZeroTouchStoryTest::provisioned, "provisioned" + describe(firstBoot));
        assertThat(firstBoot.size()).as("sessions from first boot to PROVISIONED: %d%s", firstBoot.size(),
                describe(firstBoot)).isLessThanOrEqualTo(MAX_SESSIONS);
        // Cycles: PENDING and UPGRADING in the first session (it ends waiting for the firmware), UPGRADED,
        // PROVISIONING and PROVISIONED in the second; the third brings the configuration file's
        // TransferComplete.
        assertThat(firstBoot.size()).as(describe(firstBoot)).isEqualTo(FIRST_BOOT_SESSIONS);
        assertThat(phases(firstBoot)).as(describe(firstBoot)).containsExactly(Phase.UPGRADING, Phase.PROVISIONED);
        assertThat(cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(downloads(firstBoot, FIRMWARE)).singleElement()
                .satisfies(d -> {
                    assertThat(d.url()).isEqualTo(fileServer.urlOf(ZeroTouch.UPGRADE_LIST).toString());
                    assertThat(d.fileSize()).isEqualTo(upgradeListSize).isPositive();
                });
        assertThat(cpe.isSilenced()).isFalse();
        assertThat(cpe.value(SSID)).hasValue("test_131E4");
        assertThat(cpe.value("Device.WiFi.AccessPoint.1.Enable")).hasValue("true");
        assertThat(cpe.lastScript()).hasValue(ZeroTouch.AP_BRIDGE_SCRIPT);
        assertThat(cpe.value("Device.ManagementServer.PeriodicInformInterval")).hasValue("300");
        assertThat(cpe.value("Device.DNS.Client.Server.1.DNSServer")).hasValue("9.9.9.9");
        assertThat(firstBoot).last().satisfies(s -> assertThat(s.tags()).containsExactly("PROVISIONED"));
        assertThat(firstBoot.subList(0, firstBoot.size() - 1)).as(describe(firstBoot))
                .anySatisfy(s -> assertThat(s.status()).hasValueSatisfying(
                        st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.PENDING)));
        assertThat(driver.status(ID)).hasValueSatisfying(
                st -> assertThat(st.state()).as(describe(firstBoot)).isEqualTo(ConfigurationStatus.State.CONFIGURED));
        assertThat(driver.faults(ID)).isEmpty();

        // Nothing more to do: the next periodic inform is answered with no request.
        List<Snapshot> quiet = runUntil(s -> true, 1);
        assertThat(quiet).singleElement().satisfies(s -> {
            assertThat(s.session().acsRequests()).isEmpty();
            assertThat(s.tags()).containsExactly("PROVISIONED");
        });

        // The customer resets the router: values back to the defaults, 0 BOOTSTRAP.
        cpe.factoryReset();
        assertThat(cpe.value(SSID)).hasValue("MikroTik-6131E4");
        assertThat(cpe.value("Device.ManagementServer.PeriodicInformInterval")).hasValue("300"); // its default script
        List<Snapshot> afterReset = runUntil(ZeroTouchStoryTest::done, 12);

        assertThat(afterReset).first().satisfies(s -> assertThat(s.session().hasEvent("0 BOOTSTRAP")).isTrue());
        assertThat(afterReset).last().matches(ZeroTouchStoryTest::provisioned, "provisioned" + describe(afterReset));
        assertThat(afterReset.size()).as("sessions from the reset to PROVISIONED: %d%s", afterReset.size(),
                describe(afterReset)).isLessThanOrEqualTo(MAX_SESSIONS);
        // Already on the new firmware: every step from PENDING to PROVISIONED in the 0 BOOTSTRAP session
        // (five cycles: 00, 10, 20, 21 and 28, 29); the next brings the configuration file's TransferComplete.
        assertThat(afterReset.size()).as(describe(afterReset)).isEqualTo(RESET_SESSIONS);
        assertThat(phases(afterReset)).as(describe(afterReset)).containsExactly(Phase.PROVISIONED);
        assertThat(afterReset.get(0).status()).as(describe(afterReset)).hasValueSatisfying(st -> {
            assertThat(st.state()).isEqualTo(ConfigurationStatus.State.PENDING);
            assertThat(st.reason()).hasValueSatisfying(r -> assertThat(r).contains("3 Vendor Configuration File"));
        });
        assertThat(downloads(afterReset, FIRMWARE)).as("already on %s: no firmware download", ZeroTouch.TARGET_VERSION)
                .isEmpty();
        assertThat(downloads(afterReset, "3 Vendor Configuration File")).hasSize(1);
        assertThat(cpe.value(SSID)).hasValue("test_131E4");
        assertThat(cpe.value("Device.DNS.Client.Server.1.DNSServer")).hasValue("9.9.9.9");
        assertThat(cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(afterReset.subList(0, afterReset.size() - 1))
                .anySatisfy(s -> assertThat(s.status()).hasValueSatisfying(
                        st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.PENDING)));
        assertThat(driver.status(ID)).hasValueSatisfying(
                st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.CONFIGURED));
        assertThat(acs.devices().record(ID).orElseThrow().tags()).containsExactly("PROVISIONED");
        System.out.printf("story: %d sessions from first boot to PROVISIONED:%s%nstory: %d from the reset:%s%n",
                firstBoot.size(), describe(firstBoot), afterReset.size(), describe(afterReset));
    }

    @Test
    void a_router_already_on_the_new_firmware_is_provisioned_without_a_download() throws IOException {
        start(ZeroTouch.presetsJson().replace("\"args\":[\"" + ZeroTouch.TARGET_VERSION + "\"",
                "\"args\":[\"6.40.5\""));
        cpe.powerOn();
        List<Snapshot> run = runUntil(ZeroTouchStoryTest::done, 12);

        assertThat(run).last().matches(ZeroTouchStoryTest::provisioned, "provisioned" + describe(run));
        assertThat(run.size()).as("sessions: %d%s", run.size(), describe(run)).isLessThanOrEqualTo(MAX_SESSIONS - 1);
        assertThat(downloads(run, FIRMWARE)).isEmpty();
        assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");
        assertThat(cpe.value(SSID)).hasValue("test_131E4");
        assertThat(driver.status(ID)).hasValueSatisfying(
                st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.CONFIGURED));
    }

    @Test
    void a_failed_firmware_download_undoes_its_sessions_tags_and_is_retried_after_the_back_off() throws IOException {
        start(ZeroTouch.presetsJson());
        String routerOs = ZeroTouch.routerOsPackages(ZeroTouch.TARGET_VERSION, "mipsbe").get(0);
        files.delete(routerOs); // 404 for the package
        cpe.powerOn();
        List<Snapshot> run = runUntil(s -> s.status().map(st -> st.state() == ConfigurationStatus.State.FAULTED)
                .orElse(false), 6);

        assertThat(run).as(describe(run)).isNotEmpty();
        assertThat(run).last().satisfies(s -> assertThat(s.status()).as(describe(run)).hasValueSatisfying(st -> {
            assertThat(st.state()).isEqualTo(ConfigurationStatus.State.FAULTED);
            assertThat(st.reason()).hasValueSatisfying(r -> assertThat(r).contains("download."));
        }));
        List<ProvisioningFault> faults = driver.faults(ID);
        assertThat(faults).as(describe(run)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("upgrade");
            assertThat(f.code()).startsWith("download.90");
            assertThat(f.retries()).isZero();
        });
        assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");
        assertThat(downloads(run, FIRMWARE)).hasSize(1);
        // Never UPGRADED nor PROVISIONED: "19 UPGRADED" is on the faulted channel and is skipped.
        assertThat(run).as(describe(run)).allSatisfy(s -> assertThat(s.tags()).doesNotContain("UPGRADED",
                "PROVISIONED", "INIT", "WIFI", "OTHER"));
        // The session that sent the Download tagged UPGRADING and untagged PENDING: both undone.
        assertThat(run).last().satisfies(s -> assertThat(s.tags()).as(describe(run)).containsExactly("PENDING"));
        assertThat(driver.store().get(ID).orElseThrow().transfers()).isEmpty();

        // Within the back-off the upgrade waits: no second download.
        List<Snapshot> waiting = informNow();
        assertThat(waiting).as(describe(waiting)).singleElement().satisfies(s -> {
            assertThat(s.tags()).containsExactly("PENDING");
            assertThat(s.session().acsRequests()).noneMatch(Download.class::isInstance);
        });

        // The package is back on the file server; after the back-off "10 UPGRADING" applies again.
        put(routerOs, "fake package " + routerOs, new FileInfo(FIRMWARE, "E48D8C", "", ZeroTouch.TARGET_VERSION));
        List<Snapshot> retried = runUntil(ZeroTouchStoryTest::done, 6);
        assertThat(retried).last().matches(ZeroTouchStoryTest::done, "provisioned" + describe(retried));
        assertThat(downloads(retried, FIRMWARE)).as(describe(retried)).singleElement();
        assertThat(retried.get(0).session().events()).as(describe(retried)).noneMatch(e -> e.is("0 BOOTSTRAP"));
        assertThat(cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(cpe.value(SSID)).hasValue("test_131E4");
        assertThat(acs.devices().record(ID).orElseThrow().tags()).containsExactly("PROVISIONED");
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_firmware_download_that_times_out_undoes_its_sessions_tags_and_is_retried_after_the_back_off()
            throws IOException {
        start(ZeroTouch.presetsJson(), ProvisioningOptions.defaults().withDownloadTimeout(Duration.ofMinutes(20)));
        holdFirstFirmwareDownload.set(true); // the CPE accepts the Download and never reports on it
        cpe.powerOn();
        List<Snapshot> run = runUntil(s -> s.status().map(st -> st.state() == ConfigurationStatus.State.FAULTED)
                .orElse(false), 8);

        assertThat(held).as("the first download was held").hasSize(1);
        assertThat(downloads(run, FIRMWARE)).as(describe(run)).hasSize(1);
        // Until the timeout the transfer is pending: UPGRADING, no second Download.
        assertThat(run.subList(0, run.size() - 1)).as(describe(run)).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(s -> {
                    assertThat(s.tags()).containsExactly("UPGRADING");
                    assertThat(s.status()).hasValueSatisfying(
                            st -> assertThat(st.state()).isEqualTo(ConfigurationStatus.State.PENDING));
                });
        assertThat(driver.faults(ID)).as(describe(run)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("upgrade");
            assertThat(f.code()).isEqualTo("timeout");
        });
        assertThat(run).last().satisfies(s -> assertThat(s.tags()).as(describe(run)).containsExactly("PENDING"));
        assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");

        List<Snapshot> retried = runUntil(ZeroTouchStoryTest::done, 6);
        assertThat(retried).last().matches(ZeroTouchStoryTest::done, "provisioned" + describe(retried));
        assertThat(downloads(retried, FIRMWARE)).as(describe(retried)).singleElement();
        assertThat(cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(acs.devices().record(ID).orElseThrow().tags()).containsExactly("PROVISIONED");
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_firmware_download_the_cpe_refuses_undoes_the_sessions_tags_and_is_retried_once_corrected()
            throws IOException {
        String ftp = "\"ftp://127.0.0.1:7567/" + ZeroTouch.UPGRADE_LIST;
        start(ZeroTouch.presetsJson().replace("\"" + ZeroTouch.DEFAULT_FILE_SERVER + ZeroTouch.UPGRADE_LIST, ftp));
        cpe.powerOn();
        List<Snapshot> run = runUntil(s -> true, 1);

        // The CPE answers the Download with a CWMP fault (9013, FTP not supported) in the same session.
        assertThat(downloads(run, FIRMWARE)).singleElement().satisfies(d -> assertThat(d.url()).startsWith("ftp:"));
        assertThat(driver.faults(ID)).as(describe(run)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("upgrade");
            assertThat(f.code()).isEqualTo("cwmp.9013");
        });
        assertThat(run).last().satisfies(s -> assertThat(s.tags()).as(describe(run)).containsExactly("PENDING"));
        assertThat(driver.store().get(ID).orElseThrow().transfers()).isEmpty();

        // The operator corrects the preset; after the back-off the upgrade runs and the story ends.
        driver.presets().put(PresetJson.readList(ZeroTouch.presetsJson(fileServer.baseUrl())).stream()
                .filter(p -> p.name().equals("10 UPGRADING")).findFirst().orElseThrow());
        List<Snapshot> fixed = runUntil(ZeroTouchStoryTest::done, 6);
        assertThat(fixed).last().matches(ZeroTouchStoryTest::done, "provisioned" + describe(fixed));
        assertThat(downloads(fixed, FIRMWARE)).singleElement()
                .satisfies(d -> assertThat(d.url()).isEqualTo(fileServer.urlOf(ZeroTouch.UPGRADE_LIST).toString()));
        assertThat(cpe.softwareVersion()).isEqualTo(ZeroTouch.TARGET_VERSION);
        assertThat(driver.faults(ID)).isEmpty();
    }

    @Test
    void a_tag_a_later_session_set_again_is_kept_when_the_download_times_out() throws IOException {
        start(ZeroTouch.presetsJson(), ProvisioningOptions.defaults().withDownloadTimeout(Duration.ofMinutes(30)));
        holdFirstFirmwareDownload.set(true);
        cpe.powerOn();
        List<Snapshot> first = runUntil(s -> true, 1);
        assertThat(first).singleElement().satisfies(s -> assertThat(s.tags()).containsExactly("UPGRADING"));

        // The operator puts the upgrading device on hold, then releases it: a later session untags
        // UPGRADING, the next tags it again (through another channel).
        driver.presets().put(operatorPreset("Tags.UPGRADING IS NOT NULL", "UPGRADING", "ON_HOLD"));
        assertThat(runUntil(s -> true, 1)).singleElement()
                .satisfies(s -> assertThat(s.tags()).containsExactly("ON_HOLD"));
        driver.presets().put(operatorPreset("Tags.ON_HOLD IS NOT NULL", "ON_HOLD", "UPGRADING"));
        assertThat(runUntil(s -> true, 1)).singleElement()
                .satisfies(s -> assertThat(s.tags()).containsExactly("UPGRADING"));
        driver.presets().delete("50 ON HOLD");

        List<Snapshot> run = runUntil(s -> s.status().map(st -> st.state() == ConfigurationStatus.State.FAULTED)
                .orElse(false), 8);
        assertThat(driver.faults(ID)).as(describe(run)).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo("timeout"));
        // PENDING, untagged by the Download's session and not touched since, is back; UPGRADING, which the
        // operator's release set again, stays.
        assertThat(run).last().satisfies(s -> assertThat(s.tags()).as(describe(run))
                .containsExactlyInAnyOrder("PENDING", "UPGRADING"));
    }

    /** An operator's preset (channel {@code ops}): when {@code precondition}, untag one tag and tag another. */
    private static Preset operatorPreset(String precondition, String untag, String tag) {
        return PresetJson.read("""
                {"_id":"50 ON HOLD","channel":"ops","weight":50,"precondition":"%s",
                 "configurations":[{"type":"delete_tag","tag":"%s"},{"type":"add_tag","tag":"%s"}]}
                """.formatted(precondition, untag, tag));
    }

    /** Asks the device for a session now and runs it; the snapshots of the sessions that ran. */
    private List<Snapshot> informNow() {
        int before = snapshots.size();
        cpe.informNow();
        scheduler.runDue();
        return List.copyOf(snapshots.subList(before, snapshots.size()));
    }

    @Test
    void a_faulted_wifi_provision_keeps_the_wifi_tag_so_the_device_is_not_provisioned_until_it_is_retried()
            throws IOException {
        start(ZeroTouch.presetsJson().replace("\"name\":\"wifi\"", "\"name\":\"wifii\""));
        cpe.powerOn();
        List<Snapshot> run = runUntil(s -> s.status().map(st -> st.state() == ConfigurationStatus.State.FAULTED)
                .orElse(false), 6);

        // "21 PROVISIONING - WIFI" deleted WIFI before its provision ran; the fault puts it back, so
        // "29 PROVISIONED" does not apply. "28 PROVISIONING - OTHER" (another channel) did its part.
        assertThat(run).as(describe(run)).allSatisfy(s -> assertThat(s.tags()).doesNotContain("PROVISIONED"));
        assertThat(run).last().satisfies(s -> assertThat(s.tags()).as(describe(run))
                .containsExactlyInAnyOrder("UPGRADED", "INIT", "WIFI"));
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo("wifi");
            assertThat(f.code()).isEqualTo("unknown_provision");
            assertThat(f.retries()).isZero();
        });
        assertThat(cpe.value(SSID)).hasValue("MikroTik-6131E4");
        assertThat(cpe.value("Device.DNS.Client.Server.1.DNSServer")).hasValue("9.9.9.9");

        // The next periodic inform is past the back-off: the wifi preset applies again and faults again.
        List<Snapshot> retried = runUntil(s -> true, 1);
        assertThat(retried).singleElement().satisfies(s -> assertThat(s.tags()).as(describe(retried))
                .containsExactlyInAnyOrder("UPGRADED", "INIT", "WIFI"));
        assertThat(driver.faults(ID)).singleElement().satisfies(f -> assertThat(f.retries()).isEqualTo(1));

        // The preset corrected: after the back-off the device is provisioned.
        driver.presets().put(PresetJson.readList(ZeroTouch.presetsJson()
                .replace(ZeroTouch.DEFAULT_FILE_SERVER.toString(), fileServer.baseUrl().toString())).stream()
                .filter(p -> p.name().equals("21 PROVISIONING - WIFI")).findFirst().orElseThrow());
        List<Snapshot> fixed = runUntil(ZeroTouchStoryTest::done, 4);
        assertThat(fixed).last().matches(ZeroTouchStoryTest::done, "provisioned" + describe(fixed));
        assertThat(fixed).last().satisfies(s -> assertThat(s.tags()).containsExactly("PROVISIONED"));
        assertThat(cpe.value(SSID)).hasValue("test_131E4");
        assertThat(driver.faults(ID)).isEmpty();
    }
}
