package dev.cwmp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.AutonomousDUStateChangeComplete;
import dev.cwmp.protocol.rpc.ChangeDUState;
import dev.cwmp.protocol.rpc.DUStateChangeComplete;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.InstallOpStruct;
import dev.cwmp.protocol.rpc.OperationStruct;
import dev.cwmp.protocol.rpc.UninstallOpStruct;
import dev.cwmp.protocol.rpc.UpdateOpStruct;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Software-module messages as the schema writes them and as array-minded implementations write them. */
class ChangeDUStateToleranceTest {
    private static final CwmpCodec CODEC = CwmpCodec.create();
    private static final String UUID = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

    private static CwmpEnvelope decode(String body) {
        String xml = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\">"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
        return CODEC.decode(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_operations_typed_by_xsi_type() {
        ChangeDUState request = (ChangeDUState) decode("""
                <cwmp:ChangeDUState>
                  <Operations xsi:type="cwmp:UninstallOpStruct"><UUID>%s</UUID></Operations>
                  <Operations xsi:type="cwmp:InstallOpStruct"><URL>http://127.0.0.1/a.ipk</URL></Operations>
                  <CommandKey>k</CommandKey>
                </cwmp:ChangeDUState>
                """.formatted(UUID)).body();

        assertThat(request.operations()).containsExactly(
                new UninstallOpStruct(UUID, Optional.empty(), Optional.empty()),
                InstallOpStruct.of("http://127.0.0.1/a.ipk"));
        assertThat(request.commandKey()).contains("k");
    }

    @Test
    void reads_operations_wrapped_in_an_array() {
        ChangeDUState request = (ChangeDUState) decode("""
                <cwmp:ChangeDUState>
                  <Operations soapenc:arrayType="cwmp:OperationStruct[2]" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">
                    <InstallOpStruct><URL>http://127.0.0.1/a.ipk</URL></InstallOpStruct>
                    <UpdateOpStruct><UUID>%s</UUID><Version>2</Version></UpdateOpStruct>
                  </Operations>
                </cwmp:ChangeDUState>
                """.formatted(UUID)).body();

        assertThat(request.operations()).containsExactly(
                InstallOpStruct.of("http://127.0.0.1/a.ipk"),
                new UpdateOpStruct(Optional.of(UUID), Optional.of("2"), Optional.empty(), Optional.empty(),
                        Optional.empty()));
        assertThat(request.commandKey()).isEmpty();
    }

    @Test
    void infers_the_operation_kind_without_xsi_type() {
        ChangeDUState request = (ChangeDUState) decode("""
                <cwmp:ChangeDUState>
                  <Operations><URL>http://127.0.0.1/a.ipk</URL></Operations>
                  <Operations><UUID>%s</UUID></Operations>
                  <Operations><URL>http://127.0.0.1/b.ipk</URL><UUID>%s</UUID></Operations>
                </cwmp:ChangeDUState>
                """.formatted(UUID, UUID)).body();

        assertThat(request.operations()).extracting(OperationStruct::typeName)
                .containsExactly("InstallOpStruct", "UninstallOpStruct", "UpdateOpStruct");
    }

    @Test
    void reads_results_as_repeated_elements_and_as_an_array() {
        String result = "<UUID>" + UUID + "</UUID><DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.1"
                + "</DeploymentUnitRef><Version>1</Version><CurrentState>Installed</CurrentState>"
                + "<Resolved>1</Resolved><ExecutionUnitRefList></ExecutionUnitRefList>"
                + "<StartTime>2024-05-01T12:00:00Z</StartTime><CompleteTime>2024-05-01T12:00:05Z</CompleteTime>"
                + "<Fault><FaultCode>0</FaultCode></Fault>";

        DUStateChangeComplete repeated = (DUStateChangeComplete) decode("<cwmp:DUStateChangeComplete><Results>"
                + result + "</Results><Results>" + result + "</Results></cwmp:DUStateChangeComplete>").body();
        AutonomousDUStateChangeComplete wrapped = (AutonomousDUStateChangeComplete) decode(
                "<cwmp:AutonomousDUStateChangeComplete><Results><AutonOpResultStruct>" + result
                        + "<OperationPerformed>Install</OperationPerformed></AutonOpResultStruct></Results>"
                        + "</cwmp:AutonomousDUStateChangeComplete>").body();

        assertThat(repeated.results()).hasSize(2);
        assertThat(repeated.results().get(0).resolved()).isTrue();
        assertThat(repeated.results().get(0).fault().isSuccess()).isTrue();
        assertThat(wrapped.results()).hasSize(1);
        assertThat(wrapped.results().get(0).operationPerformed()).isEqualTo("Install");
        assertThat(wrapped.results().get(0).result()).isEqualTo(repeated.results().get(0));
    }

    @Test
    void convenience_accessors_find_reported_values() {
        Inform inform = SampleMessages.inform();
        GetParameterValuesResponse response = new GetParameterValuesResponse(inform.parameterList());

        assertThat(inform.hasEvent("1 BOOT")).isTrue();
        assertThat(inform.hasEvent("0 BOOTSTRAP")).isFalse();
        assertThat(inform.parameterValue("Device.DeviceInfo.HardwareVersion")).contains("v2.0");
        assertThat(response.value("Device.Missing")).isEmpty();
    }
}
