package dev.cwmp.nbi;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.cwmp.nbi.internal.NbiConfig;
import dev.cwmp.nbi.internal.NbiHandler;
import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.session.Acs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The northbound REST interface, compatible with GenieACS 1.2's NBI: devices (MongoDB-style queries,
 * projections, sorting, paging), tasks (200 when done within the timeout, 202 when queued), tags,
 * presets, provisions and virtual parameters, objects, faults, files, {@code GET /ping/<host>}, and
 * beyond GenieACS {@code GET /status} (the configuration status). Tasks naming
 * {@code VirtualParameters.*} are computed on the ACS with the {@link Builder#virtualParameters}
 * source; only their real parameters go to the CPE. Served on the JDK's HTTP server (HTTPS with
 * {@link Builder#tls}), behind the chosen {@link NbiAuthentication}; errors are JSON {@code {"error": "...", "status": N}}.
 *
 * <pre>{@code
 * NbiServer nbi = NbiServer.builder()
 *         .acs(acs)
 *         .presets(presets)
 *         .provisioning(provisioningStore)
 *         .files(files).fileServerUrl(fileServer.baseUrl())
 *         .authentication(NbiAuthentication.bearerToken(Secret.of(token)))
 *         .bind(new InetSocketAddress("127.0.0.1", 7557))
 *         .start();
 * }</pre>
 */
public final class NbiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NbiServer.class);

    private final NbiConfig config;
    private final InetSocketAddress bind;
    private final int threads;
    private final Optional<SSLContext> tls;
    private HttpServer server;
    private ExecutorService executor;

    private NbiServer(Builder b, NbiConfig config) {
        this.config = config;
        this.bind = b.bind;
        this.threads = b.threads;
        this.tls = Optional.ofNullable(b.tls);
    }

    /** Starts a builder; {@link Builder#acs} and {@link Builder#authentication} must be given. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving.
     *
     * @throws NbiException when the address cannot be bound, or the authentication is
     *     {@link NbiAuthentication#open()} and the address is not loopback
     * @return this server
     */
    public synchronized NbiServer start() {
        if (server != null) {
            throw new IllegalStateException("the NBI is started already");
        }
        InetAddress address = bind.getAddress();
        if (config.authentication().isOpen() && (address == null || !address.isLoopbackAddress())) {
            throw new NbiException("an open NBI (no authentication) may only bind to a loopback address, not "
                    + bind.getHostString());
        }
        try {
            if (tls.isPresent()) {
                HttpsServer https = HttpsServer.create(bind, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
                server = https;
            } else {
                server = HttpServer.create(bind, 64);
            }
        } catch (IOException e) {
            throw new NbiException("cannot bind the NBI to " + bind + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new NbiHandler(config));
        server.start();
        LOG.info("NBI listening on {}:{} ({}, {})", server.getAddress().getHostString(), server.getAddress().getPort(),
                tls.isPresent() ? "HTTPS" : "HTTP", config.authentication());
        return this;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cwmp-nbi-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The port the NBI listens on (useful after binding port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the NBI is not started");
        }
        return server.getAddress().getPort();
    }

    /** Whether the NBI serves HTTPS ({@link Builder#tls}). */
    public boolean secure() {
        return tls.isPresent();
    }

    /** The address the NBI listens on. */
    public synchronized InetSocketAddress address() {
        if (server == null) {
            throw new IllegalStateException("the NBI is not started");
        }
        return server.getAddress();
    }

    /** Stops serving; requests in progress get a second to finish. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(1);
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** Builds an {@link NbiServer}: the ACS and the authentication must be chosen, the rest has defaults. */
    public static final class Builder {
        private Acs acs;
        private PresetStore presets;
        private ProvisioningStore provisioning;
        private FileStore files;
        private ScriptCatalog provisionScripts;
        private ScriptCatalog virtualParameterScripts;
        private ObjectCatalog objects;
        private VirtualParameterSource virtualParameters = VirtualParameterSource.none();
        private Path pingProgram;
        private Duration pingTimeout = Duration.ofSeconds(5);
        private NbiAuthentication authentication;
        private InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7557);
        private int maxBodyBytes = 1024 * 1024;
        private long maxFileBytes = 256L * 1024 * 1024;
        private URI fileServerUrl;
        private Duration defaultTaskTimeout = Duration.ofSeconds(10);
        private Duration maxTaskTimeout = Duration.ofMinutes(2);
        private Duration taskLifetime = Duration.ofHours(1);
        private int threads = 16;
        private SSLContext tls;

        private Builder() {}

        /** The ACS whose devices and tasks are served (required). */
        public Builder acs(Acs acs) {
            this.acs = Objects.requireNonNull(acs, "acs");
            return this;
        }

        /** The presets {@code /presets} reads and changes (default: empty, in memory). */
        public Builder presets(PresetStore presets) {
            this.presets = Objects.requireNonNull(presets, "presets");
            return this;
        }

        /** Where faults and configuration status are read (default: empty, in memory). */
        public Builder provisioning(ProvisioningStore provisioning) {
            this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
            return this;
        }

        /** The files {@code /files} reads and changes (default: in memory). */
        public Builder files(FileStore files) {
            this.files = Objects.requireNonNull(files, "files");
            return this;
        }

        /** The provisions {@code /provisions} reads and changes (default: in memory, any source accepted). */
        public Builder provisionScripts(ScriptCatalog catalog) {
            this.provisionScripts = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** The virtual parameters {@code /virtual_parameters} reads and changes (default: in memory). */
        public Builder virtualParameterScripts(ScriptCatalog catalog) {
            this.virtualParameterScripts = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * The objects {@code /objects} reads and changes (default: empty, in memory). Give the
         * provisioning driver the same catalog ({@code objectLookup(catalog::get)}) so that presets'
         * {@code add_object} entries find them.
         */
        public Builder objects(ObjectCatalog catalog) {
            this.objects = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * Computes the {@code VirtualParameters.<name>} that getParameterValues and refreshObject
         * tasks name (default none: such names are answered with nothing), from the device's stored
         * tree, merged into it; the CPE gets only the task's real parameters. Give it the provisioning
         * driver's source.
         */
        public Builder virtualParameters(VirtualParameterSource source) {
            this.virtualParameters = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * The ping program {@code GET /ping/<host>} runs (default: {@code ping} on the {@code PATH}, or
         * in {@code /usr/bin}, {@code /bin}, {@code /usr/sbin}, {@code /sbin}), and how long it may run
         * (default 5 s; it is given {@code -c 3 -i 0.2 -w 2}).
         */
        public Builder ping(Path program, Duration timeout) {
            Objects.requireNonNull(program, "program");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("a ping timeout is positive");
            }
            this.pingProgram = program;
            this.pingTimeout = timeout;
            return this;
        }

        /** How clients authenticate (required: there is no implicit default). */
        public Builder authentication(NbiAuthentication authentication) {
            this.authentication = Objects.requireNonNull(authentication, "authentication");
            return this;
        }

        /** Where to listen (default 127.0.0.1:7557; port 0 for any free port). */
        public Builder bind(InetSocketAddress address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The largest JSON or script body accepted (default 1 MiB); larger ones get 413. */
        public Builder maxBodyBytes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive: " + max);
            }
            this.maxBodyBytes = max;
            return this;
        }

        /** The largest file accepted by {@code PUT /files/<name>} (default 256 MiB), streamed to the store. */
        public Builder maxFileBytes(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxFileBytes must not be negative: " + max);
            }
            this.maxFileBytes = max;
            return this;
        }

        /** The base URL CPEs download files from: download tasks point there (default: none, downloads refused). */
        public Builder fileServerUrl(URI url) {
            Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("the file server URL must be http or https: " + url);
            }
            this.fileServerUrl = url;
            return this;
        }

        /**
         * How long {@code POST /devices/<id>/tasks?connection_request} waits for the task when the
         * request has no {@code timeout} (default 10 s), and the most it waits (default 2 min).
         */
        public Builder taskTimeouts(Duration byDefault, Duration max) {
            if (byDefault.isNegative() || max.isNegative() || byDefault.compareTo(max) > 0) {
                throw new IllegalArgumentException("task timeouts: 0 <= default <= max");
            }
            this.defaultTaskTimeout = byDefault;
            this.maxTaskTimeout = max;
            return this;
        }

        /** How long a queued task waits for its device before it expires (default 1 h). */
        public Builder taskLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("a task lifetime is positive");
            }
            this.taskLifetime = lifetime;
            return this;
        }

        /**
         * Serves HTTPS with this context, whose key managers hold the server's key pair and certificate
         * (default: plain HTTP). No client certificate is asked for: the {@link #authentication} still
         * applies, and TLS keeps its token or password off the wire.
         */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Worker threads (default 16; a task request waiting for its device holds one). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("at least one thread");
            }
            this.threads = threads;
            return this;
        }

        /** Builds the server, not started. */
        public NbiServer build() {
            if (acs == null) {
                throw new IllegalStateException("the NBI needs an Acs (acs(...))");
            }
            if (authentication == null) {
                throw new IllegalStateException("choose the NBI's authentication explicitly: "
                        + "NbiAuthentication.bearerToken, basic or open (loopback only)");
            }
            NbiConfig config = new NbiConfig(acs,
                    presets != null ? presets : PresetStore.inMemory(List.of()),
                    provisioning != null ? provisioning : ProvisioningStore.inMemory(),
                    files != null ? files : FileStore.inMemory(),
                    provisionScripts != null ? provisionScripts : ScriptCatalog.inMemory(),
                    virtualParameterScripts != null ? virtualParameterScripts : ScriptCatalog.inMemory(),
                    authentication, maxBodyBytes, maxFileBytes, Optional.ofNullable(fileServerUrl),
                    defaultTaskTimeout, maxTaskTimeout, taskLifetime,
                    objects != null ? objects : ObjectCatalog.inMemory(), virtualParameters,
                    Optional.ofNullable(pingProgram), pingTimeout);
            return new NbiServer(this, config);
        }

        /** Builds and starts the server. */
        public NbiServer start() {
            return build().start();
        }
    }
}
