package dev.cwmp.session.connreq;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.testing.CapturedLogs;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpConnectionRequesterTest {

    private static final String USER = "cr-user";
    private static final String PASSWORD = "cr-pass-7f3a";

    private WireMockServer device;

    @AfterEach
    void stop_device() {
        if (device != null) {
            device.stop();
        }
    }

    private WireMockServer startDevice(DigestVerifyingDevice verifier) {
        device = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(verifier));
        device.start();
        return device;
    }

    private WireMockServer startDevice() {
        return startDevice(DigestVerifyingDevice.offering(USER, PASSWORD, "MD5"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + device.port() + path;
    }

    private static ConnectionRequestResult await(CompletionStage<ConnectionRequestResult> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static ConnectionRequester requester() {
        return ConnectionRequester.http(HttpConnectionRequesterOptions.defaults());
    }

    @Test
    void answers_a_sha256_digest_challenge_that_the_device_verifies() throws Exception {
        DigestVerifyingDevice verifier = DigestVerifyingDevice.offering(USER, PASSWORD, "MD5", "SHA-256");
        startDevice(verifier).stubFor(get("/cr?x=1").willReturn(aResponse().withStatus(200)
                .withTransformers(DigestVerifyingDevice.NAME)));

        ConnectionRequestResult result = await(requester().request(
                ConnectionRequest.of("dev-1", url("/cr?x=1")).withCredentials(USER, Secret.of(PASSWORD))));

        assertThat(result).isEqualTo(new ConnectionRequestResult.Accepted(200));
        assertThat(verifier.verdicts).containsExactly(true);
        assertThat(device.findAll(getRequestedFor(urlEqualTo("/cr?x=1"))).get(1).getHeader("Authorization"))
                .contains("algorithm=SHA-256").contains("uri=\"/cr?x=1\"");
    }

    @Test
    void answers_an_md5_challenge_without_an_algorithm_parameter() throws Exception {
        DigestVerifyingDevice verifier = DigestVerifyingDevice.offering(USER, PASSWORD, "");
        startDevice(verifier).stubFor(get("/").willReturn(aResponse().withStatus(204)
                .withTransformers(DigestVerifyingDevice.NAME)));

        ConnectionRequestResult result = await(requester().request(
                ConnectionRequest.of("dev-1", url("/")).withCredentials(USER, Secret.of(PASSWORD))));

        assertThat(result).isEqualTo(new ConnectionRequestResult.Accepted(204));
        assertThat(verifier.verdicts).containsExactly(true);
    }

    @Test
    void reports_authentication_failure_when_the_device_refuses_the_password() throws Exception {
        DigestVerifyingDevice verifier = DigestVerifyingDevice.offering(USER, PASSWORD, "MD5");
        startDevice(verifier).stubFor(get("/cr").willReturn(aResponse().withStatus(200)
                .withTransformers(DigestVerifyingDevice.NAME)));

        ConnectionRequestResult result = await(requester().request(
                ConnectionRequest.of("dev-1", url("/cr")).withCredentials(USER, Secret.of("wrong"))));

        assertThat(result).isInstanceOf(ConnectionRequestResult.AuthenticationFailed.class);
        assertThat(verifier.verdicts).containsExactly(false);
    }

    @Test
    void reports_authentication_failure_without_credentials_for_a_protected_device() throws Exception {
        startDevice().stubFor(get("/cr").willReturn(aResponse().withStatus(200)
                .withTransformers(DigestVerifyingDevice.NAME)));

        ConnectionRequestResult result = await(requester().request(ConnectionRequest.of("dev-1", url("/cr"))));

        assertThat(result).isInstanceOf(ConnectionRequestResult.AuthenticationFailed.class);
    }

    @Test
    void a_device_that_accepts_unauthenticated_requests_gets_one_plain_get() throws Exception {
        startDevice().stubFor(get("/cr").willReturn(aResponse().withStatus(200)));

        ConnectionRequestResult result = await(requester().request(
                ConnectionRequest.of("dev-1", url("/cr")).withCredentials(USER, Secret.of(PASSWORD))));

        assertThat(result).isEqualTo(new ConnectionRequestResult.Accepted(200));
        assertThat(device.findAll(getRequestedFor(urlEqualTo("/cr")))).singleElement()
                .satisfies(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    }

    @Test
    void a_device_that_refuses_is_reported_with_its_status() throws Exception {
        startDevice().stubFor(get("/cr").willReturn(aResponse().withStatus(503)));

        assertThat(await(requester().request(ConnectionRequest.of("dev-1", url("/cr")))))
                .isEqualTo(new ConnectionRequestResult.Refused(503));
    }

    @Test
    void does_not_follow_redirects() throws Exception {
        startDevice().stubFor(get("/cr").willReturn(aResponse().withStatus(302).withHeader("Location", url("/elsewhere"))));
        device.stubFor(get("/elsewhere").willReturn(aResponse().withStatus(200)));

        assertThat(await(requester().request(ConnectionRequest.of("dev-1", url("/cr")))))
                .isEqualTo(new ConnectionRequestResult.Refused(302));
        assertThat(device.findAll(getRequestedFor(urlEqualTo("/elsewhere")))).isEmpty();
    }

    @Test
    void answers_basic_only_when_allowed() throws Exception {
        startDevice().stubFor(get("/cr").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"IGD\"")));
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        device.stubFor(get("/cr").withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(basic))
                .willReturn(aResponse().withStatus(200)));
        ConnectionRequest request = ConnectionRequest.of("dev-1", url("/cr")).withCredentials(USER, Secret.of(PASSWORD));

        ConnectionRequestResult withoutOption = await(requester().request(request));
        ConnectionRequestResult withOption = await(ConnectionRequester.http(
                HttpConnectionRequesterOptions.builder().basicAllowed(true).build()).request(request));

        assertThat(withoutOption).isInstanceOfSatisfying(ConnectionRequestResult.AuthenticationFailed.class,
                failed -> assertThat(failed.reason()).contains("Basic is not allowed"));
        assertThat(withOption).isEqualTo(new ConnectionRequestResult.Accepted(200));
    }

    @Test
    void times_out_on_a_device_that_never_answers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConnectionRequester requester = ConnectionRequester.http(HttpConnectionRequesterOptions.builder()
                    .timeout(Duration.ofMillis(300)).build());

            ConnectionRequestResult result = await(requester.request(
                    ConnectionRequest.of("dev-1", "http://127.0.0.1:" + silent.getLocalPort() + "/cr")));

            assertThat(result).isEqualTo(new ConnectionRequestResult.TimedOut());
        }
    }

    @Test
    void times_out_on_a_device_that_sends_headers_and_then_stalls_the_body() throws Exception {
        startDevice().stubFor(get("/cr").willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(20)).withChunkedDribbleDelay(20, 10_000)));
        ConnectionRequester requester = ConnectionRequester.http(HttpConnectionRequesterOptions.builder()
                .timeout(Duration.ofMillis(500)).build());

        assertThat(await(requester.request(ConnectionRequest.of("dev-1", url("/cr")))))
                .isEqualTo(new ConnectionRequestResult.TimedOut());
    }

    @Test
    void a_closed_port_is_unreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ConnectionRequestResult result = await(requester().request(
                ConnectionRequest.of("dev-1", "http://127.0.0.1:" + port + "/cr")));

        assertThat(result).isInstanceOf(ConnectionRequestResult.Unreachable.class);
    }

    @Test
    void bounds_requests_in_flight_and_waiting() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConnectionRequester requester = ConnectionRequester.http(HttpConnectionRequesterOptions.builder()
                    .timeout(Duration.ofMillis(1500)).maxConcurrentRequests(1).maxQueuedRequests(1).build());
            ConnectionRequest request = ConnectionRequest.of("dev-1", "http://127.0.0.1:" + silent.getLocalPort() + "/");

            CompletableFuture<ConnectionRequestResult> inFlight = requester.request(request).toCompletableFuture();
            CompletableFuture<ConnectionRequestResult> waiting = requester.request(request).toCompletableFuture();
            CompletableFuture<ConnectionRequestResult> refused = requester.request(request).toCompletableFuture();

            assertThatThrownBy(() -> refused.get(1, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RejectedExecutionException.class);
            assertThat(waiting).isNotDone();
            assertThat(inFlight.get(30, TimeUnit.SECONDS)).isEqualTo(new ConnectionRequestResult.TimedOut());
            assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(new ConnectionRequestResult.TimedOut());
        }
    }

    @Test
    void never_logs_the_connection_request_password() throws Exception {
        startDevice().stubFor(get("/cr").willReturn(aResponse().withStatus(200)
                .withTransformers(DigestVerifyingDevice.NAME)));
        ConnectionRequest request = ConnectionRequest.of("dev-1", url("/cr")).withCredentials(USER, Secret.of("wrong-" + PASSWORD));

        StringBuilder results = new StringBuilder();
        String logs = CapturedLogs.during(() -> {
            try {
                results.append(await(requester().request(request)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        assertThat(logs).contains("dev-1").doesNotContain(PASSWORD);
        assertThat(results.toString()).isNotEmpty().doesNotContain(PASSWORD);
        assertThat(request.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void validates_the_connection_request_url() {
        assertThatThrownBy(() -> ConnectionRequest.of("dev-1", "ftp://127.0.0.1/cr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionRequest.of("dev-1", "/relative"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionRequest.of("dev-1", "http://user:pw@127.0.0.1/cr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
        assertThatThrownBy(() -> ConnectionRequest.of("dev-1", "http://127.0.0.1 /cr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConnectionRequest.of("dev-1", "HTTPS://127.0.0.1:7547/").url().getPort()).isEqualTo(7547);
    }
}
