package dev.cwmp.server.internal;

import dev.cwmp.server.AcsServerException;
import dev.cwmp.server.ServerConfig;
import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.session.auth.Secret;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code bin/acs}'s flags to a {@link ServerConfig}. */
public final class CommandLine {

    /** The environment variable holding the NBI token when {@code --nbi-token} is not given. */
    public static final String TOKEN_VARIABLE = "ACS_NBI_TOKEN";
    /** The environment variable holding the database password when {@code --db-password-file} is not given. */
    public static final String DB_PASSWORD_VARIABLE = "ACS_DB_PASSWORD";
    /** The environment variable holding the keystore password when {@code --tls-keystore-password-file} is not given. */
    public static final String TLS_PASSWORD_VARIABLE = "ACS_TLS_KEYSTORE_PASSWORD";
    /** The environment variable holding the NBI's own keystore password when its password file is not given. */
    public static final String NBI_TLS_PASSWORD_VARIABLE = "ACS_NBI_TLS_KEYSTORE_PASSWORD";
    /** The environment variable holding the file server's own keystore password when its password file is not given. */
    public static final String FS_TLS_PASSWORD_VARIABLE = "ACS_FS_TLS_KEYSTORE_PASSWORD";

    public static final String USAGE = String.join("\n",
            "usage: bin/acs (--nbi-token TOKEN | --open) (--cpe-auth none | --cpe-user U --cpe-password P | --cpe-credentials FILE"
                    + " | --cpe-auth client-cert ...) [options]",
            "",
            "NBI (GenieACS-compatible REST API, port 7557):",
            "  --nbi-token TOKEN       bearer token NBI clients must send (default: $ACS_NBI_TOKEN)",
            "  --open                  no NBI authentication (allowed on a loopback --bind only)",
            "CPE authentication (one is required):",
            "  --cpe-auth none         accept every CPE without credentials (labs only)",
            "  --cpe-user U --cpe-password P",
            "                          one credential shared by every CPE; Basic and Digest accepted",
            "  --cpe-credentials FILE  per-device credentials: one 'username password [device-id]' per line,",
            "                          '#' starts a comment; a device id binds the username to that device",
            "  --cpe-auth client-cert --tls-truststore FILE.p12 [--tls-truststore-password-file FILE]",
            "                          TLS client certificates issued by a CA of the trust store; a",
            "                          certificate's CN is the device id (OUI-[ProductClass-]Serial); needs TLS",
            "HTTPS for CWMP:",
            "  --tls-keystore FILE.p12 serve CWMP over HTTPS with this PKCS#12 key pair and certificate",
            "                          (name the address CPEs inform in its subject alternative names)",
            "  --tls-keystore-password-file FILE",
            "                          the keystore's password, first line of FILE (default: $ACS_TLS_KEYSTORE_PASSWORD);",
            "                          keystore passwords are never on the command line, never logged",
            "HTTPS for the NBI and the file server (every listener binds --bind, so one certificate naming",
            "that address serves all three; a key pair of its own lets CWMP stay on HTTP):",
            "  --nbi-tls               serve the NBI over HTTPS with the --tls-keystore key pair",
            "  --nbi-tls-keystore FILE.p12 [--nbi-tls-keystore-password-file FILE]",
            "                          or with a key pair of its own (password default: $ACS_NBI_TLS_KEYSTORE_PASSWORD)",
            "  --fs-tls                serve files over HTTPS with the --tls-keystore key pair: the URLs CPEs",
            "                          download from become https://, and CPEs must trust the certificate (issued",
            "                          by a CA they know, or installed on them) or every download fails",
            "  --fs-tls-keystore FILE.p12 [--fs-tls-keystore-password-file FILE]",
            "                          or with a key pair of its own (password default: $ACS_FS_TLS_KEYSTORE_PASSWORD)",
            "                          The zero-touch presets keep the file server URL of the data directory's",
            "                          first start (a warning at start says when it changed): turn --fs-tls on",
            "                          with a new data directory, or change their URLs over the NBI",
            "Database (default: the embedded H2 file under --data-dir, one server):",
            "  --db-url URL            a PostgreSQL database several nodes share (devices, tasks, presets,",
            "                          configuration status, session locks, files, provisions, virtual parameters,",
            "                          objects), e.g. jdbc:postgresql://127.0.0.1:5432/cwmp",
            "  --db-user USER          the database user",
            "  --db-password-file FILE the database password, first line of FILE (default: $ACS_DB_PASSWORD);",
            "                          never on the command line, never logged",
            "  --node-name NAME        this node's name in the session locks (default: acs- and random hex)",
            "Where it listens and keeps its data:",
            "  --bind ADDRESS          address of every listener (default 127.0.0.1)",
            "  --cwmp-port PORT        CWMP, for CPEs (default 7547; 0 picks a free port)",
            "  --nbi-port PORT         NBI (default 7557)",
            "  --fs-port PORT          file server CPEs download from (default 7567)",
            "  --fs-url URL            URL CPEs download files from (default: http://BIND:FS-PORT/, https://",
            "                          with --fs-tls)",
            "  --data-dir DIR          stores, files and load log (default ./acs-data)",
            "  --no-zero-touch         do not load the zero-touch MikroTik presets at the first start",
            "  --max-file-mb N         largest file the NBI accepts, in MiB (default 256)",
            "Demo:",
            "  --demo N                also start N simulated MikroTik CPEs on loopback",
            "  --help                  print this text");

    private CommandLine() {
    }

    /** Whether the arguments ask for the usage text. */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** Parses the flags; the environment is consulted for {@value #TOKEN_VARIABLE} only. */
    public static ServerConfig parse(List<String> args, Map<String, String> environment) {
        Deque<String> rest = new ArrayDeque<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                rest.add(arg.substring(0, eq));
                rest.add(arg.substring(eq + 1));
            } else {
                rest.add(arg);
            }
        }
        Optional<String> bind = Optional.empty();
        Optional<Integer> cwmpPort = Optional.empty();
        Optional<Integer> nbiPort = Optional.empty();
        Optional<Integer> fsPort = Optional.empty();
        Optional<String> dataDir = Optional.empty();
        Optional<String> token = Optional.empty();
        boolean open = false;
        Optional<String> auth = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        Optional<String> credentials = Optional.empty();
        int demo = 0;
        Optional<Long> maxFileMb = Optional.empty();
        Optional<String> fsUrl = Optional.empty();
        boolean zeroTouch = true;
        Optional<String> dbUrl = Optional.empty();
        Optional<String> dbUser = Optional.empty();
        Optional<String> dbPasswordFile = Optional.empty();
        Optional<String> nodeName = Optional.empty();
        Optional<String> keystore = Optional.empty();
        Optional<String> keystorePasswordFile = Optional.empty();
        Optional<String> truststore = Optional.empty();
        Optional<String> truststorePasswordFile = Optional.empty();
        boolean nbiTls = false;
        Optional<String> nbiKeystore = Optional.empty();
        Optional<String> nbiKeystorePasswordFile = Optional.empty();
        boolean fsTls = false;
        Optional<String> fsKeystore = Optional.empty();
        Optional<String> fsKeystorePasswordFile = Optional.empty();
        while (!rest.isEmpty()) {
            String flag = rest.poll();
            switch (flag) {
                case "--bind" -> bind = Optional.of(value(flag, rest));
                case "--cwmp-port" -> cwmpPort = Optional.of(port(flag, value(flag, rest)));
                case "--nbi-port" -> nbiPort = Optional.of(port(flag, value(flag, rest)));
                case "--fs-port" -> fsPort = Optional.of(port(flag, value(flag, rest)));
                case "--fs-url" -> fsUrl = Optional.of(value(flag, rest));
                case "--data-dir" -> dataDir = Optional.of(value(flag, rest));
                case "--nbi-token" -> token = Optional.of(value(flag, rest));
                case "--open" -> open = true;
                case "--no-zero-touch" -> zeroTouch = false;
                case "--cpe-auth" -> auth = Optional.of(value(flag, rest));
                case "--cpe-user" -> user = Optional.of(value(flag, rest));
                case "--cpe-password" -> password = Optional.of(value(flag, rest));
                case "--cpe-credentials" -> credentials = Optional.of(value(flag, rest));
                case "--demo" -> demo = (int) number(flag, value(flag, rest), 10_000);
                case "--max-file-mb" -> maxFileMb = Optional.of(number(flag, value(flag, rest), 1L << 20));
                case "--db-url" -> dbUrl = Optional.of(value(flag, rest));
                case "--db-user" -> dbUser = Optional.of(value(flag, rest));
                case "--db-password-file" -> dbPasswordFile = Optional.of(value(flag, rest));
                case "--node-name" -> nodeName = Optional.of(value(flag, rest));
                case "--tls-keystore" -> keystore = Optional.of(value(flag, rest));
                case "--tls-keystore-password-file" -> keystorePasswordFile = Optional.of(value(flag, rest));
                case "--tls-truststore" -> truststore = Optional.of(value(flag, rest));
                case "--tls-truststore-password-file" -> truststorePasswordFile = Optional.of(value(flag, rest));
                case "--nbi-tls" -> nbiTls = true;
                case "--nbi-tls-keystore" -> nbiKeystore = Optional.of(value(flag, rest));
                case "--nbi-tls-keystore-password-file" -> nbiKeystorePasswordFile = Optional.of(value(flag, rest));
                case "--fs-tls" -> fsTls = true;
                case "--fs-tls-keystore" -> fsKeystore = Optional.of(value(flag, rest));
                case "--fs-tls-keystore-password-file" -> fsKeystorePasswordFile = Optional.of(value(flag, rest));
                case "--db-password", "--tls-keystore-password", "--tls-truststore-password",
                        "--nbi-tls-keystore-password", "--fs-tls-keystore-password" -> {
                    throw new AcsServerException(flag + ": a password never goes on the command line (other users"
                            + " see it in the process list): give " + flag + "-file FILE" + passwordVariable(flag)
                                    .map(v -> " or set " + v).orElse(""));
                }
                default -> throw new AcsServerException("unknown option " + flag + " (see --help)");
            }
        }
        ServerConfig.Builder b = ServerConfig.builder(cpeAuth(auth, user, password, credentials, truststore,
                truststorePasswordFile));
        if (bind.isPresent()) {
            try {
                b.bind(InetAddress.getByName(bind.get()));
            } catch (UnknownHostException e) {
                throw new AcsServerException("--bind: unknown address " + bind.get());
            }
        }
        cwmpPort.ifPresent(b::cwmpPort);
        nbiPort.ifPresent(b::nbiPort);
        fsPort.ifPresent(b::fsPort);
        dataDir.ifPresent(d -> b.dataDir(Path.of(d)));
        if (fsUrl.isPresent()) {
            try {
                b.fileServerUrl(new URI(fsUrl.get()));
            } catch (URISyntaxException e) {
                throw new AcsServerException("--fs-url: not a URL: " + fsUrl.get());
            }
        }
        maxFileMb.ifPresent(mb -> b.maxFileBytes(Math.max(1, mb) << 20));
        Optional<String> fromEnv = Optional.ofNullable(environment.get(TOKEN_VARIABLE)).filter(t -> !t.isEmpty());
        Optional<String> chosenToken = open ? token : token.or(() -> fromEnv);
        chosenToken.ifPresent(t -> b.nbiToken(Secret.of(t)));
        b.open(open);
        b.demoDevices(demo);
        b.zeroTouch(zeroTouch);
        nodeName.ifPresent(b::nodeName);
        if (dbUrl.isPresent()) {
            Secret dbPassword = dbPasswordFile.map(f -> readPassword("--db-password-file", f))
                    .or(() -> Optional.ofNullable(environment.get(DB_PASSWORD_VARIABLE)).map(Secret::of))
                    .orElseGet(() -> Secret.of(""));
            b.store(new ServerConfig.Store.Database(dbUrl.get(), dbUser.orElseThrow(() -> new AcsServerException(
                    "--db-url needs --db-user USER")), dbPassword));
        } else if (dbUser.isPresent() || dbPasswordFile.isPresent()) {
            throw new AcsServerException("--db-user and --db-password-file go with --db-url");
        }
        Optional<ServerConfig.Tls> cwmpTls = keystore("--tls-keystore", keystore, keystorePasswordFile,
                TLS_PASSWORD_VARIABLE, environment);
        cwmpTls.ifPresent(b::tls);
        listenerTls("--nbi-tls", nbiTls, nbiKeystore, nbiKeystorePasswordFile, NBI_TLS_PASSWORD_VARIABLE, cwmpTls,
                environment).ifPresent(b::nbiTls);
        listenerTls("--fs-tls", fsTls, fsKeystore, fsKeystorePasswordFile, FS_TLS_PASSWORD_VARIABLE, cwmpTls,
                environment).ifPresent(b::fsTls);
        return b.build();
    }

    /** The key pair of {@code flag} (e.g. {@code --tls-keystore}), its password from its file or the environment. */
    private static Optional<ServerConfig.Tls> keystore(String flag, Optional<String> file, Optional<String> passwordFile,
            String passwordVariable, Map<String, String> environment) {
        if (file.isEmpty()) {
            if (passwordFile.isPresent()) {
                throw new AcsServerException(flag + "-password-file goes with " + flag);
            }
            return Optional.empty();
        }
        Secret password = passwordFile.map(f -> readPassword(flag + "-password-file", f))
                .or(() -> Optional.ofNullable(environment.get(passwordVariable)).filter(p -> !p.isEmpty())
                        .map(Secret::of))
                .orElseThrow(() -> new AcsServerException(flag + " needs its password: give " + flag
                        + "-password-file FILE or set " + passwordVariable));
        return Optional.of(new ServerConfig.Tls(Path.of(file.get()), password));
    }

    /**
     * HTTPS for the NBI or the file server: a key pair of its own ({@code --nbi-tls-keystore}), or with
     * the switch alone ({@code --nbi-tls}) CWMP's.
     */
    private static Optional<ServerConfig.Tls> listenerTls(String flag, boolean on, Optional<String> file,
            Optional<String> passwordFile, String passwordVariable, Optional<ServerConfig.Tls> cwmpTls,
            Map<String, String> environment) {
        Optional<ServerConfig.Tls> own = keystore(flag + "-keystore", file, passwordFile, passwordVariable, environment);
        if (own.isPresent() || !on) {
            return own;
        }
        return Optional.of(cwmpTls.orElseThrow(() -> new AcsServerException(flag + " uses the key pair of"
                + " --tls-keystore: give --tls-keystore FILE.p12 too (CWMP then serves HTTPS as well), or "
                + flag + "-keystore FILE.p12 for a key pair of its own")));
    }

    private static Optional<String> passwordVariable(String passwordFlag) {
        return switch (passwordFlag) {
            case "--db-password" -> Optional.of(DB_PASSWORD_VARIABLE);
            case "--tls-keystore-password" -> Optional.of(TLS_PASSWORD_VARIABLE);
            case "--nbi-tls-keystore-password" -> Optional.of(NBI_TLS_PASSWORD_VARIABLE);
            case "--fs-tls-keystore-password" -> Optional.of(FS_TLS_PASSWORD_VARIABLE);
            default -> Optional.empty();
        };
    }

    /** The first line of a password file, without its line end. */
    static Secret readPassword(String flag, String file) {
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(Path.of(file),
                java.nio.charset.StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new AcsServerException(flag + ": " + file + " is empty (the password is its first line)");
            }
            return Secret.of(line);
        } catch (java.io.IOException e) {
            throw new AcsServerException(flag + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static CpeAuth cpeAuth(Optional<String> auth, Optional<String> user, Optional<String> password,
            Optional<String> credentials, Optional<String> truststore, Optional<String> truststorePasswordFile) {
        boolean clientCert = auth.isPresent() && auth.get().equals("client-cert");
        if (!clientCert && (truststore.isPresent() || truststorePasswordFile.isPresent())) {
            throw new AcsServerException("--tls-truststore goes with --cpe-auth client-cert");
        }
        int choices = (auth.isPresent() ? 1 : 0) + (user.isPresent() || password.isPresent() ? 1 : 0)
                + (credentials.isPresent() ? 1 : 0);
        if (choices == 0) {
            throw new AcsServerException("choose CPE authentication: --cpe-user U --cpe-password P (Basic and Digest),"
                    + " --cpe-credentials FILE (per device), or --cpe-auth none (labs only)");
        }
        if (choices > 1) {
            throw new AcsServerException("choose one CPE authentication: --cpe-auth none, --cpe-user/--cpe-password"
                    + " or --cpe-credentials");
        }
        if (clientCert) {
            return new CpeAuth.ClientCertificate(Path.of(truststore.orElseThrow(() -> new AcsServerException(
                    "--cpe-auth client-cert needs --tls-truststore FILE.p12 (the CAs that issue CPE certificates)"))),
                    truststorePasswordFile.map(f -> readPassword("--tls-truststore-password-file", f)));
        }
        if (auth.isPresent()) {
            if (!auth.get().equals("none")) {
                throw new AcsServerException("--cpe-auth takes 'none' or 'client-cert'; for credentials give"
                        + " --cpe-user and --cpe-password, or --cpe-credentials FILE");
            }
            return new CpeAuth.None();
        }
        if (credentials.isPresent()) {
            return new CpeAuth.CredentialsFile(Path.of(credentials.get()));
        }
        if (user.isEmpty() || password.isEmpty()) {
            throw new AcsServerException("--cpe-user and --cpe-password go together");
        }
        try {
            return new CpeAuth.Shared(user.get(), Secret.of(password.get()));
        } catch (IllegalArgumentException e) {
            throw new AcsServerException("--cpe-user: " + e.getMessage());
        }
    }

    private static String value(String flag, Deque<String> rest) {
        String v = rest.poll();
        if (v == null || v.startsWith("--")) {
            throw new AcsServerException(flag + " needs a value");
        }
        return v;
    }

    private static int port(String flag, String text) {
        return (int) number(flag, text, 65_535);
    }

    private static long number(String flag, String text, long max) {
        try {
            long n = Long.parseLong(text);
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new AcsServerException(flag + ": expected a number from 0 to " + max + ", not '" + text + "'");
        }
    }
}
