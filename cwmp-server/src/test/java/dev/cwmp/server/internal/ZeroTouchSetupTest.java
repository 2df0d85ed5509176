package dev.cwmp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.files.FileServer;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to the zero-touch files and presets when the file server's URL changes (e.g. {@code --fs-tls}). */
class ZeroTouchSetupTest {

    private static final URI HTTP = URI.create("http://127.0.0.1:7567/");
    private static final URI HTTPS = URI.create("https://127.0.0.1:7567/");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void names_the_presets_seeded_with_another_file_server_url() {
        PresetStore presets = PresetStore.inMemory(List.of());
        try (DataDirectory data = DataDirectory.open(dir.resolve("data"))) {
            ZeroTouchSetup.seed(data, presets, FileStore.inMemory(), HTTP, NOW);
        }

        assertThat(ZeroTouchSetup.presetsNamingAnotherFileServer(presets, HTTP)).isEmpty();
        assertThat(ZeroTouchSetup.presetsNamingAnotherFileServer(presets, HTTPS))
                .contains("10 UPGRADING", "21 PROVISIONING - WIFI")
                .allSatisfy(name -> assertThat(ZeroTouch.presets(HTTP)).anyMatch(p -> p.name().equals(name)));
    }

    @Test
    void the_demo_package_list_names_the_file_server_of_this_start() throws Exception {
        FileStore files = FileStore.inMemory();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (DataDirectory data = DataDirectory.open(dir.resolve("data"))) {
            try (FileServer plain = FileServer.builder(files).bind(loopback).baseUrl(HTTP).start()) {
                ZeroTouchSetup.demoFirmware(data, files, plain, NOW);
            }
            assertThat(list(files)).contains(HTTP + "routeros-mipsbe-6.49.7.npk").doesNotContain(HTTPS.toString());

            try (FileServer secure = FileServer.builder(files).bind(loopback).baseUrl(HTTPS).start()) {
                ZeroTouchSetup.demoFirmware(data, files, secure, NOW);
            }
            assertThat(list(files)).contains(HTTPS + "routeros-mipsbe-6.49.7.npk").doesNotContain(HTTP.toString());
        }
    }

    private static String list(FileStore files) throws Exception {
        try (InputStream in = files.open(ZeroTouch.UPGRADE_LIST).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
