package dev.cwmp.benchmarks.sim;

import dev.cwmp.session.Acs;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.Simulator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet of simulated MikroTik devices against our ACS on loopback (in-memory stores, no CPE
 * authentication): every device powers on and runs its bootstrap session.
 */
public final class SimulatorFleet implements AutoCloseable {

    public static final int DEVICES = 5_000;

    private final Acs acs;
    private final JdkHttpTransport http;
    private final Simulator simulator;
    private final CountDownLatch booted;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    public SimulatorFleet(int devices) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        booted = new CountDownLatch(devices);
        simulator = Simulator.builder(URI.create("http://127.0.0.1:" + http.port() + "/")).threads(16)
                .listener(this::ended).build();
        simulator.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), devices, "SIM");
    }

    private void ended(SessionRecord record) {
        if (record.outcome() == SessionRecord.Outcome.COMPLETED) {
            completed.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
        if (record.hasEvent("0 BOOTSTRAP") && record.outcome() == SessionRecord.Outcome.COMPLETED) {
            booted.countDown();
        }
    }

    /** Powers every device on and waits until each has bootstrapped (failed sessions retry). */
    public void bootAll(long timeoutSeconds) throws InterruptedException {
        simulator.powerOnAll();
        if (!booted.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(booted.getCount() + " devices did not bootstrap in " + timeoutSeconds
                    + " s (" + failed.get() + " failed sessions)");
        }
    }

    public Simulator simulator() {
        return simulator;
    }

    public int completedSessions() {
        return completed.get();
    }

    public int failedSessions() {
        return failed.get();
    }

    public int acsDevices() {
        return acs.devices().ids().size();
    }

    @Override
    public void close() {
        simulator.close();
        http.close();
        acs.close();
    }
}
