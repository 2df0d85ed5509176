package dev.cwmp.server;

import dev.cwmp.server.internal.CommandLine;
import dev.cwmp.session.auth.Secret;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link AcsServer} runs: where it listens, where it keeps its data, how CPEs and NBI
 * clients authenticate, whether it starts a demo fleet. Immutable; build one with {@link #builder}
 * or from a command line with {@link #fromArgs}.
 */
public final class ServerConfig {

    /** The default CWMP port (IANA's cwmp). */
    public static final int DEFAULT_CWMP_PORT = 7547;
    /** The default NBI port (GenieACS's). */
    public static final int DEFAULT_NBI_PORT = 7557;
    /** The default file server port (GenieACS's). */
    public static final int DEFAULT_FS_PORT = 7567;
    /** The default largest file the NBI accepts: 256 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;

    /** How CPEs authenticate to the ACS; there is no default on purpose. */
    public sealed interface CpeAuth {
        /** Every CPE is accepted without credentials (labs only). */
        record None() implements CpeAuth {
        }

        /** One credential shared by every CPE; Basic and Digest accepted. */
        record Shared(String username, Secret password) implements CpeAuth {
            public Shared {
                Objects.requireNonNull(username, "username");
                Objects.requireNonNull(password, "password");
                if (username.isEmpty() || username.indexOf(':') >= 0) {
                    throw new IllegalArgumentException("a CPE username must be non-empty and without ':'");
                }
            }
        }

        /**
         * Per-device credentials read from a file: one {@code username password [device-id]} per line,
         * separated by spaces or tabs; blank lines and lines starting with {@code #} are ignored.
         */
        record CredentialsFile(Path file) implements CpeAuth {
            public CredentialsFile {
                Objects.requireNonNull(file, "file");
            }
        }

        /**
         * TLS client certificates issued by a CA of the trust store (a PKCS#12 file); a certificate's
         * common name is the device id it may inform as ({@code OUI-SerialNumber} or
         * {@code OUI-ProductClass-SerialNumber}). Needs {@link Tls}.
         */
        record ClientCertificate(Path trustStore, Optional<Secret> trustStorePassword) implements CpeAuth {
            public ClientCertificate {
                Objects.requireNonNull(trustStore, "trustStore");
                Objects.requireNonNull(trustStorePassword, "trustStorePassword");
            }
        }
    }

    /** Where devices, tasks, presets and configuration status are kept. */
    public sealed interface Store {
        /** The embedded H2 file under the data directory: one server at a time (the default). */
        record Embedded() implements Store {
        }

        /**
         * A database server (PostgreSQL: {@code jdbc:postgresql://host:5432/db}) that several nodes may
         * share; the password never goes in the URL.
         */
        record Database(String url, String user, Secret password) implements Store {
            public Database {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(password, "password");
                if (!url.startsWith("jdbc:")) {
                    throw new AcsServerException("--db-url must be a JDBC URL (jdbc:postgresql://host:5432/db), not "
                            + ServerConfig.redactedUrl(url));
                }
                if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                    throw new AcsServerException("--db-url must not hold the password: give --db-password-file FILE"
                            + " or set ACS_DB_PASSWORD");
                }
            }

            /** The URL without its parameters (what the log shows). */
            public String redactedUrl() {
                return ServerConfig.redactedUrl(url);
            }
        }
    }

    /**
     * A server's private key and certificate chain in a PKCS#12 file, for HTTPS on the CWMP port
     * ({@link #tls()}), the NBI ({@link #nbiTls()}) or the file server ({@link #fsTls()}). Clients
     * check the certificate against the address they reach: give it that name (a DNS or IP subject
     * alternative name).
     */
    public record Tls(Path keystore, Secret password) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }
    }

    private static String redactedUrl(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    private final InetAddress bind;
    private final int cwmpPort;
    private final int nbiPort;
    private final int fsPort;
    private final Path dataDir;
    private final Optional<Secret> nbiToken;
    private final boolean open;
    private final CpeAuth cpeAuth;
    private final int demoDevices;
    private final InstantSource clock;
    private final long maxFileBytes;
    private final Optional<URI> fileServerUrl;
    private final boolean zeroTouch;
    private final Store store;
    private final Optional<String> nodeName;
    private final Optional<Tls> tls;
    private final Optional<Tls> nbiTls;
    private final Optional<Tls> fsTls;

    private ServerConfig(Builder b) {
        this.bind = b.bind;
        this.cwmpPort = b.cwmpPort;
        this.nbiPort = b.nbiPort;
        this.fsPort = b.fsPort;
        this.dataDir = b.dataDir;
        this.nbiToken = b.nbiToken;
        this.open = b.open;
        this.cpeAuth = b.cpeAuth;
        this.demoDevices = b.demoDevices;
        this.clock = b.clock;
        this.maxFileBytes = b.maxFileBytes;
        this.fileServerUrl = b.fileServerUrl;
        this.zeroTouch = b.zeroTouch;
        this.store = b.store;
        this.nodeName = b.nodeName;
        this.tls = b.tls;
        this.nbiTls = b.nbiTls;
        this.fsTls = b.fsTls;
    }

    /** A builder with the defaults: loopback, the standard ports, {@code ./acs-data}, no demo. */
    public static Builder builder(CpeAuth cpeAuth) {
        return new Builder(cpeAuth);
    }

    /**
     * The configuration a command line asks for ({@code bin/acs}'s flags, see {@link #usage()}); the
     * NBI token may come from the environment variable {@code ACS_NBI_TOKEN}.
     *
     * @throws AcsServerException with a message for the operator when the flags are wrong or a
     *                            required choice is missing
     */
    public static ServerConfig fromArgs(List<String> args, Map<String, String> environment) {
        return CommandLine.parse(args, environment);
    }

    /** The text {@code --help} prints. */
    public static String usage() {
        return CommandLine.USAGE;
    }

    /** The address every listener binds to. */
    public InetAddress bind() {
        return bind;
    }

    /** The CWMP port (0: any free port). */
    public int cwmpPort() {
        return cwmpPort;
    }

    /** The NBI port (0: any free port). */
    public int nbiPort() {
        return nbiPort;
    }

    /** The file server port (0: any free port). */
    public int fsPort() {
        return fsPort;
    }

    /** Where the server keeps its stores, files and load log. */
    public Path dataDir() {
        return dataDir;
    }

    /** The bearer token NBI clients must present; empty only when {@link #open()}. */
    public Optional<Secret> nbiToken() {
        return nbiToken;
    }

    /** Whether the NBI accepts requests without a token (loopback only). */
    public boolean open() {
        return open;
    }

    /** How CPEs authenticate. */
    public CpeAuth cpeAuth() {
        return cpeAuth;
    }

    /** How many simulated MikroTik CPEs to start with the server (0: none). */
    public int demoDevices() {
        return demoDevices;
    }

    /** The server's clock (sessions, faults, timestamps). */
    public InstantSource clock() {
        return clock;
    }

    /** The largest file the NBI accepts. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * The URL CPEs download files from, when it is not the file server's bound address (behind NAT,
     * or bound to every address).
     */
    public Optional<URI> fileServerUrl() {
        return fileServerUrl;
    }

    /**
     * Whether the zero-touch MikroTik presets are loaded at the first start of a data directory
     * (default true; never again once loaded, so presets the operator deleted stay deleted).
     */
    public boolean zeroTouch() {
        return zeroTouch;
    }

    /** Where the server keeps its state (default: the embedded file under {@link #dataDir()}). */
    public Store store() {
        return store;
    }

    /**
     * This node's name in the session locks it holds in a shared database (default: {@code acs-} and
     * random hex digits).
     */
    public Optional<String> nodeName() {
        return nodeName;
    }

    /** HTTPS for CWMP, when configured (else plain HTTP). */
    public Optional<Tls> tls() {
        return tls;
    }

    /** HTTPS for the NBI, when configured (else plain HTTP). */
    public Optional<Tls> nbiTls() {
        return nbiTls;
    }

    /**
     * HTTPS for the file server, when configured (else plain HTTP): the URLs CPEs download from are
     * {@code https}, and CPEs must trust the certificate.
     */
    public Optional<Tls> fsTls() {
        return fsTls;
    }

    /** Builds a {@link ServerConfig}; {@link #build()} checks that the choices fit together. */
    public static final class Builder {
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private int cwmpPort = DEFAULT_CWMP_PORT;
        private int nbiPort = DEFAULT_NBI_PORT;
        private int fsPort = DEFAULT_FS_PORT;
        private Path dataDir = Path.of("acs-data");
        private Optional<Secret> nbiToken = Optional.empty();
        private boolean open;
        private CpeAuth cpeAuth;
        private int demoDevices;
        private InstantSource clock = InstantSource.system();
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        private Optional<URI> fileServerUrl = Optional.empty();
        private boolean zeroTouch = true;
        private Store store = new Store.Embedded();
        private Optional<String> nodeName = Optional.empty();
        private Optional<Tls> tls = Optional.empty();
        private Optional<Tls> nbiTls = Optional.empty();
        private Optional<Tls> fsTls = Optional.empty();

        private Builder(CpeAuth cpeAuth) {
            this.cpeAuth = Objects.requireNonNull(cpeAuth, "cpeAuth");
        }

        /** The address to listen on (default loopback). */
        public Builder bind(InetAddress address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The CWMP port (default 7547; 0 picks a free one). */
        public Builder cwmpPort(int port) {
            this.cwmpPort = checkPort(port);
            return this;
        }

        /** The NBI port (default 7557; 0 picks a free one). */
        public Builder nbiPort(int port) {
            this.nbiPort = checkPort(port);
            return this;
        }

        /** The file server port (default 7567; 0 picks a free one). */
        public Builder fsPort(int port) {
            this.fsPort = checkPort(port);
            return this;
        }

        /** The data directory (default {@code ./acs-data}); created when missing. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The bearer token of the NBI. */
        public Builder nbiToken(Secret token) {
            Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new AcsServerException("the NBI token must not be empty");
            }
            this.nbiToken = Optional.of(token);
            return this;
        }

        /** An NBI without a token: allowed only on a loopback address. */
        public Builder open(boolean openNbi) {
            this.open = openNbi;
            return this;
        }

        /** How CPEs authenticate. */
        public Builder cpeAuth(CpeAuth auth) {
            this.cpeAuth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /** Starts this many simulated MikroTik CPEs with the server (default 0). */
        public Builder demoDevices(int count) {
            if (count < 0 || count > 10_000) {
                throw new AcsServerException("--demo takes 0 to 10000 devices, not " + count);
            }
            this.demoDevices = count;
            return this;
        }

        /** The clock (default the system's); tests inject theirs. */
        public Builder clock(InstantSource source) {
            this.clock = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The largest file the NBI accepts (default 256 MiB). */
        public Builder maxFileBytes(long max) {
            if (max < 1) {
                throw new AcsServerException("the file size limit must be positive");
            }
            this.maxFileBytes = max;
            return this;
        }

        /** Whether to load the zero-touch presets at the first start (default true). */
        public Builder zeroTouch(boolean load) {
            this.zeroTouch = load;
            return this;
        }

        /** The URL CPEs download files from (an http or https URL ending with {@code /}). */
        public Builder fileServerUrl(URI url) {
            Objects.requireNonNull(url, "url");
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null
                    || !url.getPath().endsWith("/")) {
                throw new AcsServerException("the file server URL must be http(s)://host[:port]/path/ (ending with '/'), not "
                        + url);
            }
            this.fileServerUrl = Optional.of(url);
            return this;
        }

        /** Where to keep the state: the embedded file (default) or a database server several nodes share. */
        public Builder store(Store where) {
            this.store = Objects.requireNonNull(where, "where");
            return this;
        }

        /** This node's name in the session locks of a shared database (1 to 128 characters). */
        public Builder nodeName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
                throw new AcsServerException("--node-name takes 1 to 128 printable characters");
            }
            this.nodeName = Optional.of(name);
            return this;
        }

        /** Serves CWMP over HTTPS with this key pair. */
        public Builder tls(Tls settings) {
            this.tls = Optional.of(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /** Serves the NBI over HTTPS with this key pair (the same as CWMP's or another). */
        public Builder nbiTls(Tls settings) {
            this.nbiTls = Optional.of(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /**
         * Serves the files over HTTPS with this key pair (the same as CWMP's or another); CPEs must
         * trust its certificate, which must name the host of the file server URL.
         */
        public Builder fsTls(Tls settings) {
            this.fsTls = Optional.of(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /**
         * The configuration.
         *
         * @throws AcsServerException when there is no NBI token and no {@code --open}, or when
         *                            {@code --open} is asked for on an address other than loopback
         */
        public ServerConfig build() {
            if (nbiToken.isEmpty() && !open) {
                throw new AcsServerException("the NBI needs a token: give --nbi-token TOKEN or set ACS_NBI_TOKEN"
                        + " (or --open for an NBI without authentication, on loopback only)");
            }
            if (open && nbiToken.isPresent()) {
                throw new AcsServerException("--open goes without a token: choose one");
            }
            if (open && !bind.isLoopbackAddress()) {
                throw new AcsServerException("--open (an NBI without authentication) is allowed only on a loopback"
                        + " address, not on " + bind.getHostAddress() + ": give --nbi-token TOKEN instead");
            }
            if (demoDevices > 0 && cpeAuth instanceof CpeAuth.CredentialsFile) {
                throw new AcsServerException("--demo needs --cpe-auth none or --cpe-user/--cpe-password"
                        + " (the simulated CPEs share one credential)");
            }
            if (cpeAuth instanceof CpeAuth.ClientCertificate && tls.isEmpty()) {
                throw new AcsServerException("--cpe-auth client-cert needs HTTPS: give --tls-keystore FILE.p12");
            }
            if (fsTls.isPresent() && fileServerUrl.isPresent() && !"https".equals(fileServerUrl.get().getScheme())) {
                throw new AcsServerException("--fs-tls serves files over HTTPS, but --fs-url is "
                        + fileServerUrl.get() + ": give an https URL");
            }
            if (demoDevices > 0 && cpeAuth instanceof CpeAuth.ClientCertificate) {
                throw new AcsServerException("--demo needs --cpe-auth none or --cpe-user/--cpe-password"
                        + " (the simulated CPEs have no client certificates)");
            }
            return new ServerConfig(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new AcsServerException("not a port: " + port);
            }
            return port;
        }
    }
}
