package dev.cwmp.server;

import dev.cwmp.nbi.NbiAuthentication;
import dev.cwmp.nbi.NbiServer;
import dev.cwmp.nbi.ObjectCatalog;
import dev.cwmp.nbi.ScriptCatalog;
import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.Provision;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.VirtualParameterSource;
import dev.cwmp.provisioning.files.FileServer;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import dev.cwmp.scripting.ProvisionScripts;
import dev.cwmp.scripting.ScriptLimits;
import dev.cwmp.scripting.VirtualParameterScripts;
import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.server.internal.CommandLine;
import dev.cwmp.server.internal.CompiledScriptCatalog;
import dev.cwmp.server.internal.CredentialsFile;
import dev.cwmp.server.internal.DataDirectory;
import dev.cwmp.server.internal.DemoFleet;
import dev.cwmp.server.internal.RefreshingVirtualParameters;
import dev.cwmp.server.internal.SessionLog;
import dev.cwmp.server.internal.StatusLog;
import dev.cwmp.server.internal.StoredObjectCatalog;
import dev.cwmp.server.internal.StoredScriptCatalog;
import dev.cwmp.server.internal.TerminationSignals;
import dev.cwmp.server.internal.TlsContexts;
import dev.cwmp.server.internal.ZeroTouchSetup;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.DigestOptions;
import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.connreq.HttpConnectionRequesterOptions;
import dev.cwmp.session.http.SocketTransport;
import dev.cwmp.store.jdbc.JdbcStore;
import dev.cwmp.store.jdbc.JdbcStoreException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone ACS: CWMP for CPEs, the NBI for operators and a file server CPEs download from, in
 * one process, with its state under {@link ServerConfig#dataDir()}; each listener serves HTTPS when
 * configured ({@link ServerConfig#tls()}, {@link ServerConfig#nbiTls()}, {@link ServerConfig#fsTls()}).
 * {@code bin/acs} runs {@link #main}; tests and applications use {@link #start} and {@link #close}.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder(new ServerConfig.CpeAuth.None())
 *         .nbiToken(Secret.of("s3cret")).cwmpPort(0).nbiPort(0).fsPort(0).dataDir(dir).build();
 * try (AcsServer server = AcsServer.start(config)) {
 *     URI nbi = server.nbiUrl();
 * }
 * }</pre>
 */
public final class AcsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AcsServer.class);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** How often a node on a shared database looks whether scripts or objects changed on another node. */
    private static final Duration SHARED_REFRESH = Duration.ofSeconds(1);
    private static final int MAX_CWMP_CONNECTIONS = 1024;

    private final ServerConfig config;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final DataDirectory data;
    private final PresetStore presets;
    private final ProvisioningStore provisioning;
    private final FileStore files;
    private final FileServer fileServer;
    private final Acs acs;
    private final SocketTransport cwmp;
    private final NbiServer nbi;
    private final Optional<DemoFleet> demo;
    private volatile boolean closed;

    private AcsServer(ServerConfig config) {
        this.config = config;
        this.data = DataDirectory.open(config.dataDir());
        resources.push(data);
        try {
            data.logLoaded(config.clock().instant(), "start: data directory " + data.root());
            JdbcStore database = openStore(config, data);
            resources.push(database);
            this.presets = database.presetStore();
            this.provisioning = database.provisioningStore();
            // On a database several nodes share, files and scripts are in it too: every node serves
            // the same ones. The embedded server keeps them in the data directory.
            boolean shared = config.store() instanceof ServerConfig.Store.Database;
            this.files = shared ? database.fileStore(config.clock()) : FileStore.directory(data.files(), config.clock());
            Optional<SSLContext> fsTls = config.fsTls().map(settings -> TlsContexts.server(
                    keystoreFlag(settings, "--fs-tls-keystore"), settings));
            this.fileServer = listen("the file server", config.fsPort(), address -> {
                FileServer.Builder fs = FileServer.builder(files).bind(address);
                config.fileServerUrl().ifPresent(fs::baseUrl);
                fsTls.ifPresent(fs::tls);
                return fs.start();
            });
            resources.push(fileServer);
            LOG.info("files: CPEs download from {}{}", fileServer.baseUrl(), fsTls.isPresent()
                    ? " (HTTPS: CPEs must trust the certificate of " + config.fsTls().get().keystore() + ")" : "");

            // A script's Downloads.[...].FileName names a file of this file server, as in GenieACS.
            ProvisionScripts scripts = ProvisionScripts.create(ScriptLimits.defaults(), fileServer.baseUrl());
            StoredScriptCatalog provisionCatalog = shared
                    ? StoredScriptCatalog.open("provision", database.texts("provisions"),
                            CompiledScriptCatalog.provisions(scripts), config.clock(), SHARED_REFRESH)
                    : StoredScriptCatalog.inDirectory("provision", data.root().resolve("provisions"),
                            CompiledScriptCatalog.provisions(scripts), config.clock());
            // Compile-checked when put, kept with the provisions, computed by the provision engine.
            VirtualParameterScripts virtualParameterScripts = VirtualParameterScripts.create();
            StoredScriptCatalog virtualParameterCatalog = shared
                    ? StoredScriptCatalog.open("virtual parameter", database.texts("virtual_parameters"),
                            CompiledScriptCatalog.virtualParameters(virtualParameterScripts), config.clock(), SHARED_REFRESH)
                    : StoredScriptCatalog.inDirectory("virtual parameter", data.root().resolve("virtual-parameters"),
                            CompiledScriptCatalog.virtualParameters(virtualParameterScripts), config.clock());
            VirtualParameterSource virtualParameters = new RefreshingVirtualParameters(virtualParameterScripts,
                    virtualParameterCatalog::refresh);
            // Objects put over the NBI, found by presets' add_object.
            ObjectCatalog objects = shared
                    ? StoredObjectCatalog.open(database.texts("objects"), config.clock(), SHARED_REFRESH)
                    : StoredObjectCatalog.inDirectory(data.root().resolve("objects"), config.clock());
            LOG.info("data: {} ({} presets, {} provisions, {} files)", data.root(), presets.all().size(),
                    provisionCatalog.names().size(), files.list().size());

            if (config.zeroTouch()) {
                ZeroTouchSetup.seed(data, presets, files, fileServer.baseUrl(), config.clock().instant());
            }
            ZeroTouchSetup.presetsNamingAnotherFileServer(presets, fileServer.baseUrl());
            if (config.demoDevices() > 0) {
                ZeroTouchSetup.demoFirmware(data, files, fileServer, config.clock().instant());
            }

            // A stored script wins over the zero-touch Java provision of its name.
            Function<String, Optional<Provision>> storedScripts = scripts.asLookup();
            Map<String, Provision> zeroTouch = ZeroTouch.provisions();
            ProvisioningDriver driver = ProvisioningDriver.builder(presets)
                    .store(provisioning)
                    .provisionLookup(name -> {
                        provisionCatalog.refresh();
                        return storedScripts.apply(name).or(() -> Optional.ofNullable(zeroTouch.get(name)));
                    })
                    .virtualParameters(virtualParameters)
                    .objectLookup(objects::get)
                    .build();
            resources.push(driver);

            SessionLog sessionLog = new SessionLog();
            Acs.Builder acsBuilder = Acs.builder()
                    .authenticator(authenticator(config.cpeAuth()))
                    .deviceStore(database.deviceStore())
                    .taskQueue(database.taskQueue())
                    .sessionLocks(database.sessionLocks())
                    .sessionDriver(driver)
                    .listener(sessionLog)
                    .clock(config.clock())
                    .connectionRequester(ConnectionRequester.http(HttpConnectionRequesterOptions.defaults()));
            config.nodeName().ifPresent(acsBuilder::nodeName);
            this.acs = acsBuilder.build();
            resources.push(acs);
            sessionLog.devices(acs.devices());

            Optional<SSLContext> tls = config.tls().map(settings -> TlsContexts.server(settings,
                    config.cpeAuth() instanceof CpeAuth.ClientCertificate cc ? Optional.of(cc) : Optional.empty()));
            this.cwmp = listen("CWMP", config.cwmpPort(), address -> SocketTransport.start(acs, address, tls,
                    MAX_CWMP_CONNECTIONS));
            resources.push(cwmp);
            LOG.info("CWMP: CPEs inform {} ({})", cwmpUrl(), describe(config.cpeAuth()));

            Optional<SSLContext> nbiTls = config.nbiTls().map(settings -> TlsContexts.server(
                    keystoreFlag(settings, "--nbi-tls-keystore"), settings));
            this.nbi = listen("the NBI", config.nbiPort(), address -> withTls(NbiServer.builder(), nbiTls)
                    .acs(acs)
                    .presets(presets)
                    .provisioning(provisioning)
                    .files(files)
                    .provisionScripts(provisionCatalog)
                    .virtualParameterScripts(virtualParameterCatalog)
                    .virtualParameters(virtualParameters)
                    .objects(objects)
                    .authentication(config.nbiToken().map(NbiAuthentication::bearerToken)
                            .orElseGet(NbiAuthentication::open))
                    .bind(address)
                    .maxFileBytes(config.maxFileBytes())
                    .fileServerUrl(fileServer.baseUrl())
                    .start());
            resources.push(nbi);
            LOG.info("NBI: {} ({}{})", nbiUrl(), config.open() ? "open: no authentication, loopback only"
                    : "bearer token required", nbiTls.isPresent() ? ", HTTPS" : "");

            resources.push(StatusLog.start(provisioning));
            if (config.demoDevices() > 0) {
                // The simulated CPEs trust the certificates of CWMP and of the file server they download from.
                List<ServerConfig.Tls> trusted = java.util.stream.Stream.of(config.tls(), config.fsTls())
                        .flatMap(Optional::stream).toList();
                DemoFleet fleet = DemoFleet.start(cwmpUrl(), config.demoDevices(), demoCredentials(),
                        trusted.isEmpty() ? Optional.empty() : Optional.of(TlsContexts.trusting(trusted)));
                resources.push(fleet);
                this.demo = Optional.of(fleet);
            } else {
                this.demo = Optional.empty();
            }
        } catch (RuntimeException e) {
            closeAll();
            throw e;
        }
    }

    /**
     * Starts a server: opens (and locks) the data directory, loads the zero-touch presets at the
     * first start, listens, and starts the demo fleet if asked.
     *
     * @throws AcsServerException when the configuration cannot be served (a port taken, a data
     *                            directory in use, an unreadable credentials file)
     */
    public static AcsServer start(ServerConfig config) {
        return new AcsServer(config);
    }

    /**
     * The URL CPEs inform (the bind address; loopback when bound to every address): {@code https}
     * with {@link ServerConfig#tls()}.
     */
    public URI cwmpUrl() {
        return url(config.tls().isPresent() ? "https" : "http", cwmp.port());
    }

    /** The URL of the NBI: {@code https} with {@link ServerConfig#nbiTls()}. */
    public URI nbiUrl() {
        return url(config.nbiTls().isPresent() ? "https" : "http", nbi.port());
    }

    /** The presets (what {@code /presets} changes). */
    public PresetStore presets() {
        return presets;
    }

    /** The configuration status and faults of the devices. */
    public ProvisioningStore provisioning() {
        return provisioning;
    }

    /** The URL CPEs download files from: {@code https} with {@link ServerConfig#fsTls()}. */
    public URI fileServerUrl() {
        return fileServer.baseUrl();
    }

    /** The files served to CPEs. */
    public FileStore files() {
        return files;
    }

    /** The ACS serving the CPEs. */
    public Acs acs() {
        return acs;
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /**
     * Stops the demo fleet, stops accepting NBI requests, lets open CPE sessions end (up to 10 s),
     * then stops CWMP and closes the stores. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("ACS stopping: NBI closed, open CPE sessions may end (up to {} s)", DRAIN.toSeconds());
        demo.ifPresent(fleet -> {
            resources.remove(fleet);
            closeQuietly(fleet);
        });
        resources.remove(nbi);
        closeQuietly(nbi);
        drainSessions();
        closeAll();
        LOG.info("ACS stopped");
    }

    /** The flag an error about this key pair names: {@code --tls-keystore} when it is CWMP's. */
    private String keystoreFlag(ServerConfig.Tls settings, String ownFlag) {
        return config.tls().filter(cwmpTls -> cwmpTls == settings).isPresent() ? "--tls-keystore" : ownFlag;
    }

    private static NbiServer.Builder withTls(NbiServer.Builder builder, Optional<SSLContext> tls) {
        tls.ifPresent(builder::tls);
        return builder;
    }

    private void drainSessions() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (acs.openSessions() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void closeAll() {
        while (!resources.isEmpty()) {
            closeQuietly(resources.pop());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
        }
    }

    private <T> T listen(String what, int port, java.util.function.Function<InetSocketAddress, T> start) {
        InetSocketAddress address = new InetSocketAddress(config.bind(), port);
        try {
            return start.apply(address);
        } catch (java.io.UncheckedIOException e) {
            throw new AcsServerException("cannot listen for " + what + " on " + config.bind().getHostAddress() + ":"
                    + port + " (" + e.getCause().getMessage() + "); choose another port", e);
        }
    }

    private URI url(String scheme, int port) {
        String host = config.bind().isAnyLocalAddress() ? "127.0.0.1" : config.bind().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create(scheme + "://" + host + ":" + port + "/");
    }

    private static JdbcStore openStore(ServerConfig config, DataDirectory data) {
        if (config.store() instanceof ServerConfig.Store.Database db) {
            JdbcStore store;
            try {
                store = JdbcStore.connect(db.url(), db.user(), new String(db.password().toCharArray()));
            } catch (JdbcStoreException e) {
                throw new AcsServerException("cannot use the database " + db.redactedUrl() + " as " + db.user() + ": "
                        + e.getMessage(), e);
            }
            LOG.info("store: {} as {} (shared by the nodes; node {})", db.redactedUrl(), db.user(),
                    config.nodeName().orElse("named at random"));
            return store;
        }
        return JdbcStore.h2(data.database());
    }

    private Optional<String[]> demoCredentials() {
        CpeAuth auth = config.cpeAuth();
        if (auth instanceof CpeAuth.Shared shared) {
            return Optional.of(new String[] {shared.username(), new String(shared.password().toCharArray())});
        }
        return Optional.empty();
    }

    private static CpeAuthenticator authenticator(CpeAuth auth) {
        if (auth instanceof CpeAuth.None) {
            return CpeAuthenticator.none();
        }
        if (auth instanceof CpeAuth.Shared shared) {
            return CpeAuthenticator.basicOrDigest(
                    CpeCredentials.single(CpeCredential.of(shared.username(), shared.password())),
                    DigestOptions.defaults());
        }
        if (auth instanceof CpeAuth.ClientCertificate) {
            // The TLS layer checked the chain against the trust store; the CN names the device.
            return CpeAuthenticator.clientCertificate(identity -> identity.commonName().flatMap(DeviceId::parse)
                    .map(DeviceId::toString));
        }
        CpeAuth.CredentialsFile file = (CpeAuth.CredentialsFile) auth;
        return CpeAuthenticator.basicOrDigest(CpeCredentials.of(CredentialsFile.read(file.file())),
                DigestOptions.defaults());
    }

    private static String describe(CpeAuth auth) {
        if (auth instanceof CpeAuth.None) {
            return "CPE authentication: none";
        }
        if (auth instanceof CpeAuth.Shared shared) {
            return "CPE authentication: Basic or Digest, user " + shared.username();
        }
        if (auth instanceof CpeAuth.ClientCertificate cc) {
            return "CPE authentication: TLS client certificates issued by " + cc.trustStore()
                    + ", the CN naming the device";
        }
        return "CPE authentication: Basic or Digest, credentials from " + ((CpeAuth.CredentialsFile) auth).file();
    }

    /** Runs the server until SIGTERM or Ctrl-C; {@code --help} prints the flags. */
    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (CommandLine.wantsHelp(arguments)) {
            System.out.println(ServerConfig.usage());
            return;
        }
        AcsServer server;
        try {
            server = start(ServerConfig.fromArgs(arguments, System.getenv()));
        } catch (AcsServerException e) {
            System.err.println("acs: " + e.getMessage());
            System.err.println("acs: bin/acs --help lists the options");
            System.exit(2);
            return;
        }
        // SIGTERM and Ctrl-C close the server before the JVM's shutdown hooks run (H2 closes the embedded
        // database in one of them); the hook covers the other ways the JVM ends. close() is idempotent.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "acs-shutdown"));
        TerminationSignals.handle(signal -> {
            server.close();
            System.exit(128 + signal);
        });
        new CountDownLatch(1).await(); // until the JVM ends
    }
}
