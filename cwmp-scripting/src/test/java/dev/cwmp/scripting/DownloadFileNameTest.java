package dev.cwmp.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.DeviceId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GenieACS's {@code Downloads.[FileType:...].FileName}: a file of the file server, sent as its URL there. */
class DownloadFileNameTest {

    private static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    private static final Instant NOW = Instant.parse("2026-11-25T10:17:42.123Z");
    private static final URI FILE_SERVER = URI.create("http://127.0.0.1:7567/");

    private static String downloadOf(ProvisionScripts scripts, String attribute, String value) {
        FakeContext ctx = new FakeContext(DEVICE, NOW);
        scripts.put("upgrade", """
                declare("Downloads.[FileType:1 Firmware Upgrade Image]", {path: 1}, {path: 1});
                declare("Downloads.[FileType:1 Firmware Upgrade Image].%s", {value: 1}, {value: args[0]});
                declare("Downloads.[FileType:1 Firmware Upgrade Image].Download", {value: 1}, {value: Date.now()});
                """.formatted(attribute)).run(ctx, List.of(value));
        assertThat(ctx.calls).hasSize(1);
        return ctx.calls.get(0);
    }

    @Test
    void a_file_name_is_sent_as_its_url_on_the_file_server() {
        ProvisionScripts scripts = ProvisionScripts.create(ScriptLimits.defaults(), FILE_SERVER);
        assertThat(downloadOf(scripts, "FileName", "routeros-6.49.7-upgrade.xml"))
                .isEqualTo("download 1 Firmware Upgrade Image http://127.0.0.1:7567/routeros-6.49.7-upgrade.xml ");
    }

    @Test
    void a_file_name_is_percent_encoded_as_one_path_segment() {
        ProvisionScripts scripts = ProvisionScripts.create(ScriptLimits.defaults(), FILE_SERVER);
        assertThat(downloadOf(scripts, "FileName", "fw 7/ä?#.npk"))
                .isEqualTo("download 1 Firmware Upgrade Image http://127.0.0.1:7567/fw%207%2F%C3%A4%3F%23.npk ");
    }

    @Test
    void a_base_url_with_a_path_but_no_trailing_slash_keeps_its_path() {
        ProvisionScripts scripts = ProvisionScripts.create(ScriptLimits.defaults(),
                URI.create("https://127.0.0.1:7567/files"));
        assertThat(downloadOf(scripts, "FileName", "fw.xml"))
                .isEqualTo("download 1 Firmware Upgrade Image https://127.0.0.1:7567/files/fw.xml ");
    }

    @Test
    void a_file_name_that_is_already_a_url_is_sent_as_given() {
        ProvisionScripts scripts = ProvisionScripts.create(ScriptLimits.defaults(), FILE_SERVER);
        assertThat(downloadOf(scripts, "FileName", "http://127.0.0.2:8080/fw.xml"))
                .isEqualTo("download 1 Firmware Upgrade Image http://127.0.0.2:8080/fw.xml ");
        assertThat(downloadOf(scripts, "FileName", "HTTPS://127.0.0.2/fw.xml"))
                .isEqualTo("download 1 Firmware Upgrade Image HTTPS://127.0.0.2/fw.xml ");
    }

    @Test
    void the_url_extension_is_sent_as_given_even_when_it_is_a_bare_name() {
        ProvisionScripts scripts = ProvisionScripts.create(ScriptLimits.defaults(), FILE_SERVER);
        assertThat(downloadOf(scripts, "URL", "fw.xml")).isEqualTo("download 1 Firmware Upgrade Image fw.xml ");
    }

    @Test
    void without_a_file_server_a_file_name_is_sent_as_given() {
        assertThat(ProvisionScripts.create().fileServer()).isEmpty();
        assertThat(downloadOf(ProvisionScripts.create(), "FileName", "fw.xml"))
                .isEqualTo("download 1 Firmware Upgrade Image fw.xml ");
    }

    @Test
    void the_file_server_must_be_an_http_or_https_url() {
        assertThat(ProvisionScripts.create(ScriptLimits.defaults(), FILE_SERVER).fileServer()).contains(FILE_SERVER);
        assertThatThrownBy(() -> ProvisionScripts.create(ScriptLimits.defaults(), URI.create("ftp://127.0.0.1/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://127.0.0.1/");
        assertThatThrownBy(() -> ProvisionScripts.create(ScriptLimits.defaults(), URI.create("files/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
