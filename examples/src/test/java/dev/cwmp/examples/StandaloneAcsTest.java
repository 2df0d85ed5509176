package dev.cwmp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.session.DeviceId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standalone ACS starts from its command line and serves a CPE over real HTTP on loopback. */
class StandaloneAcsTest {

    private final CwmpCodec codec = CwmpCodec.create();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refuses_to_start_without_an_explicit_choice_of_cpe_authentication() {
        assertThatThrownBy(() -> StandaloneAcs.parse("--cwmp-port", "0"))
                .hasMessageContaining("choose CPE authentication");
        assertThatThrownBy(() -> StandaloneAcs.parse("--cpe-auth", "open")).hasMessageContaining("only 'none'");
        assertThatThrownBy(() -> StandaloneAcs.parse("--cpe-user", "u")).hasMessageContaining("choose CPE authentication");
        assertThatThrownBy(() -> StandaloneAcs.parse("--frobnicate")).hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> StandaloneAcs.parse("--cwmp-port", "70000", "--cpe-auth", "none"))
                .hasMessageContaining("not a port");
    }

    @Test
    void serves_a_cpe_session_with_shared_credentials() throws Exception {
        try (StandaloneAcs acs = StandaloneAcs.start("--cwmp-port", "0", "--cpe-user", "cpe", "--cpe-password", "s3cret")) {
            URI url = URI.create("http://127.0.0.1:" + acs.cwmpPort() + "/");
            byte[] inform = codec.encode(CwmpEnvelope.of(CwmpVersion.V1_2, "1", new Inform(
                    new DeviceIdStruct("MikroTik", "E48D8C", "RB951Ui-2HnD", "4AC7046131E4"),
                    List.of(EventStruct.of("0 BOOTSTRAP")), 1, Instant.parse("2026-11-25T12:00:00Z"), 0, List.of())));

            HttpResponse<byte[]> anonymous = post(url, inform, null, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Digest"));

            String basic = "Basic " + Base64.getEncoder().encodeToString("cpe:s3cret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> informed = post(url, inform, basic, null);
            assertThat(informed.statusCode()).isEqualTo(200);
            assertThat(codec.decode(informed.body()).body()).isEqualTo(new InformResponse(1));
            String cookie = informed.headers().firstValue("Set-Cookie").orElseThrow();

            assertThat(post(url, new byte[0], null, cookie).statusCode()).isEqualTo(204);
            assertThat(acs.acs().devices().record(new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4"))).isPresent();
        }
    }

    private HttpResponse<byte[]> post(URI url, byte[] body, String authorization, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
