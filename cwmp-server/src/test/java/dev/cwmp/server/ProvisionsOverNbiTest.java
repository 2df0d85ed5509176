package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.session.auth.Secret;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripted provisions put over the NBI are compiled, refused when they do not, and kept across a restart. */
class ProvisionsOverNbiTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private AcsServer start() {
        return AcsServer.start(ServerConfig.builder(new CpeAuth.None()).nbiToken(Secret.of("t")).cwmpPort(0).nbiPort(0)
                .fsPort(0).dataDir(dir).zeroTouch(false).build());
    }

    private HttpResponse<String> send(AcsServer server, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.nbiUrl().resolve(path)).header("Authorization", "Bearer t")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_provision_put_over_the_nbi_survives_a_restart_and_one_that_does_not_compile_is_refused() throws Exception {
        String source = "declare(\"Device.ManagementServer.PeriodicInformInterval\", {value: 1}, {value: 300});";
        try (AcsServer server = start()) {
            assertThat(send(server, "PUT", "provisions/inform-interval", source).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = send(server, "PUT", "provisions/broken", "declare(\"x\", {value: ");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("1:");
        }
        try (AcsServer server = start()) {
            HttpResponse<String> kept = send(server, "GET", "provisions/inform-interval", "");
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).contains("PeriodicInformInterval");
            assertThat(send(server, "GET", "provisions/broken", "").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_virtual_parameter_put_over_the_nbi_survives_a_restart_and_one_that_does_not_compile_is_refused()
            throws Exception {
        String source = "return {writable: false, value: [\"x\", \"xsd:string\"]};";
        try (AcsServer server = start()) {
            assertThat(send(server, "PUT", "virtual_parameters/constant", source).statusCode()).isEqualTo(200);
            assertThat(send(server, "PUT", "virtual_parameters/broken", "return {").statusCode()).isEqualTo(400);
        }
        try (AcsServer server = start()) {
            HttpResponse<String> kept = send(server, "GET", "virtual_parameters/constant", "");
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).isEqualTo(source);
            assertThat(send(server, "GET", "virtual_parameters/broken", "").statusCode()).isEqualTo(404);
        }
    }
}
