package dev.cwmp.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.connreq.ConnectionRequest;
import dev.cwmp.session.connreq.ConnectionRequestResult;
import dev.cwmp.session.connreq.ConnectionRequester;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConnectionRequester}: every implementation runs it by extending this class
 * and returning, from {@link #newRequester(Duration)}, a requester whose whole request is bounded by
 * the given timeout. The devices are small HTTP servers on 127.0.0.1; nothing else is contacted.
 *
 * <p>What it checks: a device's answer becomes the right {@link ConnectionRequestResult} (200 and
 * 204 accepted, other statuses refused, a refusing challenge an authentication failure, a closed
 * port unreachable, silence a time-out), the stage never completes exceptionally for anything a
 * device does, the request is a GET, and many requests at once all complete.
 */
public abstract class ConnectionRequesterContract {

    /** The timeout the contract asks for; silent devices must time out within twice this. */
    protected static final Duration TIMEOUT = Duration.ofMillis(1500);

    private HttpServer device;
    private final List<String> methods = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final List<Socket> silentConnections = new CopyOnWriteArrayList<>();
    private ServerSocket silent;
    private ConnectionRequester requester;

    /** A requester whose whole request (connect, send, answer) is bounded by {@code timeout}. */
    protected abstract ConnectionRequester newRequester(Duration timeout);

    /** Starts the loopback devices and the requester. */
    @BeforeEach
    public void startDevices() throws IOException {
        device = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        respond("/ok", 200);
        respond("/no-content", 204);
        respond("/busy", 503);
        device.createContext("/always-401", exchange -> {
            methods.add(exchange.getRequestMethod());
            exchange.getResponseHeaders().add("WWW-Authenticate",
                    "Digest realm=\"cpe\", nonce=\"abc123\", qop=\"auth\", algorithm=MD5");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        device.start();
        silent = new ServerSocket(0, 16, java.net.InetAddress.getByName("127.0.0.1"));
        Thread accept = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    silentConnections.add(silent.accept()); // accepted, never answered
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-device");
        accept.setDaemon(true);
        accept.start();
        requester = newRequester(TIMEOUT);
    }

    /** Stops the devices. */
    @AfterEach
    public void stopDevices() throws IOException {
        device.stop(0);
        silent.close();
        for (Socket s : silentConnections) {
            s.close();
        }
    }

    private void respond(String path, int status) {
        device.createContext(path, exchange -> {
            methods.add(exchange.getRequestMethod());
            hits.incrementAndGet();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + device.getAddress().getPort() + path;
    }

    private ConnectionRequestResult request(ConnectionRequest request) throws Exception {
        CompletableFuture<ConnectionRequestResult> stage = requester.request(request).toCompletableFuture();
        return stage.get(TIMEOUT.toMillis() * 2 + 2_000, TimeUnit.MILLISECONDS);
    }

    /** A device answering 200 accepted the request, which was a GET. */
    @Test
    public void a_200_is_accepted_and_the_request_is_a_get() throws Exception {
        assertThat(request(ConnectionRequest.of("dev-1", url("/ok"))))
                .isInstanceOf(ConnectionRequestResult.Accepted.class);
        assertThat(methods).containsExactly("GET");
    }

    /** A 204 is accepted too. */
    @Test
    public void a_204_is_accepted() throws Exception {
        assertThat(request(ConnectionRequest.of("dev-1", url("/no-content"))))
                .isInstanceOf(ConnectionRequestResult.Accepted.class);
    }

    /** Any other status is a refusal that carries it. */
    @Test
    public void a_503_is_refused_with_its_status() throws Exception {
        assertThat(request(ConnectionRequest.of("dev-1", url("/busy"))))
                .isEqualTo(new ConnectionRequestResult.Refused(503));
    }

    /** A device that keeps challenging the credentials is an authentication failure. */
    @Test
    public void a_device_that_keeps_answering_401_is_an_authentication_failure() throws Exception {
        ConnectionRequest withWrongPassword = ConnectionRequest.of("dev-1", url("/always-401"))
                .withCredentials("acs", Secret.of("wrong"));
        assertThat(request(withWrongPassword)).isInstanceOf(ConnectionRequestResult.AuthenticationFailed.class);
    }

    /** A closed port is unreachable, not an exception. */
    @Test
    public void a_closed_port_is_unreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        assertThat(request(ConnectionRequest.of("dev-1", "http://127.0.0.1:" + closedPort + "/cr")))
                .isInstanceOf(ConnectionRequestResult.Unreachable.class);
    }

    /**
     * A device that accepts the connection and never answers times out (the stage must complete
     * within twice the timeout: {@code request} waits no longer).
     */
    @Test
    public void a_silent_device_times_out() throws Exception {
        assertThat(request(ConnectionRequest.of("dev-1", "http://127.0.0.1:" + silent.getLocalPort() + "/cr")))
                .isInstanceOf(ConnectionRequestResult.TimedOut.class);
    }

    /** Many requests at once all complete, each with its own result. */
    @Test
    public void many_requests_at_once_all_complete() throws Exception {
        List<CompletableFuture<ConnectionRequestResult>> stages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stages.add(requester.request(ConnectionRequest.of("dev-" + i, url("/ok"))).toCompletableFuture());
        }
        for (CompletableFuture<ConnectionRequestResult> stage : stages) {
            assertThat(stage.get(30, TimeUnit.SECONDS)).isInstanceOf(ConnectionRequestResult.Accepted.class);
        }
        assertThat(hits).hasValue(50);
    }
}
