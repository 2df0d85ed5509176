package dev.cwmp.nbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.testkit.tls.TestKeyPair;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NBI over HTTPS ({@link NbiServer.Builder#tls}), with a key pair the JDK's {@code keytool} makes. */
class NbiHttpsTest {

    @TempDir
    static Path keys;

    private static TestKeyPair nbiKeys;
    private static NbiFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        nbiKeys = TestKeyPair.create(keys, "nbi", "CN=127.0.0.1", Optional.of("ip:127.0.0.1"));
        fixture = new NbiFixture(false, b -> b.tls(nbiKeys.serverContext()));
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
        HttpResponse<String> response = client(nbiKeys.trustingContext()).send(devices().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(NbiFixture.json(response).findValuesAsText("_id")).containsExactly(NbiFixture.ID.toString());
    }

    @Test
    void the_token_is_still_required_over_https() throws Exception {
        HttpRequest withoutToken = HttpRequest.newBuilder(httpsUrl("/devices/")).timeout(Duration.ofSeconds(20))
                .GET().build();
        HttpResponse<String> response = client(nbiKeys.trustingContext()).send(withoutToken,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_client_not_trusting_the_certificate_fails_the_handshake() throws Exception {
        HttpClient untrusting = client(TestKeyPair.trustingNothing());

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
}
