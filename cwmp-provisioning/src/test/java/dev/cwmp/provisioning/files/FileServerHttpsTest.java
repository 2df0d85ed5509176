package dev.cwmp.provisioning.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.testkit.tls.TestKeyPair;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file server over HTTPS ({@link FileServer.Builder#tls}), with a key pair {@code keytool} makes. */
class FileServerHttpsTest {

    private static final String NAME = "routeros-mipsbe-6.49.7.npk";
    private static final String CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz";

    @TempDir
    static Path keys;

    private static TestKeyPair fsKeys;
    private static FileServer server;

    @BeforeAll
    static void start() throws Exception {
        fsKeys = TestKeyPair.create(keys, "fs", "CN=127.0.0.1", Optional.of("ip:127.0.0.1"));
        FileStore store = FileStore.inMemory(InstantSource.fixed(Instant.parse("2026-11-25T12:00:00Z")));
        store.put(NAME, FileInfo.ofType("1 Firmware Upgrade Image"),
                new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.US_ASCII)), 1 << 20);
        server = FileServer.builder(store).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .tls(fsKeys.serverContext()).threads(2).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void names_https_urls() {
        assertThat(server.secure()).isTrue();
        assertThat(server.baseUrl()).isEqualTo(URI.create("https://127.0.0.1:" + server.port() + "/"));
        assertThat(server.urlOf(NAME).getScheme()).isEqualTo("https");
    }

    @Test
    void a_client_trusting_the_certificate_downloads_a_range() throws Exception {
        HttpResponse<String> response = client(fsKeys.trustingContext()).send(
                request(server.urlOf(NAME)).header("Range", "bytes=10-15").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo("abcdef");
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 10-15/" + CONTENT.length());
    }

    @Test
    void a_client_not_trusting_the_certificate_fails_the_handshake() throws Exception {
        HttpClient untrusting = client(TestKeyPair.trustingNothing());

        assertThatThrownBy(() -> untrusting.send(request(server.urlOf(NAME)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plain_http_to_the_https_port_gets_no_file() {
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI overHttp = URI.create("http://127.0.0.1:" + server.port() + "/" + NAME);

        // Refused at once (the server reads no TLS record), not left to time out.
        assertThatThrownBy(() -> plain.send(request(overHttp).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    }

    private static HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).GET();
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }
}
