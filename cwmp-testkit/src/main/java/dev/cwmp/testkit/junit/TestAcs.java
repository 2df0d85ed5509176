package dev.cwmp.testkit.junit;

import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimScheduler;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The in-process ACS of one test, as {@link AcsExtension} injects it: the {@link Acs}, its URL, the
 * test's {@link Simulator} pointed at it, and waits that return as soon as something happened (no
 * sleeping): a device's next session, a task's outcome. A wait that times out fails the test with an
 * {@link AssertionError} that says what did happen.
 *
 * <pre>{@code
 * TaskHandle task = acs.submit(cpe, new TaskAction.Reboot("maintenance"));
 * cpe.powerOn();
 * acs.awaitDone(task);
 * }</pre>
 */
public final class TestAcs {

    private final AcsExtension.AcsServer server;
    private final Simulator simulator;
    private final Optional<DeviceProfile> profile;
    private final Duration timeout;
    private final Optional<TestTimers> timers;
    private final List<SessionRecord> sessions = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    TestAcs(AcsExtension.AcsServer server, Consumer<Simulator.Builder> simulatorConfig,
            Optional<DeviceProfile> profile, Duration timeout) {
        this.server = server;
        this.profile = profile;
        this.timeout = timeout;
        Simulator.Builder builder = Simulator.builder(server.url());
        simulatorConfig.accept(builder);
        builder.listener(this::sessionEnded);
        this.timers = server.scheduler().map(TestTimers::new);
        timers.ifPresent(t -> builder.scheduler(t).executor(Runnable::run));
        this.simulator = builder.build();
    }

    /**
     * The test's view of a manual scheduler shared with other tests (per-class ACS): its timers do nothing
     * once the test's simulator is closed, so a closed test's devices never inform in a later test.
     */
    private static final class TestTimers implements SimScheduler {
        private final ManualScheduler shared;
        private volatile boolean closed;

        TestTimers(ManualScheduler shared) {
            this.shared = shared;
        }

        @Override
        public InstantSource clock() {
            return shared;
        }

        @Override
        public void schedule(Duration delay, Runnable task) {
            shared.schedule(delay, () -> {
                if (!closed) {
                    task.run();
                }
            });
        }
    }

    /** The ACS. */
    public Acs acs() {
        return server.acs();
    }

    /** The URL CPEs inform, {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return server.url();
    }

    /** The test's simulator (closed after the test). */
    public Simulator simulator() {
        return simulator;
    }

    /** The clock of the ACS and the simulator, when the extension runs on manual time. */
    public Optional<ManualScheduler> scheduler() {
        return server.scheduler();
    }

    /**
     * The simulated device with this serial number, added (powered off) with the extension's profile
     * (the MikroTik RB951Ui-2HnD unless configured) when the simulator has none yet.
     */
    public synchronized SimulatedDevice device(String serialNumber) {
        Objects.requireNonNull(serialNumber, "serialNumber");
        return simulator.device(serialNumber).orElseGet(() ->
                simulator.add(profile.orElseGet(DeviceProfile::mikrotikRb951Ui2HnD), serialNumber));
    }

    /** The id the ACS knows a simulated device by. */
    public static DeviceId idOf(SimulatedDevice device) {
        DeviceIdStruct id = device.deviceId();
        return new DeviceId(id.oui(), id.productClass(), id.serialNumber());
    }

    /** Queues a task for the device's next session ({@link TaskOptions#DEFAULT}: one hour, no connection request). */
    public TaskHandle submit(SimulatedDevice device, TaskAction action) {
        return submit(device, action, TaskOptions.DEFAULT);
    }

    /** Queues a task for the device with these options (e.g. {@code TaskOptions.DEFAULT.withConnectionRequest()}). */
    public TaskHandle submit(SimulatedDevice device, TaskAction action, TaskOptions options) {
        return acs().submit(idOf(device), action, options);
    }

    /** Waits for the task to end, within the extension's timeout; see {@link #awaitOutcome(TaskHandle, Duration)}. */
    public TaskOutcome awaitOutcome(TaskHandle task) {
        return awaitOutcome(task, timeout);
    }

    /**
     * Waits for the task to end (done, faulted, expired or cancelled). On manual time it first runs what
     * is due (after the connection request, if the task asked for one), so the device's session runs.
     *
     * @throws AssertionError when the task has not ended within the timeout
     */
    public TaskOutcome awaitOutcome(TaskHandle task, Duration timeout) {
        Objects.requireNonNull(task, "task");
        long deadline = System.nanoTime() + timeout.toNanos();
        if (server.scheduler().isPresent()) {
            task.connectionRequest().ifPresent(cr -> get(cr, deadline, "the connection request of task " + task.task().id()));
            server.scheduler().get().runDue();
        }
        return get(task.outcome(), deadline, "task " + task.task().id() + " (" + task.task().action().name()
                + " for " + task.task().deviceId() + ")");
    }

    /**
     * Waits for the task to end and requires it done (the CPE answered every request).
     *
     * @throws AssertionError when it faulted, expired, was cancelled or has not ended within the timeout
     */
    public TaskOutcome.Done awaitDone(TaskHandle task) {
        TaskOutcome outcome = awaitOutcome(task);
        if (outcome instanceof TaskOutcome.Done done) {
            return done;
        }
        if (outcome instanceof TaskOutcome.Faulted faulted) {
            throw new AssertionError("task " + task.task().action().name() + " faulted: "
                    + faulted.fault().faultCode() + " " + faulted.fault().faultString());
        }
        throw new AssertionError("task " + task.task().action().name() + " did not run: " + outcome);
    }

    /** Waits for the device's next session within the extension's timeout; see {@link #awaitSession(SimulatedDevice, Duration)}. */
    public SessionRecord awaitSession(SimulatedDevice device) {
        return awaitSession(device, timeout);
    }

    /**
     * Waits for the device's next session to end, whatever its outcome: the first of its sessions that
     * no earlier await of this test returned (so a session that ended before the call counts). On
     * manual time it first runs what is due.
     *
     * @throws AssertionError when no such session ended within the timeout
     */
    public SessionRecord awaitSession(SimulatedDevice device, Duration timeout) {
        Objects.requireNonNull(device, "device");
        long deadline = System.nanoTime() + timeout.toNanos();
        server.scheduler().ifPresent(ManualScheduler::runDue);
        String serial = device.serialNumber();
        synchronized (sessions) {
            while (true) {
                int skip = seen.getOrDefault(serial, 0);
                List<SessionRecord> mine = ofDevice(serial);
                if (mine.size() > skip) {
                    seen.put(serial, skip + 1);
                    return mine.get(skip);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no new session of " + serial + " within " + timeout
                            + "; its sessions so far: " + describe(mine));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(sessions, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for a session of " + serial, e);
                }
            }
        }
    }

    /**
     * Waits for the device's next session (as {@link #awaitSession(SimulatedDevice)}) and requires it
     * completed.
     *
     * @throws AssertionError when it failed (with the reason) or none ended within the timeout
     */
    public SessionRecord awaitCompletedSession(SimulatedDevice device) {
        SessionRecord record = awaitSession(device);
        if (record.outcome() != SessionRecord.Outcome.COMPLETED) {
            throw new AssertionError("the session of " + device.serialNumber() + " ended " + record.outcome()
                    + ": " + record.detail());
        }
        return record;
    }

    /** Every session of the device that ended in this test, oldest first. */
    public List<SessionRecord> sessions(SimulatedDevice device) {
        synchronized (sessions) {
            return ofDevice(device.serialNumber());
        }
    }

    private List<SessionRecord> ofDevice(String serial) {
        return sessions.stream().filter(r -> r.serialNumber().equals(serial)).collect(Collectors.toList());
    }

    private static String describe(List<SessionRecord> records) {
        return records.isEmpty() ? "none" : records.stream()
                .map(r -> r.outcome() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"))
                .collect(Collectors.joining(", "));
    }

    private void sessionEnded(SessionRecord record) {
        synchronized (sessions) {
            sessions.add(record);
            sessions.notifyAll();
        }
    }

    private static <T> T get(CompletionStage<T> stage, long deadline, String what) {
        try {
            return stage.toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " has not ended in time", e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    void close() {
        timers.ifPresent(t -> t.closed = true);
        simulator.close();
    }

    @Override
    public String toString() {
        return "TestAcs[" + url() + "]";
    }
}
