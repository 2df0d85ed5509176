package dev.cwmp.nbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.connreq.HttpConnectionRequesterOptions;
import dev.cwmp.session.http.SocketTransport;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real ACS on {@link SocketTransport} over loopback, simulated MikroTik CPEs (with connection-request
 * listeners) and the NBI in front of it, with an HTTP client speaking to the NBI.
 */
final class NbiFixture implements AutoCloseable {

    static final String TOKEN = "s3cret-token";
    static final String SERIAL = "4AC7046131E4";
    static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL);

    final Acs acs;
    final SocketTransport cwmp;
    final Simulator simulator;
    final PresetStore presets = PresetStore.inMemory(List.of());
    final ProvisioningStore provisioning = ProvisioningStore.inMemory();
    final FileStore files = FileStore.inMemory();
    final NbiServer nbi;
    final BlockingQueue<SessionRecord> sessions = new LinkedBlockingQueue<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    NbiFixture(boolean connectionRequests, UnaryOperator<NbiServer.Builder> options) {
        this(connectionRequests, acs -> acs, options);
    }

    /** With {@code acsOptions} applied to the ACS's builder too (e.g. a session driver). */
    NbiFixture(boolean connectionRequests, UnaryOperator<Acs.Builder> acsOptions,
            UnaryOperator<NbiServer.Builder> options) {
        acs = acsOptions.apply(Acs.builder().authenticator(CpeAuthenticator.none())
                .connectionRequester(ConnectionRequester.http(HttpConnectionRequesterOptions.defaults()))).build();
        cwmp = SocketTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        Simulator.Builder sim = Simulator.builder(URI.create("http://127.0.0.1:" + cwmp.port() + "/"))
                .listener(sessions::add).threads(2);
        if (!connectionRequests) {
            sim.noConnectionRequests();
        }
        simulator = sim.build();
        nbi = options.apply(NbiServer.builder().acs(acs).presets(presets).provisioning(provisioning).files(files)
                .fileServerUrl(URI.create("http://127.0.0.1:7567/"))
                .authentication(NbiAuthentication.bearerToken(Secret.of(TOKEN)))
                .bind(new InetSocketAddress("127.0.0.1", 0))).start();
    }

    /** Adds a MikroTik and waits for its first session to end. */
    SimulatedDevice device(String serial) throws InterruptedException {
        SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), serial);
        cpe.powerOn();
        awaitSession();
        return cpe;
    }

    SessionRecord awaitSession() throws InterruptedException {
        SessionRecord record = sessions.poll(20, TimeUnit.SECONDS);
        assertThat(record).as("a session within 20 s").isNotNull();
        return record;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + nbi.port() + pathAndQuery);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The response is the NBI's JSON error with this status, its message containing {@code text}. */
    static void assertError(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).contains(text);
    }

    static String q(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        nbi.close();
        simulator.close();
        cwmp.close();
        acs.close();
    }
}
