package dev.cwmp.provisioning.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwmp.provisioning.Configuration;
import dev.cwmp.provisioning.Literal;
import dev.cwmp.provisioning.Preset;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.zerotouch.UpgradeProvision;
import dev.cwmp.provisioning.zerotouch.ZeroTouch;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The story's presets as shipped in {@code dev/cwmp/provisioning/zerotouch/presets.json}. */
class ZeroTouchPresetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_presets_json_round_trips_through_preset_json() throws Exception {
        String shipped = ZeroTouch.presetsJson();
        List<Preset> read = PresetJson.readList(shipped);
        String written = PresetJson.writeList(read);

        assertThat(PresetJson.readList(written)).isEqualTo(read);
        assertThat(PresetJson.writeList(PresetJson.readList(written))).isEqualTo(written);
        JsonNode original = JSON.readTree(shipped);
        JsonNode again = JSON.readTree(written);
        assertThat(again).isEqualTo(original);
    }

    @Test
    void the_presets_are_the_story_in_weight_order_with_their_channels() {
        List<Preset> presets = ZeroTouch.presets();
        assertThat(presets).extracting(Preset::name).containsExactly("00 NEW DEVICE", "10 UPGRADING", "19 UPGRADED",
                "20 PROVISIONING", "21 PROVISIONING - WIFI", "28 PROVISIONING - OTHER", "29 PROVISIONED");
        assertThat(presets).extracting(Preset::effectiveChannel).containsExactly("default", "upgrade", "upgrade",
                "default", "wifi", "default", "default");
        assertThat(presets.get(1).configurations()).contains(new Configuration.Provision("upgrade",
                List.of(Literal.of(ZeroTouch.TARGET_VERSION),
                        Literal.of("http://127.0.0.1:7567/" + ZeroTouch.UPGRADE_LIST))));
    }

    @Test
    void the_urls_point_to_the_file_server_given() {
        URI base = URI.create("http://192.0.2.10:8080/files/");
        String json = ZeroTouch.presetsJson(base);
        assertThat(json).contains("http://192.0.2.10:8080/files/" + ZeroTouch.UPGRADE_LIST)
                .contains("http://192.0.2.10:8080/files/" + ZeroTouch.AP_BRIDGE_FILE)
                .doesNotContain(ZeroTouch.DEFAULT_FILE_SERVER.toString());
        assertThat(ZeroTouch.presets(base)).hasSize(7);
        assertThatThrownBy(() -> ZeroTouch.presetsJson(URI.create("http://192.0.2.10:8080/files")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_provisions_are_registered_by_name() {
        assertThat(ZeroTouch.provisions()).containsOnlyKeys("upgrade", "wifi");
    }

    @Test
    void versions_compare_number_by_number() {
        assertThat(UpgradeProvision.compareVersions("6.40.5", "6.49.7")).isNegative();
        assertThat(UpgradeProvision.compareVersions("6.49.7", "6.49.7")).isZero();
        assertThat(UpgradeProvision.compareVersions("6.100", "6.49.7")).isPositive();
        assertThat(UpgradeProvision.compareVersions("7.1", "6.49.7")).isPositive();
        assertThat(UpgradeProvision.compareVersions("6.49", "6.49.0")).isZero();
        assertThat(UpgradeProvision.compareVersions("6.49.10", "6.49.9")).isPositive();
        assertThat(UpgradeProvision.compareVersions("6.049", "6.49")).isZero();
        assertThat(UpgradeProvision.compareVersions("99999999999999999999.1", "6.49")).isPositive();
    }

    @Test
    void the_package_list_names_every_package_in_a_url_element() {
        String xml = ZeroTouch.routerOsPackageList(List.of(URI.create("http://h/routeros-mipsbe-6.49.7.npk"),
                URI.create("http://h/tr069-client-6.49.7-mipsbe.npk?a=1&b=2")));
        assertThat(xml).contains("<url>http://h/routeros-mipsbe-6.49.7.npk</url>")
                .contains("<url>http://h/tr069-client-6.49.7-mipsbe.npk?a=1&amp;b=2</url>")
                .startsWith("<?xml");
        assertThat(ZeroTouch.routerOsPackages("6.49.7", "mipsbe"))
                .containsExactly("routeros-mipsbe-6.49.7.npk", "tr069-client-6.49.7-mipsbe.npk");
        assertThatThrownBy(() -> ZeroTouch.routerOsPackageList(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_upgrade_provision_rejects_a_file_size_that_is_not_a_whole_number_of_bytes() {
        UpgradeProvision upgrade = new UpgradeProvision();
        for (Object size : List.of(-1L, 1.5, "12")) {
            assertThatThrownBy(() -> upgrade.run(null, List.of(ZeroTouch.TARGET_VERSION, "http://h/list.xml", size)))
                    .isInstanceOf(dev.cwmp.provisioning.ProvisioningException.class)
                    .hasMessageContaining("fileSize");
        }
    }
}
