package dev.cwmp.testkit.internal.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One HTTP listener for every simulated device's connection requests: {@code GET /<serial>}, Digest
 * protected with the device's ConnectionRequestUsername and ConnectionRequestPassword (MD5 and
 * SHA-256 challenges), unauthenticated when the device has no credentials or accepts any request.
 */
public final class ConnectionRequestServer implements AutoCloseable {

    private static final String REALM = "cwmp-sim";

    private final HttpServer server;
    private final ExecutorService threads;
    private final SimEngine engine;
    private final Map<String, DeviceState> devices = new ConcurrentHashMap<>();

    public ConnectionRequestServer(InetSocketAddress address, SimEngine engine) {
        this.engine = engine;
        try {
            this.server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        this.threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "cwmp-sim-connreq");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    /** The URL a device's connection requests go to. */
    public String urlOf(String serialNumber) {
        return "http://" + host() + ":" + port() + "/" + java.net.URLEncoder.encode(serialNumber,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public void register(DeviceState device) {
        devices.put(java.net.URLEncoder.encode(device.serialNumber(), java.nio.charset.StandardCharsets.UTF_8), device);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readNBytes(4096);
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String key = exchange.getRequestURI().getRawPath().substring(1);
            DeviceState d = devices.get(key);
            if (d == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String username;
            String password;
            synchronized (d) {
                username = d.managementServer("ConnectionRequestUsername");
                password = d.managementServer("ConnectionRequestPassword");
            }
            boolean open = engine.quirks().unauthenticatedConnectionRequests()
                    || (username.isEmpty() && password.isEmpty());
            if (!open) {
                String nonce = d.connectionRequestNonce;
                Optional<HttpAuth.Header> auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                        .flatMap(HttpAuth::parse);
                if (nonce == null || auth.isEmpty()
                        || !HttpAuth.verifyDigest(auth.get(), "GET", username, password, REALM, nonce)) {
                    String fresh = HttpAuth.newNonce();
                    d.connectionRequestNonce = fresh;
                    exchange.getResponseHeaders().add("WWW-Authenticate", HttpAuth.challenge(REALM, fresh, "SHA-256"));
                    exchange.getResponseHeaders().add("WWW-Authenticate", HttpAuth.challenge(REALM, fresh, "MD5"));
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                d.connectionRequestNonce = null; // one request per nonce
            }
            // The session is queued before the ACS hears "accepted": whoever saw the 200 can rely on
            // the session being due (a test stepping a manual scheduler right after, for one).
            engine.connectionRequest(d);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
