package dev.cwmp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.nbi.NbiAuthentication;
import dev.cwmp.nbi.NbiServer;
import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.files.FileServer;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.scripting.ProvisionScripts;
import dev.cwmp.scripting.ScriptSyntaxException;
import dev.cwmp.scripting.VirtualParameterScripts;
import dev.cwmp.session.Acs;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.store.jdbc.JdbcStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's snippets for scripting, the NBI and the JDBC stores, compiled and run. */
class ReadmeModulesExamplesTest {

    @Test
    void scripted_provisions_compile_when_stored_and_plug_into_the_driver() {
        List<dev.cwmp.provisioning.Preset> presets = List.of();
        // --- README: scripting ---
        ProvisionScripts scripts = ProvisionScripts.create();
        scripts.put("wifi", """
            const mac = declare("Device.Ethernet.Interface.1.MACAddress", {value: Date.now()}).value[0];
            declare("Device.WiFi.SSID.1.SSID", null, {value: args[0] + mac.replace(/:/g, "").slice(-5)});
            """);                                   // a syntax error throws ScriptSyntaxException (line, column)
        VirtualParameterScripts virtualParameters = VirtualParameterScripts.create();
        virtualParameters.put("WanIp", """
            const ip = declare("Device.IP.Interface.2.IPv4Address.1.IPAddress", {value: Date.now(3600000)});
            return {writable: false, value: [ip.value[0], "xsd:string"]};
            """);
        ProvisioningDriver driver = ProvisioningDriver.builder(presets).provisionLookup(scripts.asLookup())
                .virtualParameters(virtualParameters).build();
        // --- end ---
        driver.close();
        assertThat(scripts.asLookup().apply("wifi")).isPresent();
        assertThat(scripts.asLookup().apply("nothing")).isEmpty();
        assertThat(virtualParameters.names()).containsExactly("WanIp");
        assertThatThrownBy(() -> scripts.put("broken", "declare(\"Device.\", {value: 1};\n"))
                .isInstanceOfSatisfying(ScriptSyntaxException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void the_nbi_answers_only_with_the_token() throws Exception {
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).build();
        PresetStore presetStore = PresetStore.inMemory(List.of());
        ProvisioningStore provisioningStore = ProvisioningStore.inMemory();
        FileStore fileStore = FileStore.inMemory();
        String token = "readme-token";
        try (FileServer fileServer = FileServer.start(fileStore, new InetSocketAddress("127.0.0.1", 0))) {
            // --- README: nbi ---
            NbiServer nbi = NbiServer.builder().acs(acs).presets(presetStore).provisioning(provisioningStore)
                    .files(fileStore).fileServerUrl(fileServer.baseUrl())
                    .authentication(NbiAuthentication.bearerToken(Secret.of(token)))   // or basic(...), or open() on loopback
                    .bind(new InetSocketAddress("127.0.0.1", 0)).start();
            // --- end ---
            try (nbi; acs) {
                HttpClient http = HttpClient.newHttpClient();
                URI devices = URI.create("http://127.0.0.1:" + nbi.port() + "/devices/");
                HttpResponse<String> without = http.send(HttpRequest.newBuilder(devices).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> with = http.send(HttpRequest.newBuilder(devices)
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(without.statusCode()).isEqualTo(401);
                assertThat(with.statusCode()).isEqualTo(200);
                assertThat(with.body()).isEqualTo("[]");
            }
        }
    }

    @Test
    void the_embedded_store_backs_an_acs(@TempDir Path dir) {
        CpeAuthenticator authenticator = CpeAuthenticator.none();
        // --- README: jdbc ---
        try (JdbcStore store = JdbcStore.h2(dir.resolve("db"))) {     // embedded: one file, no server
            Acs acs = Acs.builder().authenticator(authenticator)
                    .deviceStore(store.deviceStore()).taskQueue(store.taskQueue())
                    .sessionLocks(store.sessionLocks()).sessionDriver(ProvisioningDriver
                            .builder(store.presetStore()).store(store.provisioningStore()).build())
                    .build();
            // --- end ---
            assertThat(acs.devices().ids()).isEmpty();
            assertThat(acs.taskQueue().all()).isEmpty();
            acs.close();
        }
        assertThat(dir.resolve("db")).isDirectory();
    }
}
