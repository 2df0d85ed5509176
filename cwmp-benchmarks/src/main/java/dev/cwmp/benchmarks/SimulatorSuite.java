package dev.cwmp.benchmarks;

import dev.cwmp.benchmarks.sim.BootStormBenchmark;
import dev.cwmp.benchmarks.sim.SimulatorFleet;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SimulatedDevice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jol.info.GraphLayout;

/**
 * {@code bin/bench simulator}: 5,000 simulated MikroTik devices in one JVM within 1 GB of heap.
 *
 * <ul>
 *   <li>Boot storm (JMH single shot, 3 forks, each with {@code -Xmx1g}): 5,000 devices power on against
 *       our ACS on loopback and each runs its bootstrap session; time until all have, and sessions/s.
 *   <li>Heap (this JVM, which {@code bin/bench} starts with {@code -Xmx1g}): after the same boot storm,
 *       the heap in use after a full GC (median of 3 readings; the ACS and its 5,000 device records
 *       included), and with JOL the bytes of each device's own state (its shared profile subtracted),
 *       against a baseline in the same run: a naive device holding its own copy of every value
 *       ({@code HashMap<String, String>} read from the same dump).
 * </ul>
 */
public final class SimulatorSuite {

    static final double TARGET_HEAP_MB = 1024;

    private SimulatorSuite() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true"); // records' field offsets on JDK 17
        }
        CommandLineOptions cmd = new CommandLineOptions(args);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Collection<RunResult> storm = new Runner(new OptionsBuilder().parent(cmd)
                .include(BootStormBenchmark.class.getName() + "\\.").build()).run();
        double stormMs = BenchReport.median(storm, "BootStormBenchmark.bootAll");

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long maxHeap = Runtime.getRuntime().maxMemory();
        double heapMb;
        double perDevice;
        long profileBytes;
        int completed;
        int failed;
        int acsDevices;
        try (SimulatorFleet fleet = new SimulatorFleet(SimulatorFleet.DEVICES)) {
            fleet.bootAll(300);
            List<Double> readings = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
                readings.add(memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0));
            }
            readings.sort(null);
            heapMb = readings.get(1);
            perDevice = perDeviceBytes(fleet.simulator().devices());
            profileBytes = GraphLayout.parseInstance(sharedTable()).totalSize();
            completed = fleet.completedSessions();
            failed = fleet.failedSessions();
            acsDevices = fleet.acsDevices();
        }
        long naive = GraphLayout.parseInstance(naiveDeviceCopy()).totalSize();

        List<String> verdicts = new ArrayList<>();
        BenchReport report = new BenchReport("simulator: " + SimulatorFleet.DEVICES
                + " MikroTik devices against our ACS on loopback (boot storm: JMH single shot, median of 3 forks)");
        report.figure("boot_storm.devices", SimulatorFleet.DEVICES, "devices");
        report.figure("boot_storm.time", stormMs, "ms", "until every device has bootstrapped");
        report.figure("boot_storm.sessions_per_s", SimulatorFleet.DEVICES / (stormMs / 1000), "sessions/s",
                "simulator and ACS share the same cores");
        report.figure("heap.max", maxHeap / (1024.0 * 1024.0), "MB", "-Xmx of this JVM");
        report.figure("heap.used_after_gc", heapMb, "MB", verdict(verdicts,
                "5,000 devices (and the ACS) within 1 GB of heap",
                heapMb <= TARGET_HEAP_MB && maxHeap <= 1024L * 1024 * 1024 + 64L * 1024 * 1024)
                + "; median of 3 readings after System.gc()");
        report.figure("sessions.completed", completed, "sessions", failed + " failed; the ACS holds " + acsDevices + " devices");
        report.figure("simulator.bytes_per_device", perDevice, "B",
                "JOL: the 5,000 devices' own state after their sessions, shared profile subtracted, / 5,000");
        report.figure("profile.retained", profileBytes / 1e6, "MB",
                "JOL: the one table of definitions and defaults all 5,000 devices share");
        report.figure("baseline.naive_device_copy", naive, "B", "HashMap<String,String> of the dump's values, one per device");
        report.figure("ratio.naive_over_overlay", naive / perDevice, "x");
        report.figure("system_load_average.before", loadBefore, "",
                Runtime.getRuntime().availableProcessors() + " CPUs: the boot storm's time suffers when this exceeds them");
        report.figure("system_load_average.after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "");
        report.print();
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    /** JOL size of the devices' own state (their profile's shared table subtracted), per device. */
    private static double perDeviceBytes(List<SimulatedDevice> devices) throws ReflectiveOperationException {
        Field state = SimulatedDevice.class.getDeclaredField("state");
        state.setAccessible(true);
        Object[] states = new Object[devices.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = state.get(devices.get(i));
        }
        GraphLayout own = GraphLayout.parseInstance(states).subtract(GraphLayout.parseInstance(sharedTable()));
        return (double) own.totalSize() / devices.size();
    }

    private static Object sharedTable() throws ReflectiveOperationException {
        Method table = DeviceProfile.class.getDeclaredMethod("table");
        table.setAccessible(true);
        return table.invoke(DeviceProfile.mikrotikRb951Ui2HnD());
    }

    private static Map<String, String> naiveDeviceCopy() throws IOException {
        Map<String, String> values = new HashMap<>();
        try (InputStream in = DeviceProfile.class.getResourceAsStream("mikrotik-rb951ui-2hnd.csv")) {
            dev.cwmp.datamodel.dump.GenieacsSimCsv.Dump dump = dev.cwmp.datamodel.dump.GenieacsSimCsv.read(
                    new InputStreamReader(in, StandardCharsets.UTF_8));
            for (dev.cwmp.datamodel.dump.GenieacsSimCsv.Row row : dump.rows()) {
                values.put(new String(row.path().toString()), new String(row.value()));
            }
        }
        return values;
    }

    private static String verdict(List<String> verdicts, String target, boolean met) {
        verdicts.add("TARGET " + target + ": " + (met ? "MET" : "MISSED"));
        return (met ? "met" : "MISSED") + ": " + target;
    }
}
