package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.FaultCode;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValuesFault;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import dev.cwmp.testkit.internal.sim.QuirkyXml;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QuirksTest {

    private static final Quirks EVERY_XML_QUIRK = Quirks.builder().envelopePrefix("SOAP-ENV").cwmpPrefix("ns1")
            .xsi1999(true).omitXsiType(true).wrongArrayTypeCounts(true).booleansAsDigits(true)
            .faultDetailInFaultString(true).build();
    private final CwmpCodec codec = CwmpCodec.create();

    private String rewritten(dev.cwmp.protocol.rpc.CwmpMessage message) {
        return new String(QuirkyXml.rewrite(codec.encode(CwmpEnvelope.of(CwmpVersion.V1_2, "7", message)),
                EVERY_XML_QUIRK), StandardCharsets.UTF_8);
    }

    @Test
    void envelopes_take_other_prefixes_the_1999_namespace_and_no_xsi_type_and_still_decode() {
        GetParameterValuesResponse values = new GetParameterValuesResponse(List.of(
                new ParameterValueStruct("Device.A", "1", XsdType.UNSIGNED_INT),
                new ParameterValueStruct("Device.B", "x", XsdType.STRING)));
        String xml = rewritten(values);
        assertThat(xml).contains("<SOAP-ENV:Envelope", "xmlns:ns1=\"urn:dslforum-org:cwmp-1-2\"", "<ns1:ID",
                "http://www.w3.org/1999/XMLSchema-instance", "ns1:ParameterValueStruct[11]")
                .doesNotContain("soapenv:", "xsi:type", "[2]");
        GetParameterValuesResponse decoded = (GetParameterValuesResponse) codec.decode(xml.getBytes(StandardCharsets.UTF_8)).body();
        assertThat(decoded.parameterList()).extracting(ParameterValueStruct::value).containsExactly("1", "x");
    }

    @Test
    void writable_is_written_as_a_digit_and_read_back_as_a_boolean() {
        String xml = rewritten(new GetParameterNamesResponse(List.of(new ParameterInfoStruct("Device.A", true),
                new ParameterInfoStruct("Device.B", false))));
        assertThat(xml).contains("<Writable>1</Writable>", "<Writable>0</Writable>");
        GetParameterNamesResponse decoded = (GetParameterNamesResponse) codec.decode(xml.getBytes(StandardCharsets.UTF_8)).body();
        assertThat(decoded.parameterList()).extracting(ParameterInfoStruct::writable).containsExactly(true, false);
    }

    @Test
    void fault_detail_goes_inside_faultstring_and_the_codec_still_finds_it() {
        CwmpFault fault = CwmpFault.ofSetParameterValues("Invalid arguments",
                List.of(SetParameterValuesFault.of("Device.A", FaultCode.NON_WRITABLE_PARAMETER)));
        String xml = rewritten(fault);
        assertThat(xml).containsPattern("<faultstring>CWMP fault<detail>.*</detail></faultstring>");
        CwmpFault decoded = (CwmpFault) codec.decode(xml.getBytes(StandardCharsets.UTF_8)).body();
        assertThat(decoded.faultCode()).isEqualTo(9003);
        assertThat(decoded.setParameterValuesFaults()).extracting(SetParameterValuesFault::faultCode).containsExactly(9008);
    }

    @Test
    void no_quirk_leaves_the_bytes_alone() {
        byte[] bytes = codec.encode(CwmpEnvelope.of(CwmpVersion.V1_2, "1", new GetParameterNamesResponse(List.of())));
        assertThat(QuirkyXml.rewrite(bytes, Quirks.NONE)).isSameAs(bytes);
    }

    @Test
    void prefixes_are_checked() {
        assertThatThrownBy(() -> Quirks.builder().envelopePrefix("a b").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quirks.builder().cwmpPrefix("xsi").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quirks.builder().envelopePrefix("x").cwmpPrefix("x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- a quirky device against our ACS ------------------------------------------------------------

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
    private Acs acs;
    private JdkHttpTransport http;
    private Simulator simulator;

    private SimulatedDevice quirkyDevice(Quirks quirks) {
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        simulator = Simulator.builder(URI.create("http://127.0.0.1:" + http.port() + "/")).scheduler(scheduler)
                .executor(Runnable::run).listener(sessions::add).quirks(quirks).noConnectionRequests().build();
        SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), "Q1");
        cpe.powerOn();
        scheduler.runDue();
        return cpe;
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
            http.close();
        }
    }

    private TaskOutcome run(SimulatedDevice cpe, TaskAction action) throws Exception {
        TaskHandle handle = acs.submit(new DeviceId("E48D8C", "RB951Ui-2HnD", "Q1"), action, TaskOptions.DEFAULT);
        cpe.informNow();
        scheduler.runDue();
        return handle.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_device_with_every_xml_quirk_completes_its_tasks_with_our_acs() throws Exception {
        SimulatedDevice cpe = quirkyDevice(EVERY_XML_QUIRK);
        assertThat(sessions.get(0).outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        TaskOutcome.Done done = (TaskOutcome.Done) run(cpe, new TaskAction.RefreshObject("Device.WiFi.Radio."));
        GetParameterValuesResponse values = (GetParameterValuesResponse) done.responses().get(1);
        assertThat(values.value("Device.WiFi.Radio.1.Enable")).contains("1");
        TaskOutcome faulted = run(cpe, new TaskAction.SetParameterValues(List.of(
                new ParameterValueStruct("Device.DeviceInfo.SoftwareVersion", "7", XsdType.STRING)), ""));
        assertThat(((TaskOutcome.Faulted) faulted).fault().setParameterValuesFaults().get(0).faultCode()).isEqualTo(9008);
    }

    @Test
    void single_event_and_never_bootstrap_start_with_periodic_only() {
        quirkyDevice(Quirks.builder().singleEvent(true).neverBootstrap(true).build());
        assertThat(sessions.get(0).events()).containsExactly(EventStruct.of(EventStruct.PERIODIC));
    }

    @Test
    void without_quirks_the_first_inform_has_bootstrap_and_boot() {
        quirkyDevice(Quirks.NONE);
        assertThat(sessions.get(0).events()).extracting(EventStruct::eventCode)
                .containsExactly(EventStruct.BOOTSTRAP, EventStruct.BOOT);
    }

    @ParameterizedTest
    @EnumSource(Quirks.CookieStyle.class)
    void every_cookie_style_keeps_the_session_with_our_acs(Quirks.CookieStyle style) throws Exception {
        SimulatedDevice cpe = quirkyDevice(Quirks.builder().cookieStyle(style).build());
        TaskOutcome outcome = run(cpe, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion")));
        assertThat(outcome).isInstanceOf(TaskOutcome.Done.class);
        assertThat(sessions).allSatisfy(s -> assertThat(s.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED));
    }
}
