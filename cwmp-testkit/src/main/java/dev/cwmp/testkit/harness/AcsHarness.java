package dev.cwmp.testkit.harness;

import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.testkit.internal.acs.LoopbackAcs;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import dev.cwmp.testkit.sim.SimulatorListener;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Our {@link Acs} behind its real HTTP listener on loopback, on a manual clock, with simulated CPEs
 * informing it: what a test of a {@link SessionDriver} (the provision engine, a script runner, your
 * own) needs, without JUnit. Time moves only when the test says so, and sessions run on the thread
 * that moves it, so every method returns once the sessions it started have ended, with their
 * {@link SessionRecord}s.
 *
 * <pre>{@code
 * try (AcsHarness lab = AcsHarness.builder()
 *         .sessionDriver(driver)                       // closed with the harness if AutoCloseable
 *         .device(DeviceProfile.mikrotikRb951Ui2HnD(), "4AC7046131E4")
 *         .start()) {                                  // powers the device on: 0 BOOTSTRAP, 1 BOOT
 *     SessionRecord bootstrap = lab.lastSession();
 *     assertThat(bootstrap.acsMethodNames()).contains("SetParameterValues");
 *     assertThat(lab.informNow().acsRequests()).isEmpty();          // converged
 *     List<SessionRecord> later = lab.advance(Duration.ofDays(1));  // periodic informs, timers
 *     assertThat(lab.record().tags()).contains("PROVISIONED");
 * }
 * }</pre>
 *
 * <p>Defaults: in-memory stores, {@link CpeAuthenticator#none()}, the clock at {@link #DEFAULT_START},
 * no connection requests (tasks wait for the device's next session), sessions and transfers run on
 * the thread that steps the clock. {@link dev.cwmp.testkit.junit.AcsExtension} is the JUnit
 * alternative when tests of a class share one ACS; the harness suits tests that build their own
 * ACS around a different driver each. Not thread-safe: one test thread drives it.
 */
public final class AcsHarness implements AutoCloseable {

    /** Where the clock starts unless {@link Builder#startTime(Instant)} says otherwise: 2026-11-25T10:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-25T10:00:00Z");

    private final ManualScheduler scheduler;
    private final LoopbackAcs server;
    private final Simulator simulator;
    private final List<SimulatedDevice> devices;
    private final List<SessionRecord> sessions;
    private final List<AutoCloseable> owned;
    private boolean closed;

    private AcsHarness(ManualScheduler scheduler, LoopbackAcs server, Simulator simulator,
            List<SimulatedDevice> devices, List<SessionRecord> sessions, List<AutoCloseable> owned) {
        this.scheduler = scheduler;
        this.server = server;
        this.simulator = simulator;
        this.devices = List.copyOf(devices);
        this.sessions = sessions;
        this.owned = List.copyOf(owned);
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ACS. */
    public Acs acs() {
        return server.acs();
    }

    /** The URL the devices inform, {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return server.url();
    }

    /** The clock of the ACS and the simulator; {@link #advance} and {@link #runDue} step it and say what ran. */
    public ManualScheduler scheduler() {
        return scheduler;
    }

    /** The simulator (to add devices later, or to reach one by serial number). */
    public Simulator simulator() {
        return simulator;
    }

    /**
     * The first device the builder added.
     *
     * @throws IllegalStateException when the builder added none
     */
    public SimulatedDevice device() {
        if (devices.isEmpty()) {
            throw new IllegalStateException("the harness was built without devices: add one with Builder.device");
        }
        return devices.get(0);
    }

    /** The devices the builder added, in order. */
    public List<SimulatedDevice> devices() {
        return devices;
    }

    /** The id the ACS knows the first device by. */
    public DeviceId deviceId() {
        return idOf(device());
    }

    /** The id the ACS knows a device by. */
    public static DeviceId idOf(SimulatedDevice device) {
        return DeviceId.of(device.deviceId());
    }

    /** The ACS's record of the first device; see {@link #record(SimulatedDevice)}. */
    public DeviceRecord record() {
        return record(device());
    }

    /**
     * The ACS's record of the device (tags, last inform, ...).
     *
     * @throws AssertionError when the ACS has none (the device never informed)
     */
    public DeviceRecord record(SimulatedDevice device) {
        DeviceId id = idOf(device);
        return acs().devices().record(id)
                .orElseThrow(() -> new AssertionError("the ACS has no record of " + id + ": has it informed?"));
    }

    /** The parameter tree the ACS saved for the first device; see {@link #parameters(SimulatedDevice)}. */
    public ParameterTree parameters() {
        return parameters(device());
    }

    /**
     * The parameter tree the ACS saved for the device.
     *
     * @throws AssertionError when the ACS has none (the device never informed)
     */
    public ParameterTree parameters(SimulatedDevice device) {
        DeviceId id = idOf(device);
        return acs().devices().parameters(id)
                .orElseThrow(() -> new AssertionError("the ACS has no parameters of " + id + ": has it informed?"));
    }

    /** Every session that ended, of every device, in the order they ended. */
    public List<SessionRecord> sessions() {
        return List.copyOf(sessions);
    }

    /** The device's sessions that ended, oldest first. */
    public List<SessionRecord> sessions(SimulatedDevice device) {
        return sessions.stream().filter(r -> r.serialNumber().equals(device.serialNumber()))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The session that ended last, of any device.
     *
     * @throws AssertionError when none has ended yet
     */
    public SessionRecord lastSession() {
        List<SessionRecord> all = sessions();
        if (all.isEmpty()) {
            throw new AssertionError("no session has ended yet");
        }
        return all.get(all.size() - 1);
    }

    /** Has the first device inform now; see {@link #informNow(SimulatedDevice)}. */
    public SessionRecord informNow() {
        return informNow(device());
    }

    /**
     * Has the device inform now (with its pending events, {@code 2 PERIODIC} when none is pending) and
     * runs what is due. Sessions that follow in the same step (after a reboot the ACS asked for, say)
     * run too: {@link #sessions()} has them.
     *
     * @return the session the inform opened: the device's first session that ended in this step
     * @throws AssertionError when the device ran no session (a custom executor holds it, or the device
     *         is off or silenced)
     */
    public SessionRecord informNow(SimulatedDevice device) {
        int before = sessions.size();
        device.informNow();
        scheduler.runDue();
        return firstOf(device, before, "informNow");
    }

    /**
     * Powers the device on (its first Inform carries {@code 0 BOOTSTRAP} and {@code 1 BOOT}) and runs
     * what is due: for devices of a {@link Builder#poweredOff() powered-off} harness, or added later.
     *
     * @return the sessions that ended meanwhile, of every device
     */
    public List<SessionRecord> powerOn(SimulatedDevice device) {
        int before = sessions.size();
        device.powerOn();
        scheduler.runDue();
        return since(before);
    }

    /**
     * Runs the timers due now (sessions asked for, the boot after a reboot, transfers).
     *
     * @return the sessions that ended meanwhile, of every device
     */
    public List<SessionRecord> runDue() {
        int before = sessions.size();
        scheduler.runDue();
        return since(before);
    }

    /**
     * Moves the clock forward, running each timer at its own time on the way: periodic informs
     * ({@link Builder#periodicInform(Duration)}), retries, the boot after a reboot.
     *
     * @return the sessions that ended meanwhile, of every device
     */
    public List<SessionRecord> advance(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("the clock moves forward only: " + step);
        }
        int before = sessions.size();
        scheduler.advance(step);
        return since(before);
    }

    private List<SessionRecord> since(int before) {
        List<SessionRecord> all = sessions();
        return all.subList(before, all.size());
    }

    private SessionRecord firstOf(SimulatedDevice device, int before, String what) {
        return since(before).stream().filter(r -> r.serialNumber().equals(device.serialNumber())).findFirst()
                .orElseThrow(() -> new AssertionError(what + ": no session of " + device.serialNumber()
                        + " ended (is it powered on, or does a custom executor hold it?)"));
    }

    /**
     * Stops the simulator, the HTTP listener and the ACS, then closes the session driver given to
     * {@link Builder#sessionDriver(SessionDriver)} when it is {@link AutoCloseable}. Closing again does
     * nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> all = new ArrayList<>();
        all.add(simulator);
        all.add(server);
        all.addAll(owned);
        closeAll(all);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the harness failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "AcsHarness[" + url() + ", " + devices.size() + " devices, " + sessions.size() + " sessions]";
    }

    /** Builds and starts an {@link AcsHarness}. */
    public static final class Builder {
        private record DeviceSpec(DeviceProfile profile, String serialNumber) {
        }

        private Instant start = DEFAULT_START;
        private Consumer<Acs.Builder> acsConfig = b -> {
        };
        private Optional<SessionDriver> driver = Optional.empty();
        private Consumer<Simulator.Builder> simulatorConfig = b -> {
        };
        private Optional<Duration> periodicInform = Optional.empty();
        private Executor executor = Runnable::run;
        private SimulatorListener listener = SimulatorListener.NONE;
        private final List<DeviceSpec> devices = new ArrayList<>();
        private boolean powerOn = true;

        private Builder() {
        }

        /** Where the manual clock starts (default {@link AcsHarness#DEFAULT_START}). */
        public Builder startTime(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * The ACS's session driver. The harness closes it after the ACS when it is {@link AutoCloseable}
         * (as {@code ProvisioningDriver} is), and when {@link #start()} fails.
         */
        public Builder sessionDriver(SessionDriver driver) {
            this.driver = Optional.of(Objects.requireNonNull(driver, "driver"));
            return this;
        }

        /**
         * Configures the ACS after the harness's defaults ({@link CpeAuthenticator#none()}, the manual
         * clock, the {@link #sessionDriver session driver}): stores, authenticator, listener, limits.
         */
        public Builder acs(Consumer<Acs.Builder> config) {
            this.acsConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Adds a device of the profile; devices are added, and powered on, in the order given. */
        public Builder device(DeviceProfile profile, String serialNumber) {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(serialNumber, "serialNumber");
            if (devices.stream().anyMatch(d -> d.serialNumber().equals(serialNumber))) {
                throw new IllegalArgumentException("serial number given twice: " + serialNumber);
            }
            devices.add(new DeviceSpec(profile, serialNumber));
            return this;
        }

        /** Adds devices of one profile, one per serial number; see {@link #device(DeviceProfile, String)}. */
        public Builder devices(DeviceProfile profile, String... serialNumbers) {
            for (String serialNumber : serialNumbers) {
                device(profile, serialNumber);
            }
            return this;
        }

        /**
         * Leaves the devices off at {@link #start()}; {@link AcsHarness#powerOn(SimulatedDevice)} powers
         * one on. By default {@code start()} powers each on in turn and runs its first sessions.
         */
        public Builder poweredOff() {
            this.powerOn = false;
            return this;
        }

        /** Every device informs periodically on this interval ({@link AcsHarness#advance} brings the sessions). */
        public Builder periodicInform(Duration interval) {
            this.periodicInform = Optional.of(Objects.requireNonNull(interval, "interval"));
            return this;
        }

        /**
         * Configures the simulator after the harness's defaults (no connection-request listener) and
         * before its own settings, which win: the manual scheduler, the {@link #executor executor}, the
         * {@link #listener listener} behind the harness's own, the {@link #periodicInform interval}.
         */
        public Builder simulator(Consumer<Simulator.Builder> config) {
            this.simulatorConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Where the simulator runs sessions and transfers (default: at once, on the thread that steps
         * the clock). An executor that holds a task back (a download in flight) lets a test run it later.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Also hears of each session, after the harness recorded it. */
        public Builder listener(SimulatorListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Starts the ACS on {@code 127.0.0.1} and a free port, the simulator and its devices and, unless
         * {@link #poweredOff()}, powers each device on in turn and runs what falls due now (its first
         * sessions).
         */
        public AcsHarness start() {
            ManualScheduler scheduler = new ManualScheduler(start);
            List<AutoCloseable> owned = new ArrayList<>();
            driver.filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).ifPresent(owned::add);
            List<AutoCloseable> started = new ArrayList<>(owned);
            try {
                Acs.Builder acsBuilder = Acs.builder().authenticator(CpeAuthenticator.none()).clock(scheduler);
                driver.ifPresent(acsBuilder::sessionDriver);
                acsConfig.accept(acsBuilder);
                LoopbackAcs server = LoopbackAcs.start(acsBuilder.build());
                started.add(0, server);
                List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
                Simulator simulator = simulator(server.url(), scheduler, sessions);
                started.add(0, simulator);
                List<SimulatedDevice> added = new ArrayList<>();
                for (DeviceSpec spec : devices) {
                    added.add(simulator.add(spec.profile(), spec.serialNumber()));
                }
                AcsHarness harness = new AcsHarness(scheduler, server, simulator, added, sessions, owned);
                if (powerOn) {
                    for (SimulatedDevice device : added) {
                        harness.powerOn(device);
                    }
                }
                return harness;
            } catch (RuntimeException | Error e) {
                try {
                    closeAll(started);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private Simulator simulator(URI acsUrl, ManualScheduler scheduler, List<SessionRecord> sessions) {
            Simulator.Builder sim = Simulator.builder(acsUrl).noConnectionRequests();
            simulatorConfig.accept(sim);
            SimulatorListener also = listener;
            sim.scheduler(scheduler).executor(executor).listener(record -> {
                sessions.add(record);
                also.sessionEnded(record);
            });
            periodicInform.ifPresent(sim::periodicInform);
            return sim.build();
        }
    }
}
