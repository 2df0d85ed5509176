package dev.cwmp.nbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NBI over HTTPS ({@link NbiServer.Builder#tls}), with a key pair the JDK's {@code keytool} makes. */
class NbiHttpsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;

    private static NbiFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "nbi", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keystore", "nbi.p12");
        keytool("-exportcert", "-alias", "nbi", "-keystore", "nbi.p12", "-file", "nbi.crt");
        keytool("-importcert", "-noprompt", "-alias", "nbi", "-file", "nbi.crt", "-keystore", "trust.p12");
        fixture = new NbiFixture(false, b -> b.tls(serverContext()));
        fixture.device(NbiFixture.SERIAL);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void a_client_trusting_the_certificate_lists_the_devices_with_the_token() throws Exception {
        assertThat(fixture.nbi.secure()).isTrue();
        HttpResponse<String> response = client(trusting(load("trust.p12"))).send(devices().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(NbiFixture.json(response).findValuesAsText("_id")).containsExactly(NbiFixture.ID.toString());
    }

    @Test
    void the_token_is_still_required_over_https() throws Exception {
        HttpRequest withoutToken = HttpRequest.newBuilder(httpsUrl("/devices/")).timeout(Duration.ofSeconds(20))
                .GET().build();
        HttpResponse<String> response = client(trusting(load("trust.p12"))).send(withoutToken,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_client_not_trusting_the_certificate_fails_the_handshake() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        HttpClient untrusting = client(trusting(empty));

        assertThatThrownBy(() -> untrusting.send(devices().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plain_http_to_the_https_port_gets_no_answer() {
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest overHttp = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.nbi.port() + "/devices/"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + NbiFixture.TOKEN).GET().build();

        // Refused at once (the server reads no TLS record), not left to time out.
        assertThatThrownBy(() -> plain.send(overHttp, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    }

    private static HttpRequest.Builder devices() {
        return HttpRequest.newBuilder(httpsUrl("/devices/?projection=_id")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + NbiFixture.TOKEN).GET();
    }

    private static URI httpsUrl(String pathAndQuery) {
        return URI.create("https://127.0.0.1:" + fixture.nbi.port() + pathAndQuery);
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load("nbi.p12"), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(KeyStore certificates) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(certificates);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(String file) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(keys.resolve(file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        }
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
}
