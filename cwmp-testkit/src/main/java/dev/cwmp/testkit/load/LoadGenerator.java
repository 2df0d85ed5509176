package dev.cwmp.testkit.load;

import dev.cwmp.testkit.internal.load.CpeMessages;
import dev.cwmp.testkit.internal.load.LatencyHistogram;
import dev.cwmp.testkit.internal.load.SimulatedCpe;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Runs N simulated CPEs at once against an ACS URL, each on its own thread and connection, with
 * sessions back to back, and reports sessions per second, latency percentiles, HTTP requests per
 * session and failed sessions by kind.
 *
 * <p>Each CPE has its own DeviceId (OUI, ProductClass and serial number derived from its index), sends
 * a periodic Inform encoded once, keeps the session cookie and the connection (HTTP/1.1 keep-alive)
 * for the session and closes it at the session's end, as CPEs do. It answers GetParameterValues and
 * SetParameterValues (status 0) with the ACS's cwmp:ID, and any other ACS request with fault 9000.
 * The client is a minimal HTTP/1.1 client on blocking sockets that reads only the status line,
 * Content-Length, Transfer-Encoding, Connection and Set-Cookie: the generator must cost little CPU,
 * since the ACS under test usually shares the machine. Plain HTTP only.
 *
 * <pre>{@code
 * LoadReport report = LoadGenerator.builder(URI.create("http://127.0.0.1:7547/"))
 *         .cpes(64).warmUp(Duration.ofSeconds(3)).duration(Duration.ofSeconds(10))
 *         .scenario(Scenario.BARE)
 *         .build().run();
 * report.printResults(System.out, "load.");
 * }</pre>
 */
public final class LoadGenerator {

    private final URI target;
    private final int cpes;
    private final Optional<Duration> duration;
    private final OptionalLong sessions;
    private final Duration warmUp;
    private final Scenario scenario;
    private final Duration requestTimeout;
    private final String serialPrefix;

    private LoadGenerator(Builder b) {
        this.target = b.target;
        this.cpes = b.cpes;
        this.duration = Optional.ofNullable(b.duration);
        this.sessions = b.sessions == 0 ? OptionalLong.empty() : OptionalLong.of(b.sessions);
        this.warmUp = b.warmUp;
        this.scenario = b.scenario;
        this.requestTimeout = b.requestTimeout;
        this.serialPrefix = b.serialPrefix;
    }

    /** Starts a builder for a run against an {@code http://} ACS URL. */
    public static Builder builder(URI target) {
        return new Builder(target);
    }

    /**
     * Runs the warm-up (not measured), then the measurement, and returns its figures. Blocks until
     * every CPE has finished its last session.
     */
    public LoadReport run() {
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, requestTimeout.toMillis()));
        List<SimulatedCpe> simulated = new ArrayList<>(cpes);
        for (int i = 0; i < cpes; i++) {
            simulated.add(new SimulatedCpe(target, timeoutMillis,
                    CpeMessages.inform(CpeMessages.deviceId(serialPrefix, i))));
        }
        if (!warmUp.isZero()) {
            long end = System.nanoTime() + warmUp.toNanos();
            runPhase(simulated, () -> System.nanoTime() < end, false, end);
        }
        long start = System.nanoTime();
        Duration elapsed;
        if (sessions.isPresent()) {
            AtomicLong left = new AtomicLong(sessions.getAsLong());
            runPhase(simulated, () -> left.getAndDecrement() > 0, true, Long.MAX_VALUE);
            elapsed = Duration.ofNanos(System.nanoTime() - start);
        } else {
            long end = start + duration.orElseThrow().toNanos();
            runPhase(simulated, () -> System.nanoTime() < end, true, end);
            elapsed = duration.orElseThrow();
        }

        LatencyHistogram all = new LatencyHistogram();
        long completed = 0;
        long requests = 0;
        long[] errors = new long[ErrorKind.values().length];
        for (SimulatedCpe cpe : simulated) {
            all.add(cpe.latencies);
            completed += cpe.sessions;
            requests += cpe.httpRequests;
            for (int k = 0; k < errors.length; k++) {
                errors[k] += cpe.errors[k];
            }
        }
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            byKind.put(kind, errors[kind.ordinal()]);
        }
        LoadReport.Latency latency = new LoadReport.Latency(micros(all.percentile(50)), micros(all.percentile(90)),
                micros(all.percentile(99)), micros(all.max()));
        return new LoadReport(scenario, cpes, elapsed, completed, requests, latency, byKind);
    }

    private static Duration micros(long v) {
        return Duration.ofNanos(v * 1_000);
    }

    private static void runPhase(List<SimulatedCpe> simulated, BooleanSupplier another, boolean record,
            long recordUntilNanos) {
        List<Thread> threads = new ArrayList<>(simulated.size());
        for (int i = 0; i < simulated.size(); i++) {
            SimulatedCpe cpe = simulated.get(i);
            Thread t = new Thread(() -> {
                while (another.getAsBoolean()) {
                    cpe.runSession(record, recordUntilNanos);
                }
            }, "cwmp-load-cpe-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadTestException("interrupted while the CPEs ran", e);
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LoadGenerator[%s, %d CPEs, %s, warm-up %s, %s]", target, cpes,
                sessions.isPresent() ? sessions.getAsLong() + " sessions" : duration.orElseThrow(), warmUp,
                scenario.cliName());
    }

    /** Builds a {@link LoadGenerator}: 64 CPEs for 10 s, no warm-up, {@link Scenario#BARE}, 10 s timeout. */
    public static final class Builder {
        private final URI target;
        private int cpes = 64;
        private Duration duration = Duration.ofSeconds(10);
        private long sessions;
        private Duration warmUp = Duration.ZERO;
        private Scenario scenario = Scenario.BARE;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private String serialPrefix = "LG";

        private Builder(URI target) {
            Objects.requireNonNull(target, "target");
            if (!"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
                throw new IllegalArgumentException("the target must be an http:// URL with a host: " + target);
            }
            this.target = target;
        }

        /** How many CPEs run at once (default 64). */
        public Builder cpes(int cpes) {
            if (cpes < 1) {
                throw new IllegalArgumentException("at least one CPE");
            }
            this.cpes = cpes;
            return this;
        }

        /** Measures for this long (default 10 s); replaces {@link #sessions(long)}. */
        public Builder duration(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("the duration must be positive");
            }
            this.duration = duration;
            this.sessions = 0;
            return this;
        }

        /**
         * Measures exactly this many session attempts (completed or failed) instead of a duration;
         * replaces {@link #duration(Duration)}.
         */
        public Builder sessions(long sessions) {
            if (sessions < 1) {
                throw new IllegalArgumentException("at least one session");
            }
            this.sessions = sessions;
            this.duration = null;
            return this;
        }

        /** Runs sessions for this long before measuring, not counted (default none). */
        public Builder warmUp(Duration warmUp) {
            if (warmUp.isNegative()) {
                throw new IllegalArgumentException("the warm-up cannot be negative");
            }
            this.warmUp = warmUp;
            return this;
        }

        /**
         * The scenario the ACS is set up to run, named in the report (default {@link Scenario#BARE}).
         * The CPEs answer whatever the ACS asks either way.
         */
        public Builder scenario(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            return this;
        }

        /** How long a CPE waits to connect and for each answer (default 10 s). */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the timeout must be positive");
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * The start of every serial number (default {@code "LG"}), followed by the CPE's index in
         * eight digits: give two generators on one ACS different prefixes.
         */
        public Builder serialPrefix(String prefix) {
            if (prefix.isEmpty() || prefix.length() > 32 || !prefix.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("the serial prefix must be 1 to 32 printable ASCII characters");
            }
            this.serialPrefix = prefix;
            return this;
        }

        /** Builds the generator. */
        public LoadGenerator build() {
            return new LoadGenerator(this);
        }
    }
}
