package dev.cwmp.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the generator for a fixed number of sessions over loopback; asserts counts, never timings. */
class LoadGeneratorTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    /** What the session benchmark's ACS asks once per session: two values, then one write. */
    private static final SessionDriver GET_THEN_SET = session -> {
        switch (session.acsRequestCount()) {
            case 0:
                return Optional.<AcsRequest<?>>of(GetParameterValues.of("Device.DeviceInfo.SoftwareVersion",
                        "Device.DeviceInfo.UpTime"));
            case 1:
                return Optional.<AcsRequest<?>>of(SetParameterValues.of("k", new ParameterValueStruct(
                        "Device.ManagementServer.PeriodicInformInterval", "300", XsdType.UNSIGNED_INT)));
            default:
                return Optional.empty();
        }
    };

    private static LoadReport run(int port, Scenario scenario, int cpes, long sessions) {
        return LoadGenerator.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .cpes(cpes).sessions(sessions).scenario(scenario).requestTimeout(Duration.ofSeconds(20))
                .build().run();
    }

    @Test
    void bare_sessions_against_the_canned_server_take_two_requests_each() {
        try (CannedAcsServer server = CannedAcsServer.start(LOOPBACK, Scenario.BARE)) {
            LoadReport r = run(server.port(), Scenario.BARE, 8, 200);
            assertThat(r.errors().values()).allMatch(n -> n == 0);
            assertThat(r.sessions()).isEqualTo(200);
            assertThat(r.httpRequests()).isEqualTo(400);
            assertThat(r.latency().max()).isPositive();
        }
    }

    @Test
    void get_then_set_sessions_against_the_canned_server_take_four_requests_each() {
        try (CannedAcsServer server = CannedAcsServer.start(LOOPBACK, Scenario.GET_THEN_SET)) {
            LoadReport r = run(server.port(), Scenario.GET_THEN_SET, 8, 200);
            assertThat(r.errorCount()).isZero();
            assertThat(r.sessions()).isEqualTo(200);
            assertThat(r.httpRequests()).isEqualTo(800);
        }
    }

    @Test
    void bare_sessions_against_our_acs_register_every_cpe() {
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).build();
        try (JdkHttpTransport http = JdkHttpTransport.start(acs, LOOPBACK)) {
            LoadReport r = run(http.port(), Scenario.BARE, 16, 160);
            assertThat(r.errorCount()).isZero();
            assertThat(r.sessions()).isEqualTo(160);
            assertThat(r.requestsPerSession()).isEqualTo(2.0);
            assertThat(acs.devices().ids()).hasSize(16)
                    .contains(new DeviceId("00C0D0", "LoadCPE-0", "LG00000000"),
                            new DeviceId("00C0DF", "LoadCPE-3", "LG00000015"));
            assertThat(acs.devices().record(new DeviceId("00C0D0", "LoadCPE-0", "LG00000000")).orElseThrow()
                    .recentEvents()).isNotEmpty();
        }
    }

    @Test
    void get_then_set_sessions_against_our_acs_answer_both_requests() {
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(GET_THEN_SET).build();
        try (JdkHttpTransport http = JdkHttpTransport.start(acs, LOOPBACK)) {
            LoadReport r = run(http.port(), Scenario.GET_THEN_SET, 16, 160);
            assertThat(r.errorCount()).isZero();
            assertThat(r.sessions()).isEqualTo(160);
            assertThat(r.httpRequests()).isEqualTo(640);
            DeviceId first = new DeviceId("00C0D0", "LoadCPE-0", "LG00000000");
            assertThat(acs.devices().parameters(first).orElseThrow().value(ParameterPath.parse("Device.DeviceInfo.UpTime")))
                    .contains("86400");
        }
    }

    @Test
    void a_closed_port_counts_connect_errors() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(LOOPBACK);
            port = s.getLocalPort();
        } // closed: nobody listens there now
        LoadReport r = run(port, Scenario.BARE, 2, 4);
        assertThat(r.sessions()).isZero();
        assertThat(r.errors().get(ErrorKind.CONNECT)).isEqualTo(4);
    }

    @Test
    void the_cpes_follow_the_acs_so_a_bare_acs_gives_two_request_sessions_whatever_the_scenario_says() {
        // The bare server ends the session after the empty POST: an ACS that sent requests would not.
        try (CannedAcsServer server = CannedAcsServer.start(LOOPBACK, Scenario.BARE)) {
            LoadReport r = run(server.port(), Scenario.GET_THEN_SET, 1, 3);
            assertThat(r.requestsPerSession()).isEqualTo(2.0);
        }
    }

    @Test
    void only_plain_http_targets_are_accepted() {
        assertThatThrownBy(() -> LoadGenerator.builder(URI.create("https://127.0.0.1/")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadGenerator.builder(URI.create("http://127.0.0.1/")).cpes(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
