package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.ParameterDefinition.DefaultValue;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataModelTest {

    @Test
    void tr181_is_device_2_17_with_its_root_object() {
        DataModel model = DataModel.tr181();

        assertThat(model.modelName()).isEqualTo("Device:2.17");
        assertThat(model.rootName()).isEqualTo("Device");
        assertThat(model.objects().get(0).path()).isEqualTo("Device.");
        assertThat(model.parameter("Device.RootDataModelVersion")).isPresent();
    }

    @Test
    void tr098_is_internet_gateway_device_1_14() {
        DataModel model = DataModel.tr098();

        assertThat(model.modelName()).isEqualTo("InternetGatewayDevice:1.14");
        assertThat(model.rootName()).isEqualTo("InternetGatewayDevice");
        assertThat(model.parameter("InternetGatewayDevice.DeviceInfo.SerialNumber")).isPresent();
    }

    @Test
    void models_are_loaded_once() {
        assertThat(DataModel.tr181()).isSameAs(DataModel.tr181());
        assertThat(DataModel.tr098()).isSameAs(DataModel.tr098());
    }

    @Test
    void for_root_accepts_a_root_name_or_any_path_under_it() {
        assertThat(DataModel.forRoot("Device")).containsSame(DataModel.tr181());
        assertThat(DataModel.forRoot("Device.WiFi.SSID.1.SSID")).containsSame(DataModel.tr181());
        assertThat(DataModel.forRoot("InternetGatewayDevice.")).containsSame(DataModel.tr098());
        assertThat(DataModel.forRoot("Devices.Foo")).isEmpty();
        assertThat(DataModel.forRoot("")).isEmpty();
    }

    @Test
    void multi_instance_object_carries_entries_keys_and_its_counter() {
        ObjectDefinition ssid = DataModel.tr181().object("Device.WiFi.SSID.{i}.").orElseThrow();

        assertThat(ssid.multiInstance()).isTrue();
        assertThat(ssid.access()).isEqualTo(Access.READ_WRITE);
        assertThat(ssid.minEntries()).isZero();
        assertThat(ssid.maxEntries()).isEmpty();
        assertThat(ssid.isUnbounded()).isTrue();
        assertThat(ssid.uniqueKeys()).containsExactly(List.of("Alias"), List.of("Name"), List.of("BSSID"));
        assertThat(ssid.numEntriesParameter()).contains("Device.WiFi.SSIDNumberOfEntries");
        assertThat(ssid.enableParameter()).contains("Enable");
        assertThat(DataModel.tr181().parameter(ssid.numEntriesParameter().orElseThrow())).isPresent();
    }

    @Test
    void single_instance_object_has_one_entry() {
        ObjectDefinition deviceInfo = DataModel.tr181().object("Device.DeviceInfo.").orElseThrow();

        assertThat(deviceInfo.multiInstance()).isFalse();
        assertThat(deviceInfo.access()).isEqualTo(Access.READ_ONLY);
        assertThat(deviceInfo.maxEntries()).isEqualTo(OptionalInt.of(1));
        assertThat(deviceInfo.numEntriesParameter()).isEmpty();
    }

    @Test
    void parameter_definition_carries_type_facets_access_and_default() {
        ParameterDefinition ssid = DataModel.tr181().parameter("Device.WiFi.SSID.{i}.SSID").orElseThrow();

        assertThat(ssid.name()).isEqualTo("SSID");
        assertThat(ssid.objectPath()).isEqualTo("Device.WiFi.SSID.{i}.");
        assertThat(ssid.access()).isEqualTo(Access.READ_WRITE);
        assertThat(ssid.type().baseType()).isEqualTo(BaseType.STRING);
        assertThat(ssid.type().maxLength()).isEqualTo(OptionalInt.of(32));

        ParameterDefinition enable = DataModel.tr181().parameter("Device.WiFi.SSID.{i}.Enable").orElseThrow();
        assertThat(enable.defaultValue()).contains(new DefaultValue(DefaultValue.Kind.OBJECT, "false"));
    }

    @Test
    void named_data_types_are_resolved_with_their_ancestors() {
        ParameterDefinition address = DataModel.tr181()
                .parameter("Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress").orElseThrow();

        assertThat(address.type().name()).contains("IPv4Address");
        assertThat(address.type().namedTypes()).containsExactly("IPv4Address", "IPAddress");
        assertThat(address.type().isA("IPAddress")).isTrue();
        assertThat(address.type().maxLength()).isEqualTo(OptionalInt.of(15));
        assertThat(address.type().patterns()).contains("");
    }

    @Test
    void parameters_of_the_same_type_share_one_type_instance() {
        DataModel model = DataModel.tr181();
        DataType bytesSent = model.parameter("Device.Cellular.Interface.{i}.Stats.BytesSent").orElseThrow().type();
        DataType bytesReceived = model.parameter("Device.Cellular.Interface.{i}.Stats.PacketsSent").orElseThrow().type();

        assertThat(bytesSent).isSameAs(bytesReceived);
        assertThat(bytesSent.name()).contains("StatsCounter64");
        assertThat(bytesSent.baseType()).isEqualTo(BaseType.UNSIGNED_LONG);
    }

    @Test
    void writes_must_target_writable_parameters_and_writable_values() {
        DataModel model = DataModel.tr181();
        ParameterDefinition diagnostics = model.parameter("Device.IP.Diagnostics.IPPing.DiagnosticsState").orElseThrow();
        ParameterDefinition upTime = model.parameter("Device.DeviceInfo.UpTime").orElseThrow();

        assertThat(diagnostics.type().readOnlyEnumerations()).contains("None", "Complete").doesNotContain("Requested");
        assertThat(diagnostics.validateWrite("Requested").isValid()).isTrue();
        assertThat(diagnostics.validateRead("Complete").isValid()).isTrue();
        assertThat(diagnostics.validateWrite("Complete").violations())
                .containsExactly(new Validation.Violation(Validation.Rule.NOT_WRITABLE,
                        "\"Complete\" may be reported by the device but not written"));
        assertThat(upTime.validateWrite("5").toString()).isEqualTo("Device.DeviceInfo.UpTime is read-only");
    }

    @Test
    void wire_type_is_the_base_type_or_string_for_lists() {
        DataModel model = DataModel.tr181();

        assertThat(model.parameter("Device.DeviceInfo.UpTime").orElseThrow().type().xsdType())
                .isEqualTo("xsd:unsignedInt");
        assertThat(model.parameter("Device.DeviceInfo.AdditionalSoftwareVersion").orElseThrow().type().xsdType())
                .isEqualTo("xsd:string");
        assertThat(model.parameter("Device.ManagementServer.EnableCWMP").orElseThrow().type().xsdType())
                .isEqualTo("xsd:boolean");
    }

    @Test
    void units_and_flags_come_from_the_model() {
        DataModel model = DataModel.tr181();
        ParameterDefinition upTime = model.parameter("Device.DeviceInfo.UpTime").orElseThrow();
        ParameterDefinition password = model.parameter("Device.ManagementServer.Password").orElseThrow();

        assertThat(upTime.units()).contains("seconds");
        assertThat(upTime.flags()).contains(ParameterDefinition.Flag.ACTIVE_NOTIFY_CAN_DENY);
        assertThat(password.isSecret()).isTrue();
        assertThat(password.isWritable()).isTrue();
    }

    @Test
    void vendor_names_are_told_apart_from_unknown_standard_names() {
        DataModel model = DataModel.tr181();

        assertThat(model.kindOf("Device.WiFi.SSID.{i}.SSID")).isEqualTo(DefinitionKind.STANDARD);
        assertThat(model.kindOf("Device.WiFi.SSID.{i}.")).isEqualTo(DefinitionKind.STANDARD);
        assertThat(model.kindOf("Device.WiFi.SSID.{i}.X_TP_Band")).isEqualTo(DefinitionKind.VENDOR);
        assertThat(model.kindOf("Device.X_ZYXEL_Ext.Foo")).isEqualTo(DefinitionKind.VENDOR);
        assertThat(model.kindOf("Device.WiFi.SSID.{i}.NoSuchThing")).isEqualTo(DefinitionKind.UNKNOWN);
        assertThat(DataModel.isVendorExtension("Device.DeviceInfo.X_")).isTrue();
        assertThat(DataModel.isVendorExtension("Device.DeviceInfo.XName")).isFalse();
    }

    @Test
    void lookups_of_missing_definitions_are_empty() {
        assertThat(DataModel.tr181().parameter("Device.WiFi.SSID.1.SSID")).isEmpty();
        assertThat(DataModel.tr181().object("Device.WiFi.SSID.{i}")).isEmpty();
    }

    @Test
    void a_custom_model_rejects_a_parameter_without_its_object() {
        ParameterDefinition orphan = new ParameterDefinition("Root.A.B", "B", DataType.of(BaseType.STRING),
                Access.READ_ONLY, Optional.empty(), Status.CURRENT, Set.of());
        ObjectDefinition root = new ObjectDefinition("Root.", false, Access.READ_ONLY, 1, OptionalInt.of(1),
                List.of(), Optional.empty(), Optional.empty(), Status.CURRENT);

        assertThatThrownBy(() -> DataModel.of("Root:1.0", List.of(root), List.of(orphan)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Root.A.B has no object");
        assertThat(DataModel.of("Root:1.0", List.of(root), List.of()).rootName()).isEqualTo("Root");
    }
}
