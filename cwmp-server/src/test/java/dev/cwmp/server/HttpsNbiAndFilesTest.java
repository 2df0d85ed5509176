package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import dev.cwmp.testkit.tls.TestKeyPair;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NBI and the file server over HTTPS ({@code --nbi-tls}, {@code --fs-tls}, {@code --fs-tls-keystore}),
 * configured from {@code bin/acs}'s flags, with key pairs the JDK's {@code keytool} makes for the test.
 */
class HttpsNbiAndFilesTest {

    private static final String PASSWORD = TestKeyPair.PASSWORD;
    private static final String TOKEN = "t0k3n";
    private static final String SERIAL = "4AC7046131E4";
    private static final String FIRMWARE = "1 Firmware Upgrade Image";
    private static final String CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz";

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    private static TestKeyPair acsKeys;
    private static TestKeyPair fsKeys;

    /** The ACS's key pair and the file server's own (both naming 127.0.0.1), their certificates, a password file. */
    @BeforeAll
    static void makeKeyPairs() throws Exception {
        acsKeys = TestKeyPair.create(keys, "acs", "CN=127.0.0.1", Optional.of("ip:127.0.0.1"));
        fsKeys = TestKeyPair.create(keys, "fs", "CN=127.0.0.1", Optional.of("ip:127.0.0.1"));
        Files.writeString(keys.resolve("password"), PASSWORD + "\n");
    }

    private AcsServer start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--nbi-token", TOKEN, "--cpe-auth", "none", "--cwmp-port", "0",
                "--nbi-port", "0", "--fs-port", "0", "--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(flags));
        return AcsServer.start(ServerConfig.fromArgs(args, Map.of()));
    }

    @Test
    void the_nbi_and_the_files_are_served_over_https_with_the_cwmp_key_pair() throws Exception {
        try (AcsServer server = start("--no-zero-touch", "--tls-keystore", acsKeys.keyStore().toString(),
                "--tls-keystore-password-file", keys.resolve("password").toString(), "--nbi-tls", "--fs-tls")) {
            assertThat(List.of(server.cwmpUrl(), server.nbiUrl(), server.fileServerUrl()))
                    .extracting(URI::getScheme).containsOnly("https");
            byte[] bytes = CONTENT.getBytes(StandardCharsets.US_ASCII);
            server.files().put("routeros-mipsbe-6.49.7.npk", FileInfo.ofType(FIRMWARE), new ByteArrayInputStream(bytes),
                    bytes.length);
            HttpClient trusting = client(acsKeys.trustingContext());

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
                HttpClient untrusting = client(TestKeyPair.trustingNothing());
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
        try (AcsServer server = start("--fs-tls-keystore", fsKeys.keyStore().toString(),
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
                    .sslContext(fsKeys.trustingContext()).connectTimeout(Duration.ofSeconds(10)).build();
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
}
