package dev.cwmp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.server.AcsServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded-server example starts the whole server, zero-touch presets loaded, NBI behind its token. */
class EmbeddedServerTest {

    @TempDir
    Path dir;

    @Test
    void serves_the_zero_touch_presets_over_the_nbi_to_a_client_with_the_token_only() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (AcsServer server = AcsServer.start(EmbeddedServer.config(dir, "t0k3n", 0, 0, 0))) {
            HttpRequest presets = HttpRequest.newBuilder(server.nbiUrl().resolve("presets"))
                    .header("Authorization", "Bearer t0k3n").build();
            HttpResponse<String> ok = http.send(presets, HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("PROVISIONED");

            HttpRequest anonymous = HttpRequest.newBuilder(server.nbiUrl().resolve("presets")).build();
            assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }
    }
}
