package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NBI and the file server over HTTPS ({@code --nbi-tls}, {@code --fs-tls}, {@code --fs-tls-keystore}),
 * configured from {@code bin/acs}'s flags, with key pairs the JDK's {@code keytool} makes for the test.
 */
class HttpsNbiAndFilesTest {

    private static final String PASSWORD = "changeit";
    private static final String TOKEN = "t0k3n";
    private static final String SERIAL = "4AC7046131E4";
    private static final String FIRMWARE = "1 Firmware Upgrade Image";
    private static final String CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz";

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    /** The ACS's key pair and the file server's own (both naming 127.0.0.1), their certificates, a password file. */
    @BeforeAll
    static void makeKeyPairs() throws Exception {
        for (String name : List.of("acs", "fs")) {
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keystore", name + ".p12");
            keytool("-exportcert", "-alias", name, "-keystore", name + ".p12", "-file", name + ".crt");
            keytool("-importcert", "-noprompt", "-alias", name, "-file", name + ".crt", "-keystore",
                    name + "-trust.p12");
        }
        Files.writeString(keys.resolve("password"), PASSWORD + "\n");
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

    private AcsServer start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--nbi-token", TOKEN, "--cpe-auth", "none", "--cwmp-port", "0",
                "--nbi-port", "0", "--fs-port", "0", "--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(flags));
        return AcsServer.start(ServerConfig.fromArgs(args, Map.of()));
    }

    @Test
    void the_nbi_and_the_files_are_served_over_https_with_the_cwmp_key_pair() throws Exception {
        try (AcsServer server = start("--no-zero-touch", "--tls-keystore", keys.resolve("acs.p12").toString(),
                "--tls-keystore-password-file", keys.resolve("password").toString(), "--nbi-tls", "--fs-tls")) {
            assertThat(List.of(server.cwmpUrl(), server.nbiUrl(), server.fileServerUrl()))
                    .extracting(URI::getScheme).containsOnly("https");
            byte[] bytes = CONTENT.getBytes(StandardCharsets.US_ASCII);
            server.files().put("routeros-mipsbe-6.49.7.npk", FileInfo.ofType(FIRMWARE), new ByteArrayInputStream(bytes),
                    bytes.length);
            HttpClient trusting = client(trusting("acs-trust.p12"));

            HttpResponse<String> devices = trusting.send(HttpRequest.newBuilder(server.nbiUrl().resolve("devices/"))
                    .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(devices.statusCode()).as(devices.body()).isEqualTo(200);
            assertThat(devices.body()).isEqualTo("[]");

            URI file = server.fileServerUrl().resolve("routeros-mipsbe-6.49.7.npk");
            HttpResponse<String> range = trusting.send(HttpRequest.newBuilder(file).header("Range", "bytes=10-15")
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo("abcdef");

            // An upload through the NBI, over HTTPS too.
            HttpResponse<String> upload = trusting.send(HttpRequest.newBuilder(server.nbiUrl().resolve("files/notes.txt"))
                    .header("Authorization", "Bearer " + TOKEN).header("fileType", "3 Vendor Configuration File")
                    .timeout(Duration.ofSeconds(20)).PUT(HttpRequest.BodyPublishers.ofString("hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isBetween(200, 201);
            assertThat(server.files().metadata("notes.txt")).isPresent();

            for (URI listener : List.of(server.nbiUrl().resolve("devices/"), file)) {
                HttpClient untrusting = client(trusting(null));
                assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(listener)
                        .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                        .as("an untrusting client of %s", listener).isInstanceOf(SSLHandshakeException.class);

                URI overHttp = URI.create("http://127.0.0.1:" + listener.getPort() + listener.getPath());
                HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(overHttp)
                        .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                        .as("plain HTTP to %s", listener)
                        .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
            }
        }
    }

    @Test
    void a_router_upgrades_from_a_file_server_with_a_key_pair_of_its_own_while_cwmp_stays_on_http()
            throws Exception {
        try (AcsServer server = start("--fs-tls-keystore", keys.resolve("fs.p12").toString(),
                "--fs-tls-keystore-password-file", keys.resolve("password").toString())) {
            assertThat(server.cwmpUrl().getScheme()).isEqualTo("http");
            assertThat(server.nbiUrl().getScheme()).isEqualTo("http");
            assertThat(server.fileServerUrl().getScheme()).isEqualTo("https");
            // The zero-touch presets (loaded at this first start) name the https file server; the
            // firmware the upgrade preset downloads, as an operator would upload it.
            List<URI> packages = new ArrayList<>();
            for (String npk : ZeroTouch.routerOsPackages(ZeroTouch.TARGET_VERSION, "mipsbe")) {
                put(server, npk, "fake package " + npk);
                packages.add(server.fileServerUrl().resolve(npk));
            }
            put(server, ZeroTouch.UPGRADE_LIST, ZeroTouch.routerOsPackageList(packages));

            ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
            HttpClient cpeHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(trusting("fs-trust.p12")).connectTimeout(Duration.ofSeconds(10)).build();
            try (Simulator simulator = Simulator.builder(server.cwmpUrl()).scheduler(clock).executor(Runnable::run)
                    .noConnectionRequests().periodicInform(Duration.ofMinutes(5)).httpClient(cpeHttp).build()) {
                SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
                assertThat(cpe.softwareVersion()).isNotEqualTo(ZeroTouch.TARGET_VERSION);
                cpe.powerOn();

                for (int step = 0; step < 80 && cpe.lastScript().isEmpty(); step++) {
                    if (clock.runDue() == 0) {
                        Instant next = clock.nextDue().orElseThrow(() -> new AssertionError("nothing left to run"));
                        clock.advance(Duration.between(clock.instant(), next));
                    }
                }
                assertThat(cpe.softwareVersion()).as("upgraded from https").isEqualTo(ZeroTouch.TARGET_VERSION);
                assertThat(cpe.lastScript()).as("the bridge script downloaded over https")
                        .hasValue(ZeroTouch.AP_BRIDGE_SCRIPT);
            }
        }
    }

    private static void put(AcsServer server, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        server.files().put(name, new FileInfo(FIRMWARE, "E48D8C", "RB951Ui-2HnD", ZeroTouch.TARGET_VERSION),
                new ByteArrayInputStream(bytes), bytes.length);
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client context trusting the certificates of this trust store (none when {@code null}). */
    private static SSLContext trusting(String trustStore) throws GeneralSecurityException, IOException {
        KeyStore certificates = KeyStore.getInstance("PKCS12");
        if (trustStore == null) {
            certificates.load(null, null);
        } else {
            try (InputStream in = Files.newInputStream(keys.resolve(trustStore))) {
                certificates.load(in, PASSWORD.toCharArray());
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(certificates);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
