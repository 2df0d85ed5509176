package dev.cwmp.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cwmp.datamodel.DeviceModel.ReportedDefinition;
import dev.cwmp.datamodel.DeviceModel.Writability;
import dev.cwmp.datamodel.ParameterTree.NameInfo;
import dev.cwmp.datamodel.ParameterTree.ValueInfo;
import dev.cwmp.datamodel.dump.GenieacsSimCsv;

class DeviceModelTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    private static ParameterPath p(String text) {
        return ParameterPath.parse(text);
    }

    private static DeviceModel reported(NameInfo... names) {
        ParameterTree tree = new ParameterTree();
        tree.mergeAllNames(false, List.of(names), T);
        return DeviceModel.of(DataModel.tr181(), tree);
    }

    @Test
    void device_reported_writability_overrides_the_standard() {
        assertThat(DataModel.tr181().parameter("Device.DeviceInfo.ProvisioningCode").orElseThrow().isWritable()).isTrue();
        assertThat(DataModel.tr181().parameter("Device.DeviceInfo.SerialNumber").orElseThrow().isWritable()).isFalse();

        DeviceModel model = reported(
                new NameInfo(p("Device.DeviceInfo.ProvisioningCode"), false),
                new NameInfo(p("Device.DeviceInfo.SerialNumber"), true));

        assertThat(model.isWritable(p("Device.DeviceInfo.ProvisioningCode"))).isFalse();
        assertThat(model.isWritable(p("Device.DeviceInfo.SerialNumber"))).isTrue();
        assertThat(model.isWritable(p("Device.ManagementServer.URL"))).as("not reported: the standard's access").isTrue();
        assertThat(model.isReported(p("Device.ManagementServer.URL"))).isFalse();
        assertThat(model.writabilityDeviations()).extracting(ReportedDefinition::definitionPath)
                .containsExactly("Device.DeviceInfo.ProvisioningCode", "Device.DeviceInfo.SerialNumber");
        assertThat(DeviceModel.standardOnly(DataModel.tr181()).isWritable(p("Device.DeviceInfo.ProvisioningCode"))).isTrue();
    }

    @Test
    void instances_are_folded_into_their_definition() {
        DeviceModel model = reported(
                new NameInfo(p("Device.WiFi.SSID."), true),
                new NameInfo(p("Device.WiFi.SSID.1."), true),
                new NameInfo(p("Device.WiFi.SSID.1.SSID"), true),
                new NameInfo(p("Device.WiFi.SSID.2."), true),
                new NameInfo(p("Device.WiFi.SSID.2.SSID"), false),
                new NameInfo(p("Device.WiFi.SSID.3."), true),
                new NameInfo(p("Device.WiFi.SSID.3.Enable"), true));

        ReportedDefinition ssid = model.reported(p("Device.WiFi.SSID.7.SSID")).orElseThrow();
        assertThat(ssid.definitionPath()).isEqualTo("Device.WiFi.SSID.{i}.SSID");
        assertThat(ssid.occurrences()).isEqualTo(2);
        assertThat(ssid.writability()).isEqualTo(Writability.MIXED);
        assertThat(model.isWritable(p("Device.WiFi.SSID.1.SSID"))).as("mixed: ask the tree").isFalse();
        assertThat(model.isWritable(p("Device.WiFi.SSID.1.Enable"))).isTrue();
        assertThat(model.reported(p("Device.WiFi.SSID.2.")).orElseThrow().occurrences()).isEqualTo(3);
        assertThat(model.reported(p("Device.WiFi.SSID.")).orElseThrow().kind()).isEqualTo(DefinitionKind.STANDARD);
        assertThat(model.definition(p("Device.WiFi.SSID.9.SSID")).orElseThrow().path()).isEqualTo("Device.WiFi.SSID.{i}.SSID");
    }

    @Test
    void vendor_extensions_and_unknown_names_are_kept_apart() {
        ParameterTree tree = new ParameterTree();
        tree.mergeAllNames(false, List.of(
                new NameInfo(p("Device.WiFi.AccessPoint.1.Security.X_TP_PSKType"), true),
                new NameInfo(p("Device.WiFi.AccessPoint.1.Security.KeyPassphrase"), true),
                new NameInfo(p("Device.WiFi.NotAStandardName"), false)), T);
        tree.mergeValues(List.of(new ValueInfo(p("Device.WiFi.AccessPoint.1.Security.X_TP_PSKType"), "KeyPassphrase",
                "xsd:string")), T);
        DeviceModel model = DeviceModel.of(DataModel.tr181(), tree);

        assertThat(model.reportedDefinitions(DefinitionKind.VENDOR)).containsExactly(new ReportedDefinition(
                "Device.WiFi.AccessPoint.{i}.Security.X_TP_PSKType", false, Writability.WRITABLE, Optional.of("xsd:string"),
                DefinitionKind.VENDOR, 1));
        assertThat(model.reportedDefinitions(DefinitionKind.UNKNOWN)).extracting(ReportedDefinition::definitionPath)
                .containsExactly("Device.WiFi.NotAStandardName");
        assertThat(model.isWritable(p("Device.WiFi.AccessPoint.2.Security.X_TP_PSKType"))).isTrue();
        assertThat(model.isWritable(p("Device.WiFi.AccessPoint.1.Security.X_Other"))).as("neither reported nor standard").isFalse();
        assertThat(model.kindOf(p("Device.WiFi.AccessPoint.1.Security.X_Other"))).isEqualTo(DefinitionKind.VENDOR);
    }

    @Test
    void overlays_a_real_device_dump() throws IOException {
        Path file = Path.of(System.getProperty("cwmp.shared.dir", "../shared"), "devices", "tplink-ex220-tr181.csv");
        assumeTrue(Files.isRegularFile(file), "shared device dump not available: " + file);
        ParameterTree tree = GenieacsSimCsv.read(file).toParameterTree(T);

        DeviceModel model = DeviceModel.of(DataModel.tr181(), tree);

        assertThat(model.reportedDefinitions(DefinitionKind.VENDOR)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.definitionPath()).contains("X_"));
        assertThat(model.reported(p("Device.WiFi.SSID.1.SSID")).orElseThrow().writability()).isEqualTo(Writability.WRITABLE);
        assertThat(model.reported(p("Device.DeviceInfo.SerialNumber")).orElseThrow().writability())
                .isEqualTo(Writability.READ_ONLY);
        int total = model.reportedDefinitions().size();
        assertThat(model.reportedDefinitions(DefinitionKind.STANDARD).size()
                + model.reportedDefinitions(DefinitionKind.VENDOR).size()
                + model.reportedDefinitions(DefinitionKind.UNKNOWN).size()).isEqualTo(total);
    }
}
