package dev.cwmp.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestKeyPairTest {

    @TempDir
    Path dir;

    @Test
    void a_client_trusting_the_pair_reaches_a_server_presenting_it_and_another_does_not() throws Exception {
        TestKeyPair server = TestKeyPair.create(dir, "server", "CN=127.0.0.1", Optional.of("ip:127.0.0.1"));
        TestKeyPair other = TestKeyPair.create(dir, "other", "CN=127.0.0.1", Optional.of("ip:127.0.0.1"));
        X509Certificate certificate = (X509Certificate) server.keys().getCertificate("server");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
        assertThat(server.trusted().isKeyEntry("server")).isFalse();

        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server.serverContext()));
        https.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        try {
            URI url = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/");
            HttpResponse<String> ok = HttpClient.newBuilder().sslContext(server.trustingContext()).build()
                    .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.body()).isEqualTo("hello");
            assertThatThrownBy(() -> HttpClient.newBuilder().sslContext(other.trustingContext()).build()
                    .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        } finally {
            https.stop(0);
        }
    }

    @Test
    void a_failing_keytool_says_why() {
        assertThatThrownBy(() -> TestKeyPair.create(dir, "bad", "not a name", Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keytool -genkeypair failed");
    }
}
