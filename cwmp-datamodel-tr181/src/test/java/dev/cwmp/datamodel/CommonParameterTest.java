package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommonParameterTest {

    @ParameterizedTest
    @EnumSource(CommonParameter.class)
    void every_row_exists_in_both_standard_models(CommonParameter row) {
        for (DataModel model : List.of(DataModel.tr181(), DataModel.tr098())) {
            String definition = row.definitionPath(model.rootName());
            if (row.isObject()) {
                assertThat(model.object(definition)).as(model.modelName() + " " + definition).isPresent();
            } else {
                assertThat(model.parameter(definition)).as(model.modelName() + " " + definition).isPresent();
                assertThat(model.findParameter(row.pathFor(model))).isEqualTo(model.parameter(definition));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CommonParameter.class)
    void both_roots_agree_on_the_kind_of_row(CommonParameter row) {
        assertThat(row.tr098Template().endsWith(".")).isEqualTo(row.isObject());
        assertThat(row.tr181Template()).startsWith("Device.");
        assertThat(row.tr098Template()).startsWith("InternetGatewayDevice.");
    }

    @Test
    void fills_the_chosen_instances_for_the_device_root() {
        assertThat(CommonParameter.WIFI_SSID.pathFor("Device", 1))
                .hasToString("Device.WiFi.SSID.1.SSID");
        assertThat(CommonParameter.WIFI_SSID.pathFor("InternetGatewayDevice", 1))
                .hasToString("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID");
        assertThat(CommonParameter.WIFI_PRESHARED_KEY.pathFor(DataModel.tr098(), 5))
                .hasToString("InternetGatewayDevice.LANDevice.1.WLANConfiguration.5.PreSharedKey.1.PreSharedKey");
        assertThat(CommonParameter.WAN_IP_ADDRESS.pathFor(DataModel.tr098()))
                .hasToString("InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress");
        assertThat(CommonParameter.SERIAL_NUMBER.pathFor("Device")).hasToString("Device.DeviceInfo.SerialNumber");
        assertThat(CommonParameter.LAN_HOSTS.pathFor("Device", 2)).hasToString("Device.Hosts.Host.2.");
        assertThat(CommonParameter.WIFI_SSID.patternFor("Device")).hasToString("Device.WiFi.SSID.*.SSID");
        assertThat(CommonParameter.WIFI_SSID.definitionPath("InternetGatewayDevice"))
                .isEqualTo("InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.SSID");
    }

    @Test
    void rejects_unknown_roots_and_extra_instances() {
        assertThatThrownBy(() -> CommonParameter.WIFI_SSID.pathFor("Foo", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root Foo");
        assertThatThrownBy(() -> CommonParameter.SERIAL_NUMBER.pathFor("Device", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 0");
        assertThatThrownBy(() -> CommonParameter.WIFI_SSID.pathFor("Device", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void translates_concrete_paths_between_roots() {
        assertThat(CommonParameter.translate(
                ParameterPath.parse("InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.SSID"), "Device"))
                .contains(ParameterPath.parse("Device.WiFi.SSID.2.SSID"));
        assertThat(CommonParameter.translate(ParameterPath.parse("Device.WiFi.Radio.2.Channel"), "InternetGatewayDevice"))
                .contains(ParameterPath.parse("InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.Channel"));
        assertThat(CommonParameter.translate(ParameterPath.parse("Device.DeviceInfo.UpTime"), "InternetGatewayDevice"))
                .contains(ParameterPath.parse("InternetGatewayDevice.DeviceInfo.UpTime"));
        assertThat(CommonParameter.translate(
                ParameterPath.parse("InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.Username"), "Device"))
                .contains(ParameterPath.parse("Device.PPP.Interface.1.Username"));
    }

    @Test
    void does_not_translate_what_no_row_covers_or_what_is_ambiguous() {
        assertThat(CommonParameter.translate(
                ParameterPath.parse("InternetGatewayDevice.LANDevice.2.WLANConfiguration.1.SSID"), "Device"))
                .as("only the first LANDevice is covered").isEmpty();
        assertThat(CommonParameter.translate(ParameterPath.parse("Device.WiFi.SSID.1.BSSID"), "InternetGatewayDevice"))
                .isEmpty();
        ParameterPath ipAddress = ParameterPath.parse("Device.IP.Interface.1.IPv4Address.1.IPAddress");
        assertThat(CommonParameter.rowsOf(ipAddress)).containsExactly(
                CommonParameter.WAN_IP_ADDRESS, CommonParameter.WAN_PPP_IP_ADDRESS, CommonParameter.LAN_IP_ADDRESS);
        assertThat(CommonParameter.translate(ipAddress, "InternetGatewayDevice")).isEmpty();
        assertThat(CommonParameter.translate(ParameterPath.parse("Device.WiFi.SSID.*.SSID"), "InternetGatewayDevice"))
                .isEmpty();
    }

    @Test
    void tells_the_instances_a_path_chooses() {
        assertThat(CommonParameter.WIFI_SSID.instancesOf(
                ParameterPath.parse("InternetGatewayDevice.LANDevice.1.WLANConfiguration.3.SSID"))).contains(List.of(3L));
        assertThat(CommonParameter.WIFI_SSID.instancesOf(ParameterPath.parse("Device.WiFi.SSID.3.Enable"))).isEmpty();
    }
}
