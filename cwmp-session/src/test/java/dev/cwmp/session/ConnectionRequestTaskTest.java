package dev.cwmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.connreq.ConnectionRequestResult;
import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.connreq.HttpConnectionRequesterOptions;
import dev.cwmp.session.http.JdkHttpTransport;
import dev.cwmp.session.testing.WireCpe;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task queued with a connection request: the ACS calls the ConnectionRequestURL the device
 * reported, the device (a CPE on loopback) opens a session, and the caller waits for the outcome.
 */
class ConnectionRequestTaskTest {

    private Acs acs;
    private JdkHttpTransport http;
    private HttpServer cpeListener;
    private final ExecutorService cpeThread = Executors.newSingleThreadExecutor();
    private final AtomicInteger connectionRequests = new AtomicInteger();
    private WireCpe cpe;

    @BeforeEach
    void start() throws Exception {
        acs = Acs.builder().authenticator(CpeAuthenticator.none())
                .connectionRequester(ConnectionRequester.http(HttpConnectionRequesterOptions.defaults())).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        cpeListener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        cpeListener.createContext("/cr", exchange -> {
            connectionRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            cpeThread.submit(this::sessionAnsweringOneGet);
        });
        cpeListener.start();
        cpe = new WireCpe(URI.create("http://127.0.0.1:" + http.port() + "/"), "E48D8C", "RB951Ui-2HnD", "CR1");
    }

    @AfterEach
    void stop() {
        http.close();
        cpeListener.stop(0);
        cpeThread.shutdownNow();
    }

    private void sessionAnsweringOneGet() {
        cpe.forgetCookie();
        cpe.inform("6 CONNECTION REQUEST");
        WireCpe.Reply request = cpe.emptyPost();
        if (request.status() == 200 && request.body() instanceof GetParameterValues) {
            cpe.sendWithId(request.id().orElseThrow(), new GetParameterValuesResponse(List.of(
                    new ParameterValueStruct("Device.DeviceInfo.UpTime", "42", XsdType.UNSIGNED_INT))));
        }
    }

    @Test
    void a_task_with_a_connection_request_runs_now_and_its_outcome_can_be_awaited() throws Exception {
        // The device's first session reports its ConnectionRequestURL (WireCpe's Inform carries one).
        String url = "http://127.0.0.1:" + cpeListener.getAddress().getPort() + "/cr";
        registerWithUrl(url);
        DeviceId id = new DeviceId("E48D8C", "RB951Ui-2HnD", "CR1");

        TaskHandle handle = acs.submit(id, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")),
                TaskOptions.DEFAULT.withConnectionRequest());

        assertThat(handle.connectionRequest()).isPresent();
        assertThat(handle.connectionRequest().get().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ConnectionRequestResult.Accepted.class);
        TaskOutcome outcome = handle.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(TaskOutcome.Done.class);
        assertThat(connectionRequests).hasValue(1);
    }

    @Test
    void without_a_reported_url_the_connection_request_says_why() throws Exception {
        DeviceId unknown = new DeviceId("E48D8C", "RB951Ui-2HnD", "NOPE");
        TaskHandle handle = acs.submit(unknown, new TaskAction.Reboot("x"), TaskOptions.DEFAULT.withConnectionRequest());
        assertThat(handle.connectionRequest().orElseThrow().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ConnectionRequestResult.Unreachable.class);
        assertThat(acs.taskQueue().get(handle.task().id())).isPresent(); // still waits for the device
    }

    private void registerWithUrl(String url) {
        // A first session in which the device reports the URL its listener is on.
        WireCpe first = new WireCpe(URI.create("http://127.0.0.1:" + http.port() + "/"), "E48D8C", "RB951Ui-2HnD",
                "CR1");
        dev.cwmp.protocol.rpc.Inform base = first.informMessage("0 BOOTSTRAP");
        List<ParameterValueStruct> params = new java.util.ArrayList<>();
        for (ParameterValueStruct p : base.parameterList()) {
            params.add(p.name().endsWith("ConnectionRequestURL") ? new ParameterValueStruct(p.name(), url, XsdType.STRING) : p);
        }
        first.send(new dev.cwmp.protocol.rpc.Inform(base.deviceId(), base.event(), base.maxEnvelopes(),
                base.currentTime(), base.retryCount(), params));
        assertThat(first.emptyPost().status()).isEqualTo(204);
    }
}
