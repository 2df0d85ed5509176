package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.DigestOptions;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.connreq.ConnectionRequestResult;
import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.connreq.HttpConnectionRequesterOptions;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Basic and Digest towards the ACS, Digest-protected connection requests, and the 401 quirks. */
class SimulatorAuthenticationTest {

    private static final CpeCredentials CREDENTIALS = CpeCredentials.single(CpeCredential.of("cpe", Secret.of("pw")));
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", "AUTH1");

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
    private Acs acs;
    private JdkHttpTransport http;
    private Simulator simulator;

    private Simulator.Builder simulator() {
        return Simulator.builder(URI.create("http://127.0.0.1:" + port() + "/")).scheduler(scheduler)
                .executor(Runnable::run).listener(sessions::add);
    }

    private int port() {
        return http == null ? 1 : http.port();
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (http != null) {
            http.close();
        }
    }

    private SimulatedDevice startWith(CpeAuthenticator authenticator, java.util.function.UnaryOperator<Simulator.Builder> options) {
        acs = Acs.builder().authenticator(authenticator)
                .connectionRequester(ConnectionRequester.http(HttpConnectionRequesterOptions.defaults())).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        simulator = options.apply(simulator()).build();
        SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), "AUTH1");
        cpe.powerOn();
        scheduler.runDue();
        return cpe;
    }

    @Test
    void answers_a_basic_challenge() {
        startWith(CpeAuthenticator.basic(CREDENTIALS), b -> b.acsCredentials("cpe", "pw"));
        assertThat(sessions.get(0).outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(acs.devices().record(ID)).isPresent();
    }

    @Test
    void answers_a_digest_challenge() {
        startWith(CpeAuthenticator.digest(CREDENTIALS, DigestOptions.defaults()), b -> b.acsCredentials("cpe", "pw"));
        assertThat(sessions.get(0).outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(acs.devices().record(ID)).isPresent();
    }

    @Test
    void wrong_password_fails_as_unauthorized_and_retries_later_with_retry_count() {
        SimulatedDevice cpe = startWith(CpeAuthenticator.digest(CREDENTIALS, DigestOptions.defaults()),
                b -> b.acsCredentials("cpe", "wrong"));
        assertThat(sessions.get(0).outcome()).isEqualTo(SessionRecord.Outcome.UNAUTHORIZED);
        assertThat(cpe.pendingEvents()).extracting(EventStruct::eventCode).contains(EventStruct.BOOTSTRAP);
        scheduler.advance(java.time.Duration.ofSeconds(5));
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(1).inform().orElseThrow().retryCount()).isEqualTo(1);
    }

    @Test
    void preemptive_basic_needs_no_challenge() {
        startWith(CpeAuthenticator.basic(CREDENTIALS),
                b -> b.acsCredentials("cpe", "pw").quirks(Quirks.builder().preemptiveBasic(true).unauthorizedIsFatal(true).build()));
        assertThat(sessions.get(0).outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
    }

    @Test
    void a_device_that_takes_401_as_fatal_fails_against_digest() {
        startWith(CpeAuthenticator.digest(CREDENTIALS, DigestOptions.defaults()),
                b -> b.acsCredentials("cpe", "pw").quirks(Quirks.builder().unauthorizedIsFatal(true).build()));
        assertThat(sessions.get(0).outcome()).isEqualTo(SessionRecord.Outcome.UNAUTHORIZED);
        assertThat(sessions.get(0).detail()).contains("fatal");
    }

    @Test
    void connection_requests_need_digest_credentials_the_acs_has_set() throws Exception {
        SimulatedDevice cpe = startWith(CpeAuthenticator.none(), b -> b.connectionRequestCredentials("cr-user", "cr-pass"));
        String url = cpe.connectionRequestUrl().orElseThrow();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Void> anonymous = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Digest"));

        // The ACS learns the credentials by setting them, then asks for a session.
        TaskHandle set = acs.submit(ID, new TaskAction.SetParameterValues(List.of(
                new ParameterValueStruct("Device.ManagementServer.ConnectionRequestUsername", "cr-user", XsdType.STRING),
                new ParameterValueStruct("Device.ManagementServer.ConnectionRequestPassword", "cr-pass", XsdType.STRING)), ""),
                TaskOptions.DEFAULT);
        cpe.informNow();
        scheduler.runDue();
        assertThat(set.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(TaskOutcome.Done.class);

        TaskHandle get = acs.submit(ID, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")),
                TaskOptions.DEFAULT.withConnectionRequest());
        assertThat(get.connectionRequest().orElseThrow().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ConnectionRequestResult.Accepted.class);
        scheduler.runDue();
        assertThat(get.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(TaskOutcome.Done.class);
        assertThat(sessions.get(sessions.size() - 1).hasEvent(EventStruct.CONNECTION_REQUEST)).isTrue();
    }
}
