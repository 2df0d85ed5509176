package dev.cwmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.CpeRequest;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.FaultStruct;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.GetRPCMethodsResponse;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.protocol.rpc.TransferCompleteResponse;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.protocol.FaultCode;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.JdkHttpTransport;
import dev.cwmp.session.testing.MutableClock;
import dev.cwmp.session.testing.WireCpe;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CWMP session over real HTTP on loopback, with the JDK transport and the in-memory stores. */
class AcsSessionTest {

    private static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final List<CpeRequest<?>> cpeRequestsSeen = new CopyOnWriteArrayList<>();
    private final List<SessionEnd> ends = new CopyOnWriteArrayList<>();
    private Acs acs;
    private JdkHttpTransport http;

    private WireCpe start(SessionDriver driver) {
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).clock(clock).sessionDriver(driver)
                .listener(new AcsListener() {
                    @Override
                    public void sessionEnded(DeviceId id, String sessionId, SessionEnd end, Duration d, int n) {
                        ends.add(end);
                    }
                }).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        return cpe();
    }

    private WireCpe start() {
        return start(new SessionDriver() {
            @Override
            public Optional<dev.cwmp.protocol.rpc.AcsRequest<?>> nextRequest(SessionContext session) {
                return Optional.empty();
            }

            @Override
            public void cpeRequestReceived(SessionContext session, CpeRequest<?> request) {
                cpeRequestsSeen.add(request);
            }
        });
    }

    private WireCpe cpe() {
        return new WireCpe(URI.create("http://127.0.0.1:" + http.port() + "/"), DEVICE.oui(), DEVICE.productClass(),
                DEVICE.serialNumber());
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void bare_session_registers_the_device_and_ends_with_204() {
        WireCpe cpe = start();

        WireCpe.Reply informed = cpe.inform("0 BOOTSTRAP", "1 BOOT");
        assertThat(informed.status()).isEqualTo(200);
        assertThat(informed.body()).isEqualTo(new InformResponse(1));
        assertThat(informed.http().headers().firstValue("Set-Cookie").orElseThrow())
                .matches("cwmp_session=[A-Za-z0-9_-]{22}; Path=/; HttpOnly");
        assertThat(informed.id()).contains("cpe-1");

        WireCpe.Reply end = cpe.emptyPost();
        assertThat(end.status()).isEqualTo(204);
        assertThat(end.envelope()).isEmpty();

        DeviceRecord record = acs.devices().record(DEVICE).orElseThrow();
        assertThat(record.registered()).isEqualTo(clock.instant());
        assertThat(record.lastBoot()).contains(clock.instant());
        assertThat(record.lastBootstrap()).contains(clock.instant());
        assertThat(record.recentEvents()).extracting(DeviceEvent::eventCode).containsExactly("0 BOOTSTRAP", "1 BOOT");
        ParameterTree tree = acs.devices().parameters(DEVICE).orElseThrow();
        assertThat(tree.value(ParameterPath.parse("Device.DeviceInfo.SoftwareVersion"))).contains("6.40.5");
        assertThat(acs.openSessions()).isZero();
        assertThat(ends).containsExactly(SessionEnd.COMPLETED);
    }

    @Test
    void answers_in_the_version_the_cpe_used() {
        WireCpe cpe = start().version(CwmpVersion.V1_0);
        WireCpe.Reply informed = cpe.inform("2 PERIODIC");
        assertThat(informed.envelope().orElseThrow().version()).isEqualTo(CwmpVersion.V1_0);
        assertThat(new String(informed.http().body(), StandardCharsets.UTF_8))
                .contains("urn:dslforum-org:cwmp-1-0").doesNotStartWith("<?xml");
    }

    @Test
    void runs_a_queued_task_and_completes_its_outcome_only_when_the_cpe_answered() throws Exception {
        WireCpe cpe = start();
        TaskHandle handle = acs.submit(DEVICE,
                new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")), TaskOptions.DEFAULT);

        cpe.inform("2 PERIODIC");
        WireCpe.Reply request = cpe.emptyPost();
        assertThat(request.body()).isEqualTo(new GetParameterValues(List.of("Device.DeviceInfo.UpTime")));
        assertThat(handle.outcome().toCompletableFuture()).isNotDone();
        assertThat(acs.taskQueue().get(handle.task().id())).isPresent();

        WireCpe.Reply end = cpe.sendWithId(request.id().orElseThrow(), new GetParameterValuesResponse(
                List.of(new ParameterValueStruct("Device.DeviceInfo.UpTime", "3600", XsdType.UNSIGNED_INT))));
        assertThat(end.status()).isEqualTo(204);

        TaskOutcome outcome = handle.outcome().toCompletableFuture().get();
        assertThat(outcome).isInstanceOf(TaskOutcome.Done.class);
        assertThat(acs.taskQueue().get(handle.task().id())).isEmpty();
        assertThat(acs.devices().parameters(DEVICE).orElseThrow().value(ParameterPath.parse("Device.DeviceInfo.UpTime")))
                .contains("3600");
    }

    @Test
    void refresh_task_reads_names_then_the_values_of_the_leaves() throws Exception {
        WireCpe cpe = start();
        TaskHandle handle = acs.submit(DEVICE, new TaskAction.RefreshObject("Device.WiFi.SSID."), TaskOptions.DEFAULT);
        cpe.inform("2 PERIODIC");
        WireCpe.Reply names = cpe.emptyPost();
        assertThat(names.body()).isEqualTo(new GetParameterNames("Device.WiFi.SSID.", false));
        WireCpe.Reply values = cpe.sendWithId(names.id().orElseThrow(), new GetParameterNamesResponse(List.of(
                new ParameterInfoStruct("Device.WiFi.SSID.", false),
                new ParameterInfoStruct("Device.WiFi.SSID.1.", false),
                new ParameterInfoStruct("Device.WiFi.SSID.1.SSID", true),
                new ParameterInfoStruct("Device.WiFi.SSID.1.Enable", true))));
        assertThat(values.body()).isEqualTo(new GetParameterValues(
                List.of("Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.1.Enable")));
        WireCpe.Reply end = cpe.sendWithId(values.id().orElseThrow(), new GetParameterValuesResponse(List.of(
                new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "home", XsdType.STRING),
                new ParameterValueStruct("Device.WiFi.SSID.1.Enable", "1", XsdType.BOOLEAN))));
        assertThat(end.status()).isEqualTo(204);
        assertThat(handle.outcome().toCompletableFuture().get()).isInstanceOf(TaskOutcome.Done.class);
        ParameterTree tree = acs.devices().parameters(DEVICE).orElseThrow();
        assertThat(tree.value(ParameterPath.parse("Device.WiFi.SSID.1.SSID"))).contains("home");
        assertThat(tree.get(ParameterPath.parse("Device.WiFi.SSID.1.SSID")).orElseThrow().writable()).contains(true);
    }

    @Test
    void a_cpe_fault_ends_the_task_with_the_fault_and_the_session_goes_on() throws Exception {
        WireCpe cpe = start();
        TaskHandle set = acs.submit(DEVICE, new TaskAction.SetParameterValues(List.of(
                new ParameterValueStruct("Device.DeviceInfo.UpTime", "1", XsdType.UNSIGNED_INT)), "k1"), TaskOptions.DEFAULT);
        TaskHandle get = acs.submit(DEVICE, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")),
                TaskOptions.DEFAULT);
        cpe.inform("2 PERIODIC");
        WireCpe.Reply spv = cpe.emptyPost();
        assertThat(spv.body()).isInstanceOf(SetParameterValues.class);
        WireCpe.Reply next = cpe.sendWithId(spv.id().orElseThrow(),
                CwmpFault.of(FaultCode.NON_WRITABLE_PARAMETER, "read-only"));
        assertThat(next.body()).isInstanceOf(GetParameterValues.class);
        assertThat(set.outcome().toCompletableFuture().get()).isInstanceOfSatisfying(TaskOutcome.Faulted.class,
                f -> assertThat(f.fault().faultCode()).isEqualTo(9008));
        assertThat(acs.devices().parameters(DEVICE)).isEmpty(); // nothing saved until the session ends
        cpe.sendWithId(next.id().orElseThrow(), new GetParameterValuesResponse(
                List.of(new ParameterValueStruct("Device.DeviceInfo.UpTime", "99", XsdType.UNSIGNED_INT))));
        assertThat(get.outcome().toCompletableFuture().get()).isInstanceOf(TaskOutcome.Done.class);
        // the refused value was never recorded
        assertThat(acs.devices().parameters(DEVICE).orElseThrow().value(ParameterPath.parse("Device.DeviceInfo.UpTime")))
                .contains("99");
    }

    @Test
    void answers_cpe_requests_and_hands_them_to_the_driver() {
        WireCpe cpe = start();
        cpe.inform("7 TRANSFER COMPLETE", "M Download");
        TransferComplete tc = new TransferComplete("fw-1", new FaultStruct(0, ""),
                Instant.parse("2026-11-25T11:00:00Z"), Instant.parse("2026-11-25T11:05:00Z"));
        WireCpe.Reply reply = cpe.send(tc);
        assertThat(reply.body()).isEqualTo(new TransferCompleteResponse());
        assertThat(reply.id()).contains("cpe-2");
        WireCpe.Reply methods = cpe.send(new GetRPCMethods());
        assertThat(((GetRPCMethodsResponse) methods.body()).methodList()).contains("Inform", "TransferComplete");
        assertThat(cpe.emptyPost().status()).isEqualTo(204);
        assertThat(cpeRequestsSeen).containsExactly(tc, new GetRPCMethods());
    }

    @Test
    void gzip_request_bodies_are_read() throws Exception {
        WireCpe cpe = start();
        byte[] xml = dev.cwmp.protocol.CwmpCodec.create().encode(
                dev.cwmp.protocol.CwmpEnvelope.of(CwmpVersion.V1_2, "z1", cpe.informMessage("1 BOOT")));
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(xml);
        }
        WireCpe.Reply reply = cpe.post(zipped.toByteArray(), List.of("Content-Encoding", "gzip"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(new InformResponse(1));
    }

    @Test
    void anything_but_an_inform_without_a_session_is_refused_with_a_fault() {
        WireCpe cpe = start();
        WireCpe.Reply reply = cpe.send(new GetRPCMethods());
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isInstanceOfSatisfying(CwmpFault.class,
                f -> assertThat(f.faultCode()).isEqualTo(8001));
        assertThat(reply.id()).contains("cpe-1");
        assertThat(cpe.emptyPost().status()).isEqualTo(400);
        assertThat(acs.devices().ids()).isEmpty();
    }

    @Test
    void malformed_envelope_is_400_and_stores_nothing() {
        WireCpe cpe = start();
        WireCpe.Reply reply = cpe.post("<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body>"
                .getBytes(StandardCharsets.UTF_8), List.of("Content-Type", "text/xml"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(acs.devices().ids()).isEmpty();
    }

    @Test
    void doctype_inside_a_session_closes_it_with_400_and_keeps_only_what_the_cpe_confirmed() {
        WireCpe cpe = start();
        cpe.inform("1 BOOT");
        WireCpe.Reply reply = cpe.post(("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                + "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body>&e;</soap:Body>"
                + "</soap:Envelope>").getBytes(StandardCharsets.UTF_8), List.of());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(new String(reply.http().body(), StandardCharsets.UTF_8)).doesNotContain("root:");
        assertThat(acs.openSessions()).isZero();
        assertThat(ends).containsExactly(SessionEnd.PROTOCOL_ERROR);
        // the Inform was confirmed by the CPE: the device is known
        assertThat(acs.devices().record(DEVICE)).isPresent();
    }

    @Test
    void a_forged_cookie_does_not_open_a_session() {
        WireCpe cpe = start();
        cpe.useCookie("cwmp_session=AAAAAAAAAAAAAAAAAAAAAA");
        WireCpe.Reply reply = cpe.send(new GetRPCMethods());
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isInstanceOf(CwmpFault.class);
    }

    @Test
    void a_stale_cookie_with_an_inform_opens_a_new_session() {
        WireCpe cpe = start();
        cpe.inform("1 BOOT");
        cpe.emptyPost();
        String stale = cpe.cookie().orElseThrow();
        cpe.useCookie(stale);
        WireCpe.Reply again = cpe.inform("2 PERIODIC");
        assertThat(again.status()).isEqualTo(200);
        assertThat(cpe.cookie().orElseThrow()).isNotEqualTo(stale);
        assertThat(cpe.emptyPost().status()).isEqualTo(204);
    }

    @Test
    void cookie_sent_back_with_attributes_and_commas_is_understood() {
        WireCpe cpe = start();
        acs.submit(DEVICE, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")), TaskOptions.DEFAULT);
        cpe.inform("2 PERIODIC");
        String id = cpe.cookie().orElseThrow().replaceAll("^cwmp_session=([^;]+);.*$", "$1");
        cpe.useCookie("other=1, cwmp_session=" + id + "; Path=/; HttpOnly");
        WireCpe.Reply request = cpe.emptyPost();
        assertThat(request.body()).isInstanceOf(GetParameterValues.class);
    }

    @Test
    void a_second_inform_while_in_session_is_refused_without_harming_the_first() {
        WireCpe first = start();
        acs.submit(DEVICE, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")), TaskOptions.DEFAULT);
        first.inform("2 PERIODIC");
        WireCpe intruder = cpe();
        WireCpe.Reply refused = intruder.inform("1 BOOT");
        assertThat(refused.status()).isEqualTo(503);
        WireCpe.Reply request = first.emptyPost();
        assertThat(request.body()).isInstanceOf(GetParameterValues.class);
        assertThat(first.sendWithId(request.id().orElseThrow(), new GetParameterValuesResponse(List.of())).status())
                .isEqualTo(204);
        assertThat(acs.devices().record(DEVICE).orElseThrow().lastBoot()).isEmpty();
    }

    @Test
    void a_cpe_that_vanishes_mid_session_expires_on_the_clock_and_its_task_stays_queued() {
        WireCpe cpe = start();
        TaskHandle task = acs.submit(DEVICE, new TaskAction.SetParameterValues(List.of(
                new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "new", XsdType.STRING)), "k"), TaskOptions.DEFAULT);
        cpe.inform("2 PERIODIC");
        assertThat(cpe.emptyPost().body()).isInstanceOf(SetParameterValues.class);
        // the CPE never answers
        clock.advance(Duration.ofSeconds(29));
        assertThat(acs.expire()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(acs.expire()).isEqualTo(1);
        assertThat(ends).containsExactly(SessionEnd.TIMED_OUT);
        assertThat(acs.taskQueue().get(task.task().id())).isPresent();
        assertThat(task.outcome().toCompletableFuture()).isNotDone();
        ParameterTree tree = acs.devices().parameters(DEVICE).orElseThrow();
        assertThat(tree.value(ParameterPath.parse("Device.WiFi.SSID.1.SSID"))).isEmpty();
        // and the next session runs it
        cpe.forgetCookie();
        cpe.inform("2 PERIODIC");
        WireCpe.Reply again = cpe.emptyPost();
        assertThat(again.body()).isInstanceOf(SetParameterValues.class);
        assertThat(cpe.sendWithId(again.id().orElseThrow(), new SetParameterValuesResponse(0)).status()).isEqualTo(204);
        assertThat(acs.devices().parameters(DEVICE).orElseThrow().value(ParameterPath.parse("Device.WiFi.SSID.1.SSID")))
                .contains("new");
    }

    @Test
    void a_late_answer_after_expiry_is_refused() {
        WireCpe cpe = start();
        acs.submit(DEVICE, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")), TaskOptions.DEFAULT);
        cpe.inform("2 PERIODIC");
        WireCpe.Reply request = cpe.emptyPost();
        clock.advance(Duration.ofMinutes(5));
        WireCpe.Reply late = cpe.sendWithId(request.id().orElseThrow(), new GetParameterValuesResponse(
                List.of(new ParameterValueStruct("Device.DeviceInfo.UpTime", "1", XsdType.UNSIGNED_INT))));
        assertThat(late.status()).isEqualTo(500);
        assertThat(acs.devices().parameters(DEVICE).orElseThrow().value(ParameterPath.parse("Device.DeviceInfo.UpTime")))
                .isEmpty();
    }

    @Test
    void the_request_bound_ends_a_runaway_session() {
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).clock(clock).maxHttpRequestsPerSession(5)
                .listener(new AcsListener() {
                    @Override
                    public void sessionEnded(DeviceId id, String s, SessionEnd end, Duration d, int n) {
                        ends.add(end);
                    }
                }).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        WireCpe cpe = cpe();
        cpe.inform("2 PERIODIC");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(cpe.send(new GetRPCMethods()).status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 204);
        assertThat(ends).containsExactly(SessionEnd.REQUEST_LIMIT);
    }

    @Test
    void tags_added_by_the_application_during_a_session_survive_its_save() {
        WireCpe cpe = start(new SessionDriver() {
            @Override
            public Optional<dev.cwmp.protocol.rpc.AcsRequest<?>> nextRequest(SessionContext session) {
                session.updateDevice(r -> r.withTag("SEEN"));
                return Optional.empty();
            }
        });
        cpe.inform("1 BOOT");
        acs.devices().update(DEVICE, r -> r.map(x -> x.withTag("FROM-NBI")));
        cpe.emptyPost();
        // the device was not stored yet when the application tried to tag it: nothing to keep
        assertThat(acs.devices().record(DEVICE).orElseThrow().tags()).containsExactlyInAnyOrder("SEEN");
        cpe.forgetCookie();
        cpe.inform("2 PERIODIC");
        acs.devices().update(DEVICE, r -> r.map(x -> x.withTag("FROM-NBI")));
        cpe.emptyPost();
        assertThat(acs.devices().record(DEVICE).orElseThrow().tags()).containsExactlyInAnyOrder("SEEN", "FROM-NBI");
    }
}
