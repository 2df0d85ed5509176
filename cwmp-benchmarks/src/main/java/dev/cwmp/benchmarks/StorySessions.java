package dev.cwmp.benchmarks;

import dev.cwmp.provisioning.ProvisioningDriver;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code bin/bench story [devices]}: the zero-touch story ({@link ZeroTouch}) for N simulated
 * MikroTik RB951Ui-2HnD (default 100) against our ACS on loopback ({@link SocketTransport},
 * {@link ProvisioningDriver}, a {@link FileServer} with the RouterOS package list and packages),
 * time on a manual scheduler (periodic informs every 5 minutes are the only trigger). Counts, per
 * device, the sessions from first boot to the PROVISIONED tag, then after a factory reset of every
 * device the sessions back to PROVISIONED; prints the medians and maxima, and the wall time of
 * the whole run. Not a JMH benchmark: the figures are session counts (the target: at most
 * 6), the wall time is for information.
 */
public final class StorySessions {

    private static final int MAX_STEPS = 100_000;

    private final Map<String, Integer> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> provisionedAfter = new ConcurrentHashMap<>();
    private Acs acs;

    private StorySessions() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        if (devices < 1) {
            throw new IllegalArgumentException("at least one device");
        }
        new StorySessions().run(devices);
    }

    private void run(int count) throws IOException {
        ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
        FileStore files = FileStore.inMemory(scheduler);
        long wallStart = System.nanoTime();
        try (FileServer fileServer = FileServer.start(files, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            List<URI> packages = new ArrayList<>();
            for (String npk : ZeroTouch.routerOsPackages(ZeroTouch.TARGET_VERSION, "mipsbe")) {
                put(files, npk, "package " + npk, FileInfo.ofType("1 Firmware Upgrade Image"));
                packages.add(fileServer.urlOf(npk));
            }
            put(files, ZeroTouch.UPGRADE_LIST, ZeroTouch.routerOsPackageList(packages),
                    FileInfo.ofType("1 Firmware Upgrade Image"));
            put(files, ZeroTouch.AP_BRIDGE_FILE, ZeroTouch.AP_BRIDGE_SCRIPT,
                    FileInfo.ofType("3 Vendor Configuration File"));
            try (ProvisioningDriver driver = ZeroTouch.register(
                    ProvisioningDriver.builder(ZeroTouch.presets(fileServer.baseUrl()))).build()) {
                acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(driver).clock(scheduler).build();
                try (SocketTransport transport = SocketTransport.start(acs,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                        Simulator simulator = Simulator.builder(URI.create("http://127.0.0.1:" + transport.port() + "/"))
                                .scheduler(scheduler).executor(Runnable::run).noConnectionRequests()
                                .periodicInform(Duration.ofMinutes(5)).listener(this::sessionEnded).build()) {
                    List<SimulatedDevice> fleet = simulator.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), count,
                            "4AC7");
                    fleet.forEach(SimulatedDevice::powerOn);
                    List<Integer> firstBoot = runUntilProvisioned(scheduler, fleet);
                    fleet.forEach(SimulatedDevice::factoryReset);
                    List<Integer> afterReset = runUntilProvisioned(scheduler, fleet);
                    double wallMs = (System.nanoTime() - wallStart) / 1e6;
                    report(count, firstBoot, afterReset, wallMs);
                } finally {
                    acs.close();
                }
            }
        }
    }

    private static void put(FileStore files, String name, String content, FileInfo info) throws IOException {
        files.put(name, info, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    private void sessionEnded(SessionRecord session) {
        String serial = session.serialNumber();
        int n = sessions.merge(serial, 1, Integer::sum);
        if (!provisionedAfter.containsKey(serial) && acs.devices()
                .record(new DeviceId("E48D8C", "RB951Ui-2HnD", serial))
                .map(r -> r.tags().contains("PROVISIONED")).orElse(false)) {
            provisionedAfter.put(serial, n);
        }
    }

    /** Lets time pass until every device is PROVISIONED; the sessions each one took. */
    private List<Integer> runUntilProvisioned(ManualScheduler scheduler, List<SimulatedDevice> fleet) {
        sessions.clear();
        provisionedAfter.clear();
        for (int step = 0; step < MAX_STEPS && provisionedAfter.size() < fleet.size(); step++) {
            if (scheduler.runDue() == 0) {
                Instant next = scheduler.nextDue().orElseThrow(() -> new IllegalStateException("the devices stopped"));
                scheduler.advance(Duration.between(scheduler.instant(), next));
            }
        }
        if (provisionedAfter.size() < fleet.size()) {
            throw new IllegalStateException((fleet.size() - provisionedAfter.size()) + " devices never got PROVISIONED");
        }
        List<Integer> counts = new ArrayList<>(provisionedAfter.values());
        Collections.sort(counts);
        return counts;
    }

    private static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static void report(int devices, List<Integer> firstBoot, List<Integer> afterReset, double wallMs) {
        int total = firstBoot.stream().mapToInt(Integer::intValue).sum() + afterReset.stream().mapToInt(Integer::intValue).sum();
        new BenchReport("zero-touch story, " + devices + " simulated RB951Ui-2HnD over loopback")
                .figure("story_sessions_to_provisioned", median(firstBoot), "sessions",
                        "median from first boot (target <= 6; max " + firstBoot.get(firstBoot.size() - 1) + ")")
                .figure("story_sessions_reset_to_provisioned", median(afterReset), "sessions",
                        "median from a factory reset (max " + afterReset.get(afterReset.size() - 1) + ")")
                .figure("story_wall_time", wallMs, "ms", total + " sessions in all, one at a time")
                .print();
    }
}
