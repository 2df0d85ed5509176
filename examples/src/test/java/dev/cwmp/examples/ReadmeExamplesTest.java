package dev.cwmp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.CommonParameter;
import dev.cwmp.datamodel.DataModel;
import dev.cwmp.datamodel.ParameterDefinition;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.Validation;
import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpDecodeException;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.provisioning.PresetJson;
import dev.cwmp.provisioning.ProvisioningDriver;
import dev.cwmp.provisioning.Timestamps;
import dev.cwmp.provisioning.Values;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.DigestOptions;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code shown in README.md, compiled and run, so the README cannot drift from the API. */
class ReadmeExamplesTest {

    private static final String INFORM = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                           xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
              <soap:Header><cwmp:ID soap:mustUnderstand="1">42</cwmp:ID></soap:Header>
              <soap:Body><cwmp:Inform>
                <DeviceId><Manufacturer>MikroTik</Manufacturer><OUI>E48D8C</OUI>
                  <ProductClass>RB951Ui-2HnD</ProductClass><SerialNumber>4AC7046131E4</SerialNumber></DeviceId>
                <Event><EventStruct><EventCode>0 BOOTSTRAP</EventCode><CommandKey/></EventStruct></Event>
                <MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2026-11-25T12:00:00Z</CurrentTime><RetryCount>0</RetryCount>
                <ParameterList/>
              </cwmp:Inform></soap:Body>
            </soap:Envelope>""";

    @Test
    void the_codec_in_ten_lines() {
        byte[] body = INFORM.getBytes(StandardCharsets.UTF_8);
        // --- README: codec ---
        CwmpCodec codec = CwmpCodec.create();                         // once; immutable and thread-safe
        CwmpEnvelope envelope = codec.decode(body);                   // CwmpDecodeException on bad input
        if (envelope.body() instanceof Inform inform) {
            System.out.println(inform.deviceId().serialNumber() + " " + inform.event());
        }
        byte[] request = codec.encode(CwmpEnvelope.of(CwmpVersion.V1_0, "acs-1",
                new GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion"))));
        // --- end ---
        assertThat(envelope.headers().id()).contains("42");
        assertThat(new String(request, StandardCharsets.UTF_8)).doesNotStartWith("<?xml")
                .contains("xsd:string[1]").contains("urn:dslforum-org:cwmp-1-0");
        assertThat(codec.decode(request).body())
                .isEqualTo(new GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion")));
    }

    @Test
    void a_doctype_is_a_decode_error_with_the_fault_to_answer() {
        CwmpCodec codec = CwmpCodec.create();
        byte[] hostile = ("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>" + INFORM)
                .getBytes(StandardCharsets.UTF_8);
        try {
            codec.decode(hostile);
            throw new AssertionError("a DOCTYPE must not decode");
        } catch (CwmpDecodeException e) {
            assertThat(e.reason()).isEqualTo(CwmpDecodeException.Reason.DOCTYPE_NOT_ALLOWED);
            assertThat(e.faultToAnswer().code()).isBetween(8000, 8005);
        }
    }

    @Test
    void validating_a_value_and_translating_a_path() {
        // --- README: data model ---
        DataModel tr181 = DataModel.tr181();
        ParameterDefinition ssid = tr181.findParameter(ParameterPath.parse("Device.WiFi.SSID.3.SSID")).orElseThrow();
        Validation tooLong = ssid.validate("a-name-much-longer-than-the-thirty-two-characters-allowed");
        System.out.println(tooLong);                  // which rule failed, and why

        ParameterPath tr098 = ParameterPath.parse("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID");
        ParameterPath sameInTr181 = CommonParameter.translate(tr098, "Device").orElseThrow();
        ParameterPath firstSsid = CommonParameter.WIFI_SSID.pathFor("InternetGatewayDevice", 1);
        // --- end ---
        assertThat(ssid.validate("home").isValid()).isTrue();
        assertThat(tooLong.isValid()).isFalse();
        assertThat(tooLong.toString()).contains("32");
        assertThat(sameInTr181).hasToString("Device.WiFi.SSID.1.SSID");
        assertThat(firstSsid).isEqualTo(tr098);
    }

    @Test
    void embedding_an_acs() {
        DeviceId deviceId = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
        // --- README: embedding ---
        Acs acs = Acs.builder()
                .authenticator(CpeAuthenticator.basicOrDigest(
                        CpeCredentials.single(CpeCredential.of("cpe", Secret.of("s3cret"))), DigestOptions.defaults()))
                .build();                                     // in-memory device store and task queue
        try (JdkHttpTransport http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0))) {
            TaskHandle reboot = acs.submit(deviceId, new TaskAction.Reboot("maintenance"), TaskOptions.DEFAULT);
            reboot.outcome().thenAccept(outcome -> System.out.println("reboot: " + outcome));
            // ... the device's next session runs it; the outcome completes when the CPE has answered
            // --- end ---
            assertThat(acs.taskQueue().get(reboot.task().id())).isPresent();
            assertThat(http.port()).isPositive();
        }
    }

    @Test
    void a_provisioning_driver_with_a_java_provision() {
        String presetsJson = """
                [{"_id": "21 PROVISIONING - WIFI", "weight": 21, "channel": "", "schedule": "", "events": {},
                  "precondition": "Tags.WIFI IS NOT NULL",
                  "configurations": [{"type": "provision", "name": "wifi", "args": ["test_"]}]}]""";
        // --- README: provisioning ---
        ProvisioningDriver driver = ProvisioningDriver.builder(PresetJson.readList(presetsJson))
                .provision("wifi", (ctx, args) -> {
                    var mac = ctx.declare("Device.Ethernet.Interface.1.MACAddress", Timestamps.value(ctx.now()), Values.none());
                    ctx.commit();                          // runs again once the CPE has answered
                    String hex = mac.get(0).value().orElseThrow().replace(":", "");
                    ctx.declare("Device.WiFi.SSID.1.SSID", Timestamps.none(),
                            Values.value(args.get(0) + hex.substring(hex.length() - 5)));
                })
                .build();
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(driver).build();
        // --- end ---
        assertThat(acs.openSessions()).isZero();
        driver.close();
    }
}
