package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.provisioning.files.FileInfo;
import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.auth.Secret;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcsServerTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final CwmpCodec codec = CwmpCodec.create();

    private ServerConfig.Builder config(CpeAuth auth) {
        return ServerConfig.builder(auth).nbiToken(Secret.of("t0k3n")).cwmpPort(0).nbiPort(0).fsPort(0)
                .dataDir(dir.resolve("data")).zeroTouch(false);
    }

    @Test
    void serves_a_cpe_with_shared_credentials_and_refuses_one_without() throws Exception {
        try (AcsServer server = AcsServer.start(config(new CpeAuth.Shared("cpe", Secret.of("s3cret"))).build())) {
            byte[] inform = inform("4AC7046131E4");
            HttpResponse<byte[]> anonymous = post(server.cwmpUrl(), inform, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Digest"))
                    .anyMatch(v -> v.startsWith("Basic"));

            String basic = "Basic " + Base64.getEncoder().encodeToString("cpe:s3cret".getBytes(StandardCharsets.UTF_8));
            completeSession(server.cwmpUrl(), inform, basic);
            assertThat(server.acs().devices().record(new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4")))
                    .isPresent();
        }
    }

    @Test
    void takes_per_device_credentials_from_a_file() throws Exception {
        Path file = dir.resolve("cpe-credentials.txt");
        Files.writeString(file, "# username password device-id\ncpe1 pw1 E48D8C-RB951Ui%2D2HnD-0000000001\n");
        try (AcsServer server = AcsServer.start(config(new CpeAuth.CredentialsFile(file)).build())) {
            String basic = "Basic " + Base64.getEncoder().encodeToString("cpe1:pw1".getBytes(StandardCharsets.UTF_8));
            completeSession(server.cwmpUrl(), inform("0000000001"), basic);
            assertThat(post(server.cwmpUrl(), inform("0000000002"), basic).statusCode()).isNotEqualTo(200);
        }
    }

    @Test
    void serves_the_stored_files_to_cpes_from_the_data_directory() throws Exception {
        byte[] content = "<packages/>".getBytes(StandardCharsets.UTF_8);
        try (AcsServer server = AcsServer.start(config(new CpeAuth.None()).build())) {
            server.files().put("routeros.xml", FileInfo.ofType("1 Firmware Upgrade Image"),
                    new ByteArrayInputStream(content), 1024);
            HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(server.fileServerUrl().resolve("routeros.xml"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo(content);
        }
        assertThat(Files.list(dir.resolve("data/files"))).isNotEmpty();
        assertThat(Files.readString(dir.resolve("data/load.log"))).contains("start: data directory");
    }

    @Test
    void refuses_a_data_directory_another_server_holds() {
        try (AcsServer first = AcsServer.start(config(new CpeAuth.None()).build())) {
            assertThatThrownBy(() -> AcsServer.start(config(new CpeAuth.None()).build()))
                    .isInstanceOf(AcsServerException.class)
                    .hasMessageContaining("in use");
            assertThat(first.cwmpUrl().getPort()).isPositive();
        }
        AcsServer.start(config(new CpeAuth.None()).build()).close();
    }

    @Test
    void says_which_port_is_taken_and_leaves_the_data_directory_free() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> AcsServer.start(config(new CpeAuth.None()).cwmpPort(taken.getLocalPort()).build()))
                    .isInstanceOf(AcsServerException.class)
                    .hasMessageContaining("cannot listen for CWMP")
                    .hasMessageContaining(":" + taken.getLocalPort());
        }
        AcsServer.start(config(new CpeAuth.None()).build()).close();
    }

    private byte[] inform(String serial) {
        return codec.encode(CwmpEnvelope.of(CwmpVersion.V1_2, "1", new Inform(
                new DeviceIdStruct("MikroTik", "E48D8C", "RB951Ui-2HnD", serial),
                List.of(EventStruct.of("0 BOOTSTRAP")), 1, Instant.parse("2026-11-25T12:00:00Z"), 0, List.of())));
    }

    private void completeSession(URI url, byte[] inform, String authorization) throws Exception {
        HttpResponse<byte[]> informed = post(url, inform, authorization);
        assertThat(informed.statusCode()).isEqualTo(200);
        String cookie = informed.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpRequest empty = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.noBody())
                .header("Cookie", cookie).header("Authorization", authorization).build();
        assertThat(http.send(empty, HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(204);
    }

    private HttpResponse<byte[]> post(URI url, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "text/xml; charset=utf-8");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
