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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CWMP over HTTPS ({@code --tls-keystore}) and CPEs authenticated by client certificate
 * ({@code --cpe-auth client-cert}), with key pairs the JDK's {@code keytool} makes for the test.
 */
class HttpsCwmpTest {

    private static final String PASSWORD = "changeit";
    private static final String OUI = "E48D8C";
    private static final String PRODUCT_CLASS = "RB951Ui-2HnD";
    private static final String SERIAL = "7150000001";
    private static final String OTHER_SERIAL = "7150000002";

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    /** Makes the ACS's key pair (its certificate names 127.0.0.1) and a CPE's, and the trust stores. */
    @BeforeAll
    static void makeKeyPairs() throws Exception {
        keytool("-genkeypair", "-alias", "acs", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keystore", "acs.p12");
        keytool("-exportcert", "-alias", "acs", "-keystore", "acs.p12", "-file", "acs.crt");
        keytool("-importcert", "-noprompt", "-alias", "acs", "-file", "acs.crt", "-keystore", "cpe-trust.p12");
        String deviceId = new DeviceId(OUI, PRODUCT_CLASS, SERIAL).toString();
        keytool("-genkeypair", "-alias", "cpe", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + deviceId.replace(",", "\\,"), "-keystore", "cpe.p12");
        keytool("-exportcert", "-alias", "cpe", "-keystore", "cpe.p12", "-file", "cpe.crt");
        keytool("-importcert", "-noprompt", "-alias", "cpe", "-file", "cpe.crt", "-keystore", "acs-trust.p12");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process p = new ProcessBuilder(command).directory(keys.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool ended").isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    private ServerConfig.Builder config(CpeAuth auth) {
        return ServerConfig.builder(auth).nbiToken(Secret.of("t0k3n")).cwmpPort(0).nbiPort(0).fsPort(0)
                .dataDir(dir.resolve("data")).zeroTouch(false)
                .tls(new ServerConfig.Tls(keys.resolve("acs.p12"), Secret.of(PASSWORD)));
    }

    @Test
    void serves_cwmp_over_https_to_a_cpe_trusting_its_certificate_and_nothing_over_plain_http() throws Exception {
        try (AcsServer server = AcsServer.start(config(new CpeAuth.None()).build())) {
            assertThat(server.cwmpUrl().getScheme()).isEqualTo("https");

            List<SessionRecord> sessions = session(server, client(Optional.empty()), SERIAL);
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
            SSLContext trustingNothing = SSLContext.getInstance("TLS");
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(empty);
            trustingNothing.init(null, tmf.getTrustManagers(), null);

            List<SessionRecord> sessions = session(server, trustingNothing, SERIAL);
            assertThat(sessions).singleElement().extracting(SessionRecord::outcome)
                    .isEqualTo(SessionRecord.Outcome.TRANSPORT_ERROR);
            assertThat(server.acs().devices().record(new DeviceId(OUI, PRODUCT_CLASS, SERIAL))).isEmpty();
        }
    }

    @Test
    void a_client_certificate_authenticates_the_device_its_common_name_names_and_no_other() throws Exception {
        CpeAuth clientCert = new CpeAuth.ClientCertificate(keys.resolve("acs-trust.p12"), Optional.of(Secret.of(PASSWORD)));
        try (AcsServer server = AcsServer.start(config(clientCert).build())) {
            SSLContext withCertificate = client(Optional.of(keys.resolve("cpe.p12")));

            assertThat(session(server, withCertificate, SERIAL)).singleElement().extracting(SessionRecord::outcome)
                    .isEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(server.acs().devices().record(new DeviceId(OUI, PRODUCT_CLASS, SERIAL))).isPresent();

            // The same certificate informing as another device, and a CPE without a certificate.
            assertThat(session(server, withCertificate, OTHER_SERIAL)).singleElement()
                    .extracting(SessionRecord::outcome).isNotEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(session(server, client(Optional.empty()), OTHER_SERIAL)).singleElement()
                    .extracting(SessionRecord::outcome).isNotEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(server.acs().devices().record(new DeviceId(OUI, PRODUCT_CLASS, OTHER_SERIAL))).isEmpty();
        }
    }

    @Test
    void says_when_the_keystore_password_is_wrong() {
        ServerConfig config = config(new CpeAuth.None())
                .tls(new ServerConfig.Tls(keys.resolve("acs.p12"), Secret.of("wrong-password"))).build();
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

    /** A CPE's TLS context trusting the ACS's certificate, with the key pair of {@code keystore} if any. */
    private static SSLContext client(Optional<Path> keystore) throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(keys.resolve("cpe-trust.p12")));
        KeyManagerFactory kmf = null;
        if (keystore.isPresent()) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keystore.get()), PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        }
    }
}
