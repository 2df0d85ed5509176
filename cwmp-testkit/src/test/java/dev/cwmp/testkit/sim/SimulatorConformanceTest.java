package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.AddObjectResponse;
import dev.cwmp.protocol.rpc.CancelTransfer;
import dev.cwmp.protocol.rpc.CpeMessage;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.GetParameterAttributes;
import dev.cwmp.protocol.rpc.GetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetQueuedTransfers;
import dev.cwmp.protocol.rpc.GetQueuedTransfersResponse;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.GetRPCMethodsResponse;
import dev.cwmp.protocol.rpc.ParameterAttributeStruct;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.rpc.SetParameterAttributes;
import dev.cwmp.protocol.rpc.SetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.SetParameterAttributesStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.CpeRequest;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.DeleteObjectResponse;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.DownloadResponse;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValuesFault;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.protocol.rpc.Upload;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionContext;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.connreq.ConnectionRequestResult;
import dev.cwmp.session.connreq.ConnectionRequester;
import dev.cwmp.session.connreq.HttpConnectionRequesterOptions;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated MikroTik against our ACS over real HTTP on loopback: one task of every kind, each
 * outcome, the device's new state and the events of the Informs that follow.
 */
class SimulatorConformanceTest {

    private static final String SERIAL = "4AC7046131E4";
    private static final DeviceId ID = new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL);
    private static final String UPGRADE_LIST = """
            <upgrade version="1" type="links">
              <config/>
              <links>
                <link><url>%s</url></link>
                <link><url>%s</url></link>
              </links>
            </upgrade>
            """;

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
    private final List<CpeRequest<?>> cpeRequests = new CopyOnWriteArrayList<>();
    private final java.util.Queue<dev.cwmp.protocol.rpc.AcsRequest<?>> extraRequests =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<CpeMessage> answers = new CopyOnWriteArrayList<>();
    private Acs acs;
    private JdkHttpTransport http;
    private LoopbackFileServer files;
    private Simulator simulator;
    private SimulatedDevice cpe;

    @BeforeEach
    void start() {
        SessionDriver recording = new SessionDriver() {
            @Override
            public void cpeRequestReceived(SessionContext session, CpeRequest<?> request) {
                cpeRequests.add(request);
            }

            @Override
            public Optional<dev.cwmp.protocol.rpc.AcsRequest<?>> nextRequest(SessionContext session) {
                return Optional.ofNullable(extraRequests.poll());
            }

            @Override
            public void responseReceived(SessionContext session, dev.cwmp.protocol.rpc.AcsRequest<?> request,
                    dev.cwmp.protocol.rpc.CpeResponse response) {
                answers.add(response);
            }

            @Override
            public void faultReceived(SessionContext session, dev.cwmp.protocol.rpc.AcsRequest<?> request,
                    CwmpFault fault) {
                answers.add(fault);
            }
        };
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).sessionDriver(recording)
                .connectionRequester(ConnectionRequester.http(HttpConnectionRequesterOptions.defaults())).build();
        http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        files = new LoopbackFileServer();
        simulator = Simulator.builder(URI.create("http://127.0.0.1:" + http.port() + "/"))
                .scheduler(scheduler).executor(Runnable::run).listener(sessions::add).build();
        cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        cpe.powerOn();
        scheduler.runDue();
    }

    @AfterEach
    void stop() {
        simulator.close();
        files.close();
        http.close();
        acs.close();
    }

    /** Queues a task, lets the device inform, runs everything due, and returns the task's outcome. */
    private TaskOutcome run(TaskAction action) throws Exception {
        TaskHandle handle = acs.submit(ID, action, TaskOptions.DEFAULT);
        cpe.informNow();
        scheduler.runDue();
        return handle.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private SessionRecord last() {
        return sessions.get(sessions.size() - 1);
    }

    @Test
    void first_session_bootstraps_with_the_device_identity() {
        SessionRecord first = sessions.get(0);
        assertThat(first.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(first.hasEvent(EventStruct.BOOTSTRAP)).isTrue();
        assertThat(first.hasEvent(EventStruct.BOOT)).isTrue();
        assertThat(first.inform().orElseThrow().deviceId().oui()).isEqualTo("E48D8C");
        assertThat(first.inform().orElseThrow().parameterValue("Device.ManagementServer.ConnectionRequestURL"))
                .isEqualTo(cpe.connectionRequestUrl());
        assertThat(acs.devices().record(ID)).isPresent();
        assertThat(cpe.hasBootstrapped()).isTrue();
    }

    @Test
    void get_parameter_values_returns_the_device_values() throws Exception {
        TaskOutcome outcome = run(new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion",
                "Device.DeviceInfo.X_MIKROTIK_ArchName")));
        GetParameterValuesResponse r = (GetParameterValuesResponse) ((TaskOutcome.Done) outcome).responses().get(0);
        assertThat(r.value("Device.DeviceInfo.SoftwareVersion")).contains("6.40.5");
        assertThat(r.value("Device.DeviceInfo.X_MIKROTIK_ArchName")).contains("mipsbe");
        assertThat(last().hasEvent(EventStruct.PERIODIC)).isTrue();
    }

    @Test
    void set_parameter_values_changes_the_device_and_its_parameter_key() throws Exception {
        TaskOutcome outcome = run(new TaskAction.SetParameterValues(List.of(new ParameterValueStruct(
                "Device.DeviceInfo.X_MIKROTIK_SystemIdentity", "edge-1", XsdType.STRING)), "key-1"));
        assertThat(((TaskOutcome.Done) outcome).responses().get(0)).isEqualTo(new SetParameterValuesResponse(0));
        assertThat(cpe.value("Device.DeviceInfo.X_MIKROTIK_SystemIdentity")).contains("edge-1");
        assertThat(cpe.value("Device.ManagementServer.ParameterKey")).contains("key-1");
    }

    private SetParameterValuesFault setFault(String name, String value, XsdType type) throws Exception {
        TaskOutcome outcome = run(new TaskAction.SetParameterValues(List.of(new ParameterValueStruct(name, value, type)), "k"));
        assertThat(outcome).isInstanceOf(TaskOutcome.Faulted.class);
        CwmpFault fault = ((TaskOutcome.Faulted) outcome).fault();
        assertThat(fault.faultCode()).isEqualTo(9003);
        assertThat(fault.setParameterValuesFaults()).hasSize(1);
        return fault.setParameterValuesFaults().get(0);
    }

    @Test
    void set_parameter_values_on_a_read_only_parameter_is_9008() throws Exception {
        assertThat(setFault("Device.DeviceInfo.SoftwareVersion", "7.0", XsdType.STRING).faultCode()).isEqualTo(9008);
        assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");
    }

    @Test
    void set_parameter_values_with_a_bad_value_is_9007() throws Exception {
        assertThat(setFault("Device.WiFi.Radio.1.Channel", "six", XsdType.UNSIGNED_INT).faultCode()).isEqualTo(9007);
        assertThat(cpe.value("Device.WiFi.Radio.1.Channel")).contains("6");
    }

    @Test
    void set_parameter_values_on_an_unknown_name_is_9005() throws Exception {
        assertThat(setFault("Device.DeviceInfo.NoSuchThing", "x", XsdType.STRING).faultCode()).isEqualTo(9005);
    }

    @Test
    void refresh_object_walks_names_then_values() throws Exception {
        TaskOutcome.Done done = (TaskOutcome.Done) run(new TaskAction.RefreshObject("Device.WiFi.SSID."));
        GetParameterNamesResponse names = (GetParameterNamesResponse) done.responses().get(0);
        assertThat(names.parameterList()).anySatisfy(p -> assertThat(p.name()).isEqualTo("Device.WiFi.SSID.1.SSID"));
        assertThat(done.responses()).hasSizeGreaterThan(1);
        assertThat(acs.devices().parameters(ID).orElseThrow().value(dev.cwmp.datamodel.ParameterPath.parse("Device.WiFi.SSID.1.SSID"))).contains("MikroTik-6131E4");
    }

    @Test
    void add_then_delete_an_instance() throws Exception {
        TaskOutcome.Done added = (TaskOutcome.Done) run(new TaskAction.AddObject("Device.WiFi.SSID.", "add-1"));
        AddObjectResponse response = (AddObjectResponse) added.responses().get(0);
        assertThat(response.instanceNumber()).isEqualTo(2);
        assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).contains("");
        assertThat(cpe.value("Device.WiFi.SSIDNumberOfEntries")).contains("2");

        TaskOutcome.Done deleted = (TaskOutcome.Done) run(new TaskAction.DeleteObject("Device.WiFi.SSID.2.", "del-1"));
        assertThat(deleted.responses().get(0)).isEqualTo(new DeleteObjectResponse(0));
        assertThat(cpe.value("Device.WiFi.SSID.2.SSID")).isEmpty();
        assertThat(cpe.value("Device.WiFi.SSIDNumberOfEntries")).contains("1");
        assertThat(cpe.value("Device.ManagementServer.ParameterKey")).contains("del-1");
    }

    @Test
    void reboot_comes_back_with_boot_and_m_reboot() throws Exception {
        int boots = cpe.boots();
        assertThat(run(new TaskAction.Reboot("rb-1"))).isInstanceOf(TaskOutcome.Done.class);
        SessionRecord after = last();
        assertThat(after.hasEvent(EventStruct.BOOT)).isTrue();
        assertThat(after.events()).contains(EventStruct.of(EventStruct.M_REBOOT, "rb-1"));
        assertThat(after.hasEvent(EventStruct.BOOTSTRAP)).isFalse();
        assertThat(cpe.boots()).isEqualTo(boots + 1);
    }

    @Test
    void factory_reset_forgets_changes_and_bootstraps_again() throws Exception {
        run(new TaskAction.SetParameterValues(List.of(new ParameterValueStruct(
                "Device.DeviceInfo.X_MIKROTIK_SystemIdentity", "edge-1", XsdType.STRING)), "key-1"));
        assertThat(run(new TaskAction.FactoryReset())).isInstanceOf(TaskOutcome.Done.class);
        SessionRecord after = last();
        assertThat(after.hasEvent(EventStruct.BOOTSTRAP)).isTrue();
        assertThat(after.hasEvent(EventStruct.BOOT)).isTrue();
        assertThat(cpe.value("Device.DeviceInfo.X_MIKROTIK_SystemIdentity")).contains("MikroTik");
        assertThat(cpe.value("Device.DeviceInfo.SerialNumber")).contains(SERIAL);
    }

    private byte[] upgradeList(boolean withClient) {
        files.put("/routeros-mipsbe-6.49.7.npk", new byte[] {1, 2, 3});
        files.put("/tr069-client-6.49.7-mipsbe.npk", new byte[] {4, 5});
        files.put("/other-6.49.7-mipsbe.npk", new byte[] {6});
        String second = withClient ? "/tr069-client-6.49.7-mipsbe.npk" : "/other-6.49.7-mipsbe.npk";
        return UPGRADE_LIST.formatted(files.url("/routeros-mipsbe-6.49.7.npk"), files.url(second))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void firmware_download_upgrades_reboots_and_reports_transfer_complete() throws Exception {
        byte[] list = upgradeList(true);
        files.put("/upgrade.xml", list);
        Download download = new Download("dl-1", "1 Firmware Upgrade Image", files.url("/upgrade.xml"), "", "",
                list.length, "", 0, "", "");
        TaskOutcome.Done done = (TaskOutcome.Done) run(new TaskAction.DownloadFile(download));
        assertThat(((DownloadResponse) done.responses().get(0)).status()).isEqualTo(1);

        SessionRecord after = last();
        assertThat(after.hasEvent(EventStruct.TRANSFER_COMPLETE)).isTrue();
        assertThat(after.hasEvent(EventStruct.BOOT)).isTrue();
        assertThat(after.events()).contains(EventStruct.of(EventStruct.M_DOWNLOAD, "dl-1"));
        assertThat(after.inform().orElseThrow().parameterValue("Device.DeviceInfo.SoftwareVersion")).contains("6.49.7");
        assertThat(cpe.softwareVersion()).isEqualTo("6.49.7");
        TransferComplete tc = (TransferComplete) cpeRequests.stream().filter(r -> r instanceof TransferComplete)
                .findFirst().orElseThrow();
        assertThat(tc.commandKey()).isEqualTo("dl-1");
        assertThat(tc.faultStruct().isSuccess()).isTrue();
        assertThat(files.gets).contains("/upgrade.xml", "/routeros-mipsbe-6.49.7.npk", "/tr069-client-6.49.7-mipsbe.npk");
    }

    @Test
    void firmware_download_with_a_wrong_size_reports_a_fault_and_keeps_the_version() throws Exception {
        byte[] list = upgradeList(true);
        files.put("/upgrade.xml", list);
        Download download = new Download("dl-2", "1 Firmware Upgrade Image", files.url("/upgrade.xml"), "", "",
                list.length + 10, "", 0, "", "");
        run(new TaskAction.DownloadFile(download));
        TransferComplete tc = (TransferComplete) cpeRequests.stream().filter(r -> r instanceof TransferComplete)
                .findFirst().orElseThrow();
        assertThat(tc.commandKey()).isEqualTo("dl-2");
        assertThat(tc.faultStruct().faultCode()).isEqualTo(9018);
        assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");
    }

    @Test
    void upgrade_without_the_tr069_client_package_silences_the_device() throws Exception {
        byte[] list = upgradeList(false);
        files.put("/upgrade.xml", list);
        run(new TaskAction.DownloadFile(new Download("dl-3", "1 Firmware Upgrade Image", files.url("/upgrade.xml"),
                "", "", 0, "", 0, "", "")));
        assertThat(cpe.isSilenced()).isTrue();
        assertThat(cpe.softwareVersion()).isEqualTo("6.49.7");
        assertThat(cpeRequests).noneMatch(r -> r instanceof TransferComplete);
    }

    @Test
    void an_alter_configuration_file_runs_as_a_script_without_reboot() throws Exception {
        byte[] script = "/system identity set name=edge-2\n".getBytes(StandardCharsets.UTF_8);
        files.put("/setup.alter", script);
        int boots = cpe.boots();
        run(new TaskAction.DownloadFile(new Download("cfg-1", "3 Vendor Configuration File", files.url("/setup.alter"),
                "", "", script.length, "", 0, "", "")));
        assertThat(cpe.lastScript()).contains("/system identity set name=edge-2\n");
        assertThat(cpe.boots()).isEqualTo(boots);
        assertThat(last().hasEvent(EventStruct.TRANSFER_COMPLETE)).isTrue();
        assertThat(last().hasEvent(EventStruct.BOOT)).isFalse();
    }

    @Test
    void a_missing_file_is_reported_as_9016_in_transfer_complete() throws Exception {
        run(new TaskAction.DownloadFile(new Download("dl-404", "1 Firmware Upgrade Image", files.url("/nothing.xml"),
                "", "", 0, "", 0, "", "")));
        TransferComplete tc = (TransferComplete) cpeRequests.stream().filter(r -> r instanceof TransferComplete)
                .findFirst().orElseThrow();
        assertThat(tc.faultStruct().faultCode()).isEqualTo(9016);
        assertThat(cpe.softwareVersion()).isEqualTo("6.40.5");
    }

    @Test
    void a_device_from_the_tr181_defaults_takes_its_version_from_the_firmware_file_name() throws Exception {
        SimulatedDevice generic = simulator.add(DeviceProfile.fromDataModel(dev.cwmp.datamodel.DataModel.tr181(),
                new dev.cwmp.protocol.rpc.DeviceIdStruct("Acme", "A1B2C3", "Gateway", "G1")), "G1");
        generic.powerOn();
        scheduler.runDue();
        files.put("/gateway-firmware-2.4.1.bin", new byte[] {9, 9, 9, 9});
        TaskHandle handle = acs.submit(new DeviceId("A1B2C3", "Gateway", "G1"), new TaskAction.DownloadFile(
                new Download("fw-g", "1 Firmware Upgrade Image", files.url("/gateway-firmware-2.4.1.bin"), "", "", 4,
                        "", 0, "", "")), TaskOptions.DEFAULT);
        generic.informNow();
        scheduler.runDue();
        assertThat(handle.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(TaskOutcome.Done.class);
        assertThat(generic.softwareVersion()).isEqualTo("2.4.1");
        assertThat(last().serialNumber()).isEqualTo("G1");
        assertThat(last().events()).contains(EventStruct.of(EventStruct.M_DOWNLOAD, "fw-g"));
    }

    @Test
    void upload_puts_the_configuration_and_reports_transfer_complete() throws Exception {
        TaskOutcome outcome = run(new TaskAction.UploadFile(new Upload("ul-1", "1 Vendor Configuration File",
                files.url("/upload/config.txt"), "", "", 0)));
        assertThat(outcome).isInstanceOf(TaskOutcome.Done.class);
        assertThat(files.uploads).hasSize(1);
        assertThat(new String(files.uploads.get(0).body(), StandardCharsets.UTF_8))
                .contains("Device.DeviceInfo.SerialNumber=" + SERIAL);
        assertThat(last().events()).contains(EventStruct.of(EventStruct.M_UPLOAD, "ul-1"));
        assertThat(cpeRequests).anySatisfy(r -> assertThat(((TransferComplete) r).commandKey()).isEqualTo("ul-1"));
    }

    @Test
    void schedule_inform_comes_back_after_its_delay() throws Exception {
        assertThat(run(new TaskAction.ScheduleInform(60, "si-1"))).isInstanceOf(TaskOutcome.Done.class);
        int before = sessions.size();
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(sessions).hasSize(before);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(sessions).hasSize(before + 1);
        assertThat(last().hasEvent(EventStruct.SCHEDULED)).isTrue();
        assertThat(last().events()).contains(EventStruct.of(EventStruct.M_SCHEDULE_INFORM, "si-1"));
    }

    @Test
    void connection_request_opens_a_session_with_event_6() throws Exception {
        TaskHandle handle = acs.submit(ID, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")),
                TaskOptions.DEFAULT.withConnectionRequest());
        assertThat(handle.connectionRequest().orElseThrow().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ConnectionRequestResult.Accepted.class);
        scheduler.runDue();
        assertThat(handle.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(TaskOutcome.Done.class);
        assertThat(last().hasEvent(EventStruct.CONNECTION_REQUEST)).isTrue();
    }

    @Test
    void periodic_inform_follows_the_interval_the_acs_sets() throws Exception {
        run(new TaskAction.SetParameterValues(List.of(new ParameterValueStruct(
                "Device.ManagementServer.PeriodicInformInterval", "300", XsdType.UNSIGNED_INT)), "p"));
        int before = sessions.size();
        scheduler.advance(Duration.ofSeconds(300));
        assertThat(sessions).hasSize(before + 1);
        assertThat(last().hasEvent(EventStruct.PERIODIC)).isTrue();
        scheduler.advance(Duration.ofSeconds(300));
        assertThat(sessions).hasSize(before + 2);
    }

    /** Sends requests the task kinds do not cover through the session driver, in the device's next session. */
    private List<CpeMessage> direct(dev.cwmp.protocol.rpc.AcsRequest<?>... requests) {
        extraRequests.addAll(List.of(requests));
        int before = answers.size();
        cpe.informNow();
        scheduler.runDue();
        return List.copyOf(answers.subList(before, answers.size()));
    }

    @Test
    void active_notification_sends_value_change_with_the_new_value() {
        List<CpeMessage> r = direct(new SetParameterAttributes(List.of(
                SetParameterAttributesStruct.notification("Device.WiFi.SSID.1.SSID", 2))));
        assertThat(r).containsExactly(new SetParameterAttributesResponse());
        assertThat(cpe.changeLocally("Device.WiFi.SSID.1.SSID", "renamed")).isTrue();
        int before = sessions.size();
        scheduler.runDue();
        assertThat(sessions).hasSize(before + 1);
        assertThat(last().hasEvent(EventStruct.VALUE_CHANGE)).isTrue();
        assertThat(last().inform().orElseThrow().parameterValue("Device.WiFi.SSID.1.SSID")).contains("renamed");
    }

    @Test
    void passive_notification_waits_for_the_next_session_and_off_sends_nothing() {
        direct(new SetParameterAttributes(List.of(
                SetParameterAttributesStruct.notification("Device.WiFi.SSID.1.SSID", 1))));
        int before = sessions.size();
        cpe.changeLocally("Device.WiFi.SSID.1.SSID", "passive");
        cpe.changeLocally("Device.WiFi.Radio.1.Channel", "11"); // notification off
        scheduler.runDue();
        assertThat(sessions).hasSize(before);
        cpe.informNow();
        scheduler.runDue();
        assertThat(last().hasEvent(EventStruct.VALUE_CHANGE)).isTrue();
        assertThat(last().inform().orElseThrow().parameterValue("Device.WiFi.SSID.1.SSID")).contains("passive");
        assertThat(last().inform().orElseThrow().parameterValue("Device.WiFi.Radio.1.Channel")).isEmpty();
    }

    @Test
    void attributes_names_and_methods_are_answered_as_the_standard_says() {
        List<CpeMessage> r = direct(new GetRPCMethods(),
                GetParameterAttributes.of("Device.ManagementServer.URL"),
                new GetParameterNames("Device.WiFi.", true),
                new GetParameterNames("Device.DeviceInfo.SoftwareVersion", false),
                GetParameterValues.of("Device.NoSuch."),
                new GetParameterNames("Device.DeviceInfo.SoftwareVersion", true),
                new DeleteObject("Device.DeviceInfo.", ""),
                new AddObject("Device.Hosts.Host.", ""),
                new GetQueuedTransfers(),
                new CancelTransfer("x"));
        assertThat(((GetRPCMethodsResponse) r.get(0)).methodList()).contains("GetParameterValues", "Download", "Reboot");
        assertThat(((GetParameterAttributesResponse) r.get(1)).parameterList())
                .containsExactly(new ParameterAttributeStruct("Device.ManagementServer.URL", 0, List.of()));
        assertThat(((GetParameterNamesResponse) r.get(2)).parameterList()).extracting(ParameterInfoStruct::name)
                .contains("Device.WiFi.SSID.", "Device.WiFi.RadioNumberOfEntries")
                .doesNotContain("Device.WiFi.SSID.1.", "Device.WiFi.");
        assertThat(((GetParameterNamesResponse) r.get(3)).parameterList())
                .containsExactly(new ParameterInfoStruct("Device.DeviceInfo.SoftwareVersion", false));
        assertThat(((CwmpFault) r.get(4)).faultCode()).isEqualTo(9005);
        assertThat(((CwmpFault) r.get(5)).faultCode()).isEqualTo(9003);
        assertThat(((CwmpFault) r.get(6)).faultCode()).isEqualTo(9005);
        assertThat(((CwmpFault) r.get(7)).faultCode()).isEqualTo(9005); // a read-only table
        assertThat(((GetQueuedTransfersResponse) r.get(8)).transferList()).isEmpty();
        assertThat(((CwmpFault) r.get(9)).faultCode()).isEqualTo(9000);
    }

    @Test
    void secrets_read_as_empty_but_guard_the_connection_request() {
        List<CpeMessage> r = direct(new SetParameterValues(List.of(
                new ParameterValueStruct("Device.ManagementServer.ConnectionRequestPassword", "s3cret", XsdType.STRING)), ""),
                GetParameterValues.of("Device.ManagementServer.ConnectionRequestPassword"));
        assertThat(r.get(0)).isEqualTo(new SetParameterValuesResponse(0));
        assertThat(((GetParameterValuesResponse) r.get(1)).value("Device.ManagementServer.ConnectionRequestPassword"))
                .contains("");
        assertThat(cpe.value("Device.ManagementServer.ConnectionRequestPassword")).contains("s3cret");
    }
}
