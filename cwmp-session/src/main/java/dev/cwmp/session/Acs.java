package dev.cwmp.session;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.connreq.ConnectionRequest;
import dev.cwmp.session.connreq.ConnectionRequestResult;
import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.http.AcsHttpRequest;
import dev.cwmp.session.http.AcsHttpResponse;
import dev.cwmp.session.internal.engine.EngineConfig;
import dev.cwmp.session.internal.engine.SessionEngine;
import dev.cwmp.session.internal.engine.TaskTracker;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An Auto Configuration Server, transport-neutral: give it each HTTP request a CPE sends
 * ({@link #handle}) and write back the response. A transport adapter such as
 * {@link dev.cwmp.session.http.JdkHttpTransport} does that over real HTTP.
 *
 * <pre>{@code
 * Acs acs = Acs.builder()
 *         .authenticator(CpeAuthenticator.basic(CpeCredentials.single("cpe", "secret")))
 *         .build();
 * try (JdkHttpTransport http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 7547))) {
 *     acs.submit(deviceId, new TaskAction.Reboot("maintenance"), TaskOptions.DEFAULT);
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Sessions are kept in memory; devices and tasks in the configured stores.
 */
public final class Acs implements AutoCloseable {

    private final EngineConfig config;
    private final SessionEngine engine;
    private final TaskTracker tasks;

    private Acs(EngineConfig config) {
        this.config = config;
        this.tasks = new TaskTracker(config.taskQueue(), config.listener());
        this.engine = new SessionEngine(config, tasks);
    }

    /** Starts a builder; {@link Builder#authenticator} must be chosen. */
    public static Builder builder() {
        return new Builder();
    }

    /** Handles one HTTP request from a CPE and returns the response to send. Never throws for CPE input. */
    public AcsHttpResponse handle(AcsHttpRequest request) {
        return engine.handle(request);
    }

    /** The device store. */
    public DeviceStore devices() {
        return config.deviceStore();
    }

    /** The task queue. */
    public TaskQueue taskQueue() {
        return config.taskQueue();
    }

    /** The ACS's clock. */
    public InstantSource clock() {
        return config.clock();
    }

    /**
     * Queues a task for a device. It runs in the device's next session (first, before the session
     * driver's own requests) and leaves the queue only when the CPE has answered it.
     */
    public TaskHandle submit(DeviceId deviceId, TaskAction action, TaskOptions options) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(options, "options");
        Instant now = config.clock().instant();
        Task task = new Task(UUID.randomUUID().toString(), deviceId, action, now, now.plus(options.lifetime()));
        CompletionStage<TaskOutcome> outcome = tasks.add(task);
        Optional<CompletionStage<ConnectionRequestResult>> connectionRequest = Optional.empty();
        if (options.connectionRequest()) {
            connectionRequest = Optional.of(connectionRequest(deviceId));
        }
        return new TaskHandle(task, outcome, connectionRequest);
    }

    /** Cancels a queued task; false when it was no longer queued. */
    public boolean cancel(String taskId) {
        return config.taskQueue().get(taskId).map(t -> tasks.end(new TaskOutcome.Cancelled(t))).orElse(false);
    }

    /**
     * Asks the device to open a session now, with the ConnectionRequestURL and credentials it last
     * reported (TR-181 or TR-098 ManagementServer parameters).
     */
    public CompletionStage<ConnectionRequestResult> connectionRequest(DeviceId deviceId) {
        if (config.connectionRequester().isEmpty()) {
            return CompletableFuture.completedFuture(
                    new ConnectionRequestResult.Unreachable("no connection requester configured"));
        }
        Optional<ConnectionRequest> request = dev.cwmp.session.internal.engine.ConnectionRequests.of(deviceId, config.deviceStore());
        if (request.isEmpty()) {
            return CompletableFuture.completedFuture(
                    new ConnectionRequestResult.Unreachable("the device has not reported a usable ConnectionRequestURL"));
        }
        return config.connectionRequester().get().request(request.get());
    }

    /**
     * Ends the sessions idle past the session timeout and drops expired tasks, on the ACS's clock.
     * A transport adapter calls it periodically; tests call it after moving their clock.
     *
     * @return how many sessions ended
     */
    public int expire() {
        int ended = engine.expireSessions();
        for (Task t : config.taskQueue().removeExpired(config.clock().instant())) {
            tasks.end(new TaskOutcome.Expired(t));
        }
        return ended;
    }

    /** How many sessions are open. */
    public int openSessions() {
        return engine.openSessions();
    }

    /** Whether the device is in session now. */
    public boolean inSession(DeviceId deviceId) {
        return engine.inSession(deviceId);
    }

    /** Ends every open session; the devices keep what their CPEs confirmed. */
    @Override
    public void close() {
        engine.endAll();
    }

    /** Builds an {@link Acs}: safe defaults for everything but authentication, which must be chosen. */
    public static final class Builder {
        private CpeAuthenticator authenticator;
        private CwmpCodec codec = CwmpCodec.create();
        private DeviceStore deviceStore;
        private TaskQueue taskQueue;
        private SessionDriver driver = SessionDriver.NONE;
        private AcsListener listener = AcsListener.NONE;
        private InstantSource clock = InstantSource.system();
        private SecureRandom random;
        private Duration sessionTimeout = Duration.ofSeconds(30);
        private int maxHttpRequestsPerSession = 1_000;
        private int maxRecentEvents = 64;
        private Set<CwmpVersion> versions = EnumSet.allOf(CwmpVersion.class);
        private ConnectionRequester connectionRequester;
        private SessionLocks sessionLocks;
        private String nodeName;

        private Builder() {
        }

        /**
         * How CPEs authenticate (required; no default on purpose). {@link CpeAuthenticator#none()}
         * accepts anyone and is for labs only.
         */
        public Builder authenticator(CpeAuthenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /** The codec (default: {@link CwmpCodec#create()}, default decode limits). */
        public Builder codec(CwmpCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Where devices are kept (default: in memory). */
        public Builder deviceStore(DeviceStore deviceStore) {
            this.deviceStore = Objects.requireNonNull(deviceStore, "deviceStore");
            return this;
        }

        /** Where tasks wait (default: in memory). */
        public Builder taskQueue(TaskQueue taskQueue) {
            this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
            return this;
        }

        /** What the ACS asks in a session besides queued tasks (default: nothing). */
        public Builder sessionDriver(SessionDriver driver) {
            this.driver = Objects.requireNonNull(driver, "driver");
            return this;
        }

        /** Who hears of sessions and tasks (default: nobody). */
        public Builder listener(AcsListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock (default: the system's). */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of session ids (default: a new {@link SecureRandom}). */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How long a session may stay idle before it ends (default 30 s, TR-069's default). */
        public Builder sessionTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("session timeout must be positive");
            }
            this.sessionTimeout = timeout;
            return this;
        }

        /** The most HTTP requests one session may take (default 1,000). */
        public Builder maxHttpRequestsPerSession(int max) {
            if (max < 2) {
                throw new IllegalArgumentException("a session needs at least 2 HTTP requests");
            }
            this.maxHttpRequestsPerSession = max;
            return this;
        }

        /** How many recent events a device record keeps (default 64). */
        public Builder maxRecentEvents(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("keep at least one event");
            }
            this.maxRecentEvents = max;
            return this;
        }

        /** The CWMP versions the ACS speaks (default: 1.0 to 1.4). */
        public Builder versions(Set<CwmpVersion> versions) {
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("at least one CWMP version");
            }
            this.versions = EnumSet.copyOf(versions);
            return this;
        }

        /** How to reach devices for connection requests (default: none configured). */
        public Builder connectionRequester(ConnectionRequester requester) {
            this.connectionRequester = Objects.requireNonNull(requester, "requester");
            return this;
        }

        /**
         * Who may hold a session with a device (default: locks in memory, enough for one node). ACS
         * nodes sharing their stores share their locks too, e.g. those of a JDBC store.
         */
        public Builder sessionLocks(SessionLocks locks) {
            this.sessionLocks = Objects.requireNonNull(locks, "locks");
            return this;
        }

        /**
         * This node's name in the session locks it holds (default: {@code acs-} and 8 random hex
         * digits); 1 to 128 characters.
         */
        public Builder nodeName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.length() > 128) {
                throw new IllegalArgumentException("a node name is 1 to 128 characters");
            }
            this.nodeName = name;
            return this;
        }

        /** Builds the ACS. */
        public Acs build() {
            if (authenticator == null) {
                throw new IllegalStateException("choose how CPEs authenticate: authenticator(CpeAuthenticator...)");
            }
            return new Acs(new EngineConfig(codec, authenticator,
                    deviceStore != null ? deviceStore : DeviceStore.inMemory(),
                    taskQueue != null ? taskQueue : TaskQueue.inMemory(),
                    driver, listener, clock, random != null ? random : new SecureRandom(), sessionTimeout,
                    maxHttpRequestsPerSession, maxRecentEvents, versions, Optional.ofNullable(connectionRequester),
                    sessionLocks != null ? sessionLocks : SessionLocks.inMemory(),
                    nodeName != null ? nodeName : "acs-" + UUID.randomUUID().toString().substring(0, 8)));
        }
    }
}
