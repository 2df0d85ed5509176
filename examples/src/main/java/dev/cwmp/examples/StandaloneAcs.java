package dev.cwmp.examples;

import dev.cwmp.session.Acs;
import dev.cwmp.session.AcsListener;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionEnd;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.DigestOptions;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.http.SocketTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The smallest ACS in a plain {@code main()}: the library's {@link Acs} on {@link SocketTransport},
 * in-memory stores, CWMP on 127.0.0.1:7547 unless told otherwise. ({@code bin/acs} runs the full
 * server of {@code cwmp-server}: NBI, file server, embedded store; {@link EmbeddedServer} starts that
 * one from code.) CPE authentication must be chosen: {@code --cpe-user U --cpe-password P} (Basic and
 * Digest accepted) or {@code --cpe-auth none}. Stops cleanly on SIGTERM / Ctrl-C.
 *
 * <pre>
 * java -cp 'examples/target/examples.jar:examples/target/lib/*' dev.cwmp.examples.StandaloneAcs --cpe-auth none
 * </pre>
 */
public final class StandaloneAcs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneAcs.class);

    /** The parsed command line. */
    record Options(InetSocketAddress cwmpAddress, CpeAuthenticator authenticator, String authDescription) {
    }

    private final Acs acs;
    private final SocketTransport cwmp;

    private StandaloneAcs(Options options) {
        this.acs = Acs.builder().authenticator(options.authenticator()).listener(new LoggingListener()).build();
        this.cwmp = SocketTransport.start(acs, options.cwmpAddress());
        LOG.info("ACS listening for CPEs on http://{}:{}/ ({})", options.cwmpAddress().getHostString(), cwmp.port(),
                options.authDescription());
    }

    /** Starts the ACS with these command-line arguments. */
    public static StandaloneAcs start(String... args) {
        return new StandaloneAcs(parse(args));
    }

    /** The ACS being served. */
    public Acs acs() {
        return acs;
    }

    /** The CWMP port (useful with {@code --cwmp-port 0}). */
    public int cwmpPort() {
        return cwmp.port();
    }

    @Override
    public void close() {
        cwmp.close();
        acs.close();
        LOG.info("ACS stopped");
    }

    public static void main(String[] args) throws InterruptedException {
        StandaloneAcs server;
        try {
            server = start(args);
        } catch (IllegalArgumentException e) {
            System.err.println("acs: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "acs-shutdown"));
        stopped.await();
    }

    static final String USAGE = String.join("\n",
            "usage: acs (--cpe-auth none | --cpe-user USER --cpe-password PASSWORD) [--bind ADDRESS] [--cwmp-port PORT]",
            "  --cpe-auth none         accept every CPE without credentials (labs only)",
            "  --cpe-user, --cpe-password  one shared CPE credential; Basic and Digest accepted",
            "  --bind ADDRESS          address to listen on (default 127.0.0.1)",
            "  --cwmp-port PORT        CWMP port (default 7547; 0 picks a free one)");

    static Options parse(String... args) {
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        String bind = "127.0.0.1";
        int port = 7547;
        Optional<String> auth = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        while (!rest.isEmpty()) {
            String flag = rest.poll();
            switch (flag) {
                case "--bind":
                    bind = value(flag, rest);
                    break;
                case "--cwmp-port":
                    port = port(value(flag, rest));
                    break;
                case "--cpe-auth":
                    auth = Optional.of(value(flag, rest));
                    break;
                case "--cpe-user":
                    user = Optional.of(value(flag, rest));
                    break;
                case "--cpe-password":
                    password = Optional.of(value(flag, rest));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot bind to " + bind);
        }
        if (auth.isPresent()) {
            if (!auth.get().equals("none")) {
                throw new IllegalArgumentException("--cpe-auth takes only 'none'; give --cpe-user and --cpe-password");
            }
            if (user.isPresent() || password.isPresent()) {
                throw new IllegalArgumentException("--cpe-auth none goes without --cpe-user/--cpe-password");
            }
            return new Options(address, CpeAuthenticator.none(), "CPE authentication: none");
        }
        if (user.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("choose CPE authentication: --cpe-user and --cpe-password, or --cpe-auth none");
        }
        CpeCredentials credentials = CpeCredentials.single(CpeCredential.of(user.get(), Secret.of(password.get())));
        return new Options(address, CpeAuthenticator.basicOrDigest(credentials, DigestOptions.defaults()),
                "CPE authentication: Basic or Digest, user " + user.get());
    }

    private static String value(String flag, Deque<String> rest) {
        String v = rest.poll();
        if (v == null || v.startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return v;
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + text);
        }
    }

    /** Logs registrations and the end of every session. */
    private static final class LoggingListener implements AcsListener {
        @Override
        public void deviceRegistered(DeviceId deviceId) {
            LOG.info("new device {}", deviceId);
        }

        @Override
        public void sessionEnded(DeviceId deviceId, String sessionId, SessionEnd end, Duration duration, int requests) {
            LOG.info("session of {} ended: {} ({} HTTP requests, {} ms)", deviceId, end, requests, duration.toMillis());
        }

        @Override
        public void requestRefused(Optional<DeviceId> deviceId, String reason) {
            LOG.info("refused{}: {}", deviceId.map(id -> " " + id).orElse(""), reason);
        }
    }
}
