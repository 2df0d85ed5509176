package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.Simulator;
import dev.cwmp.testkit.tls.TestKeyPair;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CWMP over HTTPS ({@code --tls-keystore}) and CPEs authenticated by client certificate
 * ({@code --cpe-auth client-cert}), with key pairs the JDK's {@code keytool} makes for the test.
 */
class HttpsCwmpTest {

    private static final String PASSWORD = TestKeyPair.PASSWORD;
    private static final String OUI = "E48D8C";
    private static final String PRODUCT_CLASS = "RB951Ui-2HnD";
    private static final String SERIAL = "7150000001";
    private static final String OTHER_SERIAL = "7150000002";

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    private static TestKeyPair acsKeys;
    private static TestKeyPair cpeKeys;

    /** Makes the ACS's key pair (its certificate names 127.0.0.1) and a CPE's, and the trust stores. */
    @BeforeAll
    static void makeKeyPairs() {
        acsKeys = TestKeyPair.create(keys, "acs", "CN=127.0.0.1", Optional.of("ip:127.0.0.1"));
        String deviceId = new DeviceId(OUI, PRODUCT_CLASS, SERIAL).toString();
        cpeKeys = TestKeyPair.create(keys, "cpe", "CN=" + deviceId.replace(",", "\\,"), Optional.empty());
    }

    private ServerConfig.Builder config(CpeAuth auth) {
        return ServerConfig.builder(auth).nbiToken(Secret.of("t0k3n")).cwmpPort(0).nbiPort(0).fsPort(0)
                .dataDir(dir.resolve("data")).zeroTouch(false)
                .tls(new ServerConfig.Tls(acsKeys.keyStore(), Secret.of(PASSWORD)));
    }

    @Test
    void serves_cwmp_over_https_to_a_cpe_trusting_its_certificate_and_nothing_over_plain_http() throws Exception {
        try (AcsServer server = AcsServer.start(config(new CpeAuth.None()).build())) {
            assertThat(server.cwmpUrl().getScheme()).isEqualTo("https");

            List<SessionRecord> sessions = session(server, acsKeys.trustingContext(), SERIAL);
            assertThat(sessions).singleElement().extracting(SessionRecord::outcome)
                    .isEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(server.acs().devices().record(new DeviceId(OUI, PRODUCT_CLASS, SERIAL))).isPresent();

            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest overHttp = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.cwmpUrl().getPort() + "/"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
            assertThatThrownBy(() -> plain.send(overHttp, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void a_cpe_not_trusting_the_certificate_gets_no_session() throws Exception {
        try (AcsServer server = AcsServer.start(config(new CpeAuth.None()).build())) {
            List<SessionRecord> sessions = session(server, TestKeyPair.trustingNothing(), SERIAL);
            assertThat(sessions).singleElement().extracting(SessionRecord::outcome)
                    .isEqualTo(SessionRecord.Outcome.TRANSPORT_ERROR);
            assertThat(server.acs().devices().record(new DeviceId(OUI, PRODUCT_CLASS, SERIAL))).isEmpty();
        }
    }

    @Test
    void a_client_certificate_authenticates_the_device_its_common_name_names_and_no_other() throws Exception {
        CpeAuth clientCert = new CpeAuth.ClientCertificate(cpeKeys.trustStore(), Optional.of(Secret.of(PASSWORD)));
        try (AcsServer server = AcsServer.start(config(clientCert).build())) {
            SSLContext withCertificate = cpeKeys.mutualContext(acsKeys);

            assertThat(session(server, withCertificate, SERIAL)).singleElement().extracting(SessionRecord::outcome)
                    .isEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(server.acs().devices().record(new DeviceId(OUI, PRODUCT_CLASS, SERIAL))).isPresent();

            // The same certificate informing as another device, and a CPE without a certificate.
            assertThat(session(server, withCertificate, OTHER_SERIAL)).singleElement()
                    .extracting(SessionRecord::outcome).isNotEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(session(server, acsKeys.trustingContext(), OTHER_SERIAL)).singleElement()
                    .extracting(SessionRecord::outcome).isNotEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(server.acs().devices().record(new DeviceId(OUI, PRODUCT_CLASS, OTHER_SERIAL))).isEmpty();
        }
    }

    @Test
    void says_when_the_keystore_password_is_wrong() {
        ServerConfig config = config(new CpeAuth.None())
                .tls(new ServerConfig.Tls(acsKeys.keyStore(), Secret.of("wrong-password"))).build();
        assertThatThrownBy(() -> AcsServer.start(config).close())
                .isInstanceOf(AcsServerException.class)
                .hasMessageContaining("--tls-keystore")
                .hasMessageContaining("acs.p12")
                .hasMessageNotContaining("wrong-password");
        // Nothing was left open: the data directory is free again.
        AcsServer.start(config(new CpeAuth.None()).build()).close();
    }

    /** One boot session of a simulated router with this TLS client context, run on this thread. */
    private static List<SessionRecord> session(AcsServer server, SSLContext tls, String serial) {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-25T12:00:00Z"));
        List<SessionRecord> records = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (Simulator simulator = Simulator.builder(server.cwmpUrl()).scheduler(clock).executor(Runnable::run)
                .noConnectionRequests().httpClient(http).listener(records::add).build()) {
            simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), serial).powerOn();
            clock.runDue();
        }
        return records;
    }
}
