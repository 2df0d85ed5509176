package dev.cwmp.testkit.sim;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.testkit.internal.sim.ConnectionRequestServer;
import dev.cwmp.testkit.internal.sim.DeviceParameters;
import dev.cwmp.testkit.internal.sim.DeviceState;
import dev.cwmp.testkit.internal.sim.SimEngine;
import dev.cwmp.testkit.internal.sim.SystemScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fleet of simulated CPEs talking CWMP to one ACS: thousands of devices in one JVM, sharing their
 * profiles, one HTTP client and one connection-request listener on loopback.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder(URI.create("http://127.0.0.1:7547/")).build()) {
 *     SimulatedDevice cpe = sim.add(DeviceProfile.mikrotikRb951Ui2HnD(), "4AC7046131E4");
 *     cpe.powerOn(); // 0 BOOTSTRAP, 1 BOOT
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    private final Builder config;
    private final SimEngine engine;
    private final Optional<ConnectionRequestServer> connectionRequests;
    private final Optional<ExecutorService> ownExecutor;
    private final Map<String, SimulatedDevice> devices = new ConcurrentHashMap<>();
    private final List<SimulatedDevice> inOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Guards {@link #busy}: work handed to the executor and not yet finished. */
    private final Object work = new Object();
    private int busy;

    private Simulator(Builder b) {
        this.config = b;
        Executor executor = b.executor;
        if (executor == null) {
            ExecutorService pool = Executors.newFixedThreadPool(b.threads, r -> {
                Thread t = new Thread(r, "cwmp-sim-session");
                t.setDaemon(true);
                return t;
            });
            this.ownExecutor = Optional.of(pool);
            executor = pool;
        } else {
            this.ownExecutor = Optional.empty();
        }
        Executor counting = counting(executor);
        HttpClient http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(b.timeout).build();
        this.engine = new SimEngine(http, CwmpCodec.create(), b.scheduler, counting, b.quirks, b.listener, b.timeout);
        this.connectionRequests = b.connectionRequestAddress == null ? Optional.empty()
                : Optional.of(new ConnectionRequestServer(b.connectionRequestAddress, engine));
    }

    /** Wraps the executor so that {@link #busy} counts what it holds and runs. */
    private Executor counting(Executor executor) {
        return task -> {
            synchronized (work) {
                busy++;
            }
            try {
                executor.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        finished();
                    }
                });
            } catch (RuntimeException e) {
                finished();
                throw e;
            }
        };
    }

    private void finished() {
        synchronized (work) {
            if (--busy == 0) {
                work.notifyAll();
            }
        }
    }

    /**
     * How many sessions and transfers are queued on the simulator's executor or running now (the
     * listener hears of a session before it stops counting here). Timers that have not fired yet do
     * not count.
     */
    public int busy() {
        synchronized (work) {
            return busy;
        }
    }

    /**
     * Waits until no session or transfer is queued or running ({@link #busy()} is zero), for tests
     * that step a {@link ManualScheduler}: advance the clock, then wait here for the sessions the
     * step started to end, listener calls included. A session that ends may set a timer for now (a
     * session asked for while it ran, the session after a reboot): run the scheduler's due timers and
     * wait again, until no timer ran.
     *
     * @return true when the simulator is idle, false when {@code timeout} passed first
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (work) {
            while (busy > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(work, left);
            }
            return true;
        }
    }

    /** Starts a builder for a simulator whose devices inform {@code acsUrl}. */
    public static Builder builder(URI acsUrl) {
        return new Builder(acsUrl);
    }

    /**
     * Adds a device of the profile with its own serial number (powered off: call
     * {@link SimulatedDevice#powerOn()} or {@link #powerOnAll()}).
     *
     * @throws IllegalArgumentException when the serial number is taken
     */
    public SimulatedDevice add(DeviceProfile profile, String serialNumber) {
        Objects.requireNonNull(profile, "profile");
        if (serialNumber.isEmpty()) {
            throw new IllegalArgumentException("a device needs a serial number");
        }
        String root = profile.rootName();
        String ms = root + ".ManagementServer.";
        Map<String, String> provisioned = new HashMap<>(8);
        provisioned.put(root + ".DeviceInfo.SerialNumber", serialNumber);
        provisioned.put(ms + "URL", config.acsUrl.toString());
        provisioned.put(ms + "Username", config.acsUsername);
        provisioned.put(ms + "Password", config.acsPassword);
        String crUrl = connectionRequests.map(s -> s.urlOf(serialNumber)).orElse(null);
        if (crUrl != null) {
            provisioned.put(ms + "ConnectionRequestURL", crUrl);
        }
        provisioned.put(ms + "ConnectionRequestUsername", config.crUsername);
        provisioned.put(ms + "ConnectionRequestPassword", config.crPassword);
        if (config.periodicInterval != null) {
            provisioned.put(ms + "PeriodicInformEnable", "true");
            provisioned.put(ms + "PeriodicInformInterval", Long.toString(config.periodicInterval.toSeconds()));
        }
        provisioned.keySet().removeIf(p -> profile.table().find(p).isEmpty());
        DeviceIdStruct base = profile.identity();
        DeviceIdStruct id = new DeviceIdStruct(base.manufacturer(), base.oui(), base.productClass(), serialNumber);
        DeviceState state = engine.newDevice(id, new DeviceParameters(profile.table(), provisioned),
                profile.firmwareFormat());
        SimulatedDevice device = new SimulatedDevice(profile, state, engine, crUrl);
        if (devices.putIfAbsent(serialNumber, device) != null) {
            throw new IllegalArgumentException("serial number taken: " + serialNumber);
        }
        inOrder.add(device);
        connectionRequests.ifPresent(s -> s.register(state));
        return device;
    }

    /** Adds {@code count} devices whose serial numbers are {@code prefix} followed by 000001, 000002, ... */
    public List<SimulatedDevice> addDevices(DeviceProfile profile, int count, String prefix) {
        List<SimulatedDevice> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(add(profile, prefix + String.format("%06d", i)));
        }
        return out;
    }

    /** Powers every device on. */
    public void powerOnAll() {
        for (SimulatedDevice d : inOrder) {
            d.powerOn();
        }
    }

    /** The device with this serial number. */
    public Optional<SimulatedDevice> device(String serialNumber) {
        return Optional.ofNullable(devices.get(serialNumber));
    }

    /** Every device, in the order added. */
    public List<SimulatedDevice> devices() {
        return List.copyOf(inOrder);
    }

    /** The port of the connection-request listener, when it listens. */
    public java.util.OptionalInt connectionRequestPort() {
        return connectionRequests.map(s -> java.util.OptionalInt.of(s.port())).orElse(java.util.OptionalInt.empty());
    }

    /**
     * Stops the connection-request listener, and the session threads and timers the simulator made
     * itself (sessions queued on its own threads are dropped and no longer count as {@link #busy()}).
     */
    @Override
    public void close() {
        connectionRequests.ifPresent(ConnectionRequestServer::close);
        ownExecutor.ifPresent(pool -> pool.shutdownNow().forEach(dropped -> finished()));
        if (config.ownScheduler && config.scheduler instanceof SystemScheduler timers) {
            timers.close();
        }
    }

    /** Builds a {@link Simulator}. */
    public static final class Builder {
        private final URI acsUrl;
        private SimScheduler scheduler;
        private Executor executor;
        private int threads = 8;
        private Quirks quirks = Quirks.NONE;
        private SimulatorListener listener = SimulatorListener.NONE;
        private String acsUsername = "";
        private String acsPassword = "";
        private String crUsername = "";
        private String crPassword = "";
        private InetSocketAddress connectionRequestAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private HttpClient httpClient;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration periodicInterval;
        private boolean ownScheduler;

        private Builder(URI acsUrl) {
            this.acsUrl = Objects.requireNonNull(acsUrl, "acsUrl");
            if (!"http".equals(acsUrl.getScheme()) && !"https".equals(acsUrl.getScheme())) {
                throw new IllegalArgumentException("the ACS URL must be http or https: " + acsUrl);
            }
        }

        /** Time and timers (default: {@link SimScheduler#system()}). */
        public Builder scheduler(SimScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Where sessions and transfers run (default: a pool of {@link #threads(int)} daemon threads;
         * tests pass {@code Runnable::run} to run them on the scheduler's thread).
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Size of the default session pool (default 8). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("at least one thread");
            }
            this.threads = threads;
            return this;
        }

        /** The devices' quirks (default: none). */
        public Builder quirks(Quirks quirks) {
            this.quirks = Objects.requireNonNull(quirks, "quirks");
            return this;
        }

        /** Who hears of sessions (default: nobody). */
        public Builder listener(SimulatorListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Credentials towards the ACS (ManagementServer.Username/Password); Basic or Digest as challenged. */
        public Builder acsCredentials(String username, String password) {
            this.acsUsername = Objects.requireNonNull(username, "username");
            this.acsPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Credentials the ACS must give in connection requests (Digest); without them devices accept
         * unauthenticated connection requests.
         */
        public Builder connectionRequestCredentials(String username, String password) {
            this.crUsername = Objects.requireNonNull(username, "username");
            this.crPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Where the connection-request listener binds (default: loopback, any free port). */
        public Builder connectionRequestAddress(InetSocketAddress address) {
            this.connectionRequestAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** No connection-request listener. */
        public Builder noConnectionRequests() {
            this.connectionRequestAddress = null;
            return this;
        }

        /** Periodic informs on this interval for every device (default: the profile's settings). */
        public Builder periodicInform(Duration interval) {
            if (interval.toSeconds() < 1) {
                throw new IllegalArgumentException("interval of at least one second");
            }
            this.periodicInterval = interval;
            return this;
        }

        /** The HTTP client shared by the devices (default: a new HTTP/1.1 client). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Timeout of each HTTP exchange (default 30 s). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** Builds the simulator and starts its connection-request listener. */
        public Simulator build() {
            if (scheduler == null) {
                scheduler = SimScheduler.system();
                ownScheduler = true;
            }
            return new Simulator(this);
        }
    }
}
