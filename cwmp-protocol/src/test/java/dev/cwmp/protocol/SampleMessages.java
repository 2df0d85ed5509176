package dev.cwmp.protocol;

import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.AddObjectResponse;
import dev.cwmp.protocol.rpc.AllQueuedTransferStruct;
import dev.cwmp.protocol.rpc.ArgStruct;
import dev.cwmp.protocol.rpc.AutonOpResultStruct;
import dev.cwmp.protocol.rpc.AutonomousDUStateChangeComplete;
import dev.cwmp.protocol.rpc.AutonomousDUStateChangeCompleteResponse;
import dev.cwmp.protocol.rpc.AutonomousTransferComplete;
import dev.cwmp.protocol.rpc.AutonomousTransferCompleteResponse;
import dev.cwmp.protocol.rpc.CancelTransfer;
import dev.cwmp.protocol.rpc.CancelTransferResponse;
import dev.cwmp.protocol.rpc.ChangeDUState;
import dev.cwmp.protocol.rpc.ChangeDUStateResponse;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.protocol.rpc.CwmpTimes;
import dev.cwmp.protocol.rpc.DUStateChangeComplete;
import dev.cwmp.protocol.rpc.DUStateChangeCompleteResponse;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.DeleteObjectResponse;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.Download;
import dev.cwmp.protocol.rpc.DownloadResponse;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.FactoryReset;
import dev.cwmp.protocol.rpc.FactoryResetResponse;
import dev.cwmp.protocol.rpc.FaultStruct;
import dev.cwmp.protocol.rpc.GetAllQueuedTransfers;
import dev.cwmp.protocol.rpc.GetAllQueuedTransfersResponse;
import dev.cwmp.protocol.rpc.GetOptions;
import dev.cwmp.protocol.rpc.GetOptionsResponse;
import dev.cwmp.protocol.rpc.GetParameterAttributes;
import dev.cwmp.protocol.rpc.GetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.GetQueuedTransfers;
import dev.cwmp.protocol.rpc.GetQueuedTransfersResponse;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.GetRPCMethodsResponse;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.protocol.rpc.InstallOpStruct;
import dev.cwmp.protocol.rpc.Kicked;
import dev.cwmp.protocol.rpc.KickedResponse;
import dev.cwmp.protocol.rpc.OpResultStruct;
import dev.cwmp.protocol.rpc.OptionStruct;
import dev.cwmp.protocol.rpc.ParameterAttributeStruct;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.QueuedTransferStruct;
import dev.cwmp.protocol.rpc.Reboot;
import dev.cwmp.protocol.rpc.RebootResponse;
import dev.cwmp.protocol.rpc.RequestDownload;
import dev.cwmp.protocol.rpc.RequestDownloadResponse;
import dev.cwmp.protocol.rpc.ScheduleDownload;
import dev.cwmp.protocol.rpc.ScheduleDownloadResponse;
import dev.cwmp.protocol.rpc.ScheduleInform;
import dev.cwmp.protocol.rpc.ScheduleInformResponse;
import dev.cwmp.protocol.rpc.SetParameterAttributes;
import dev.cwmp.protocol.rpc.SetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.SetParameterAttributesStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.SetParameterValuesFault;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.SetVouchers;
import dev.cwmp.protocol.rpc.SetVouchersResponse;
import dev.cwmp.protocol.rpc.TimeWindowStruct;
import dev.cwmp.protocol.rpc.TransferComplete;
import dev.cwmp.protocol.rpc.TransferCompleteResponse;
import dev.cwmp.protocol.rpc.UninstallOpStruct;
import dev.cwmp.protocol.rpc.UpdateOpStruct;
import dev.cwmp.protocol.rpc.Upload;
import dev.cwmp.protocol.rpc.UploadResponse;
import dev.cwmp.protocol.rpc.VendorMessage;
import dev.cwmp.protocol.rpc.VoucherList;
import dev.cwmp.protocol.rpc.XmlElement;
import dev.cwmp.protocol.rpc.XsdType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One filled-in sample of every message type (every field set, lists with several items), for
 * round-trip and encoder tests.
 */
public final class SampleMessages {
    static final Instant T1 = Instant.parse("2024-05-01T12:00:00Z");
    static final Instant T2 = Instant.parse("2024-05-01T12:00:07.250Z");
    static final String UUID = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

    private SampleMessages() {
    }

    /** Every message type the codec knows, each once. */
    public static List<CwmpMessage> all() {
        OpResultStruct result = new OpResultStruct(UUID, "Device.SoftwareModules.DeploymentUnit.1", "2.0",
                "Installed", true, "Device.SoftwareModules.ExecutionUnit.1", T1, T2, FaultStruct.SUCCESS);
        OpResultStruct failed = new OpResultStruct(UUID, "", "", "Failed", false, "", CwmpTimes.UNKNOWN,
                CwmpTimes.UNKNOWN, new FaultStruct(9017, "File transfer failure: unable to complete download"));
        return List.of(
                inform(),
                new InformResponse(1),
                new GetRPCMethods(),
                new GetRPCMethodsResponse(List.of("GetRPCMethods", "Inform", "TransferComplete")),
                new SetParameterValues(List.of(
                        ParameterValueStruct.of("Device.ManagementServer.PeriodicInformInterval", "300"),
                        new ParameterValueStruct("Device.WiFi.SSID.1.Enable", "1", XsdType.BOOLEAN),
                        new ParameterValueStruct("Device.Time.X_Custom", "2024-05-01T12:00:00Z", XsdType.DATE_TIME)),
                        "key-42"),
                new SetParameterValuesResponse(1),
                new GetParameterValues(List.of("Device.DeviceInfo.", "Device.WiFi.SSID.1.SSID")),
                new GetParameterValuesResponse(parameterValues()),
                new GetParameterNames("Device.WiFi.", true),
                new GetParameterNamesResponse(List.of(new ParameterInfoStruct("Device.WiFi.", false),
                        new ParameterInfoStruct("Device.WiFi.SSID.1.SSID", true))),
                new SetParameterAttributes(List.of(
                        new SetParameterAttributesStruct("Device.WiFi.SSID.1.SSID", true, 2, true, List.of("Subscriber")),
                        SetParameterAttributesStruct.notification("Device.DeviceInfo.SoftwareVersion", 1))),
                new SetParameterAttributesResponse(),
                new GetParameterAttributes(List.of("Device.WiFi.SSID.1.SSID")),
                new GetParameterAttributesResponse(List.of(
                        new ParameterAttributeStruct("Device.WiFi.SSID.1.SSID", 2, List.of("Subscriber")),
                        new ParameterAttributeStruct("Device.DeviceInfo.UpTime", 0, List.of()))),
                new AddObject("Device.NAT.PortMapping.", "key-1"),
                new AddObjectResponse(7, 0),
                new DeleteObject("Device.NAT.PortMapping.7.", "key-2"),
                new DeleteObjectResponse(0),
                new Reboot("reboot-1"),
                new RebootResponse(),
                new Download("dl-1", "1 Firmware Upgrade Image", "http://127.0.0.1:7567/fw.npk", "user", "p&ss<word>",
                        12_345_678, "fw.npk", 5, "http://127.0.0.1/ok", ""),
                new DownloadResponse(1, CwmpTimes.UNKNOWN, CwmpTimes.UNKNOWN),
                new Upload("ul-1", "1 Vendor Configuration File", "http://127.0.0.1:7567/upload", "", "", 0),
                new UploadResponse(0, T1, T2),
                new FactoryReset(),
                new FactoryResetResponse(),
                new GetQueuedTransfers(),
                new GetQueuedTransfersResponse(List.of(new QueuedTransferStruct("dl-1", 2),
                        new QueuedTransferStruct("dl-2", 1))),
                new GetAllQueuedTransfers(),
                new GetAllQueuedTransfersResponse(List.of(new AllQueuedTransferStruct("dl-1", 2, true,
                        "1 Firmware Upgrade Image", 1000, "fw.npk"), new AllQueuedTransferStruct("", 1, false,
                        "2 Vendor Log File", 0, ""))),
                new ScheduleInform(60, "si-1"),
                new ScheduleInformResponse(),
                new SetVouchers(new VoucherList(List.of("QUJD", "REVGRw=="))),
                new SetVouchersResponse(),
                new GetOptions(""),
                new GetOptionsResponse(List.of(new OptionStruct("X_Option", 17, 1, 1, T1, Optional.of(T2), true),
                        new OptionStruct("Other", 18, 0, 2, T1, Optional.empty(), false))),
                new ScheduleDownload("sd-1", "1 Firmware Upgrade Image", "http://127.0.0.1/fw", "", "", 100, "",
                        List.of(new TimeWindowStruct(0, 3600, TimeWindowStruct.AT_ANY_TIME, "", -1),
                                new TimeWindowStruct(7200, 9000, TimeWindowStruct.CONFIRMATION_NEEDED,
                                        "Update now?", 3))),
                new ScheduleDownloadResponse(),
                new CancelTransfer("dl-2"),
                new CancelTransferResponse(),
                new ChangeDUState(List.of(
                        new InstallOpStruct("http://127.0.0.1/du.ipk", Optional.of(UUID), Optional.of("u"),
                                Optional.of("p"), Optional.of("Device.SoftwareModules.ExecEnv.1.")),
                        new UpdateOpStruct(Optional.of(UUID), Optional.of("1.0"), Optional.of("http://127.0.0.1/du2.ipk"),
                                Optional.empty(), Optional.empty()),
                        new UninstallOpStruct(UUID, Optional.of("2.0"), Optional.of("Device.SoftwareModules.ExecEnv.1."))),
                        Optional.of("cdu-1")),
                new ChangeDUStateResponse(),
                new TransferComplete("dl-1", FaultStruct.SUCCESS, T1, T2),
                new TransferCompleteResponse(),
                new AutonomousTransferComplete("", "http://127.0.0.1/fw", true, "1 Firmware Upgrade Image", 1000,
                        "fw.npk", new FaultStruct(9010, "File transfer failure"), T1, T2),
                new AutonomousTransferCompleteResponse(),
                new DUStateChangeComplete(List.of(result, failed), Optional.of("cdu-1")),
                new DUStateChangeCompleteResponse(),
                new AutonomousDUStateChangeComplete(List.of(new AutonOpResultStruct(result, "Install"))),
                new AutonomousDUStateChangeCompleteResponse(),
                new RequestDownload("1 Firmware Upgrade Image", List.of(new ArgStruct("Version", "7.15"),
                        new ArgStruct("Channel", "stable"))),
                new RequestDownloadResponse(),
                new Kicked("login", "http://127.0.0.1/portal", "a=b", "http://127.0.0.1/next"),
                new KickedResponse("http://127.0.0.1/next"),
                CwmpFault.ofSetParameterValues("Invalid arguments", List.of(
                        SetParameterValuesFault.of("Device.WiFi.SSID.1.SSID", FaultCode.INVALID_PARAMETER_VALUE),
                        SetParameterValuesFault.of("Device.DeviceInfo.UpTime", FaultCode.NON_WRITABLE_PARAMETER))),
                CwmpFault.of(FaultCode.ACS_RETRY_REQUEST),
                vendorMessage());
    }

    /** A MikroTik-like Inform. */
    public static Inform inform() {
        return new Inform(new DeviceIdStruct("MikroTik", "E48D8C", "RB951Ui-2HnD", "8A1B0C2D3E4F"),
                List.of(EventStruct.of(EventStruct.BOOT), EventStruct.of(EventStruct.M_DOWNLOAD, "dl-1")),
                1, T1, 0, parameterValues());
    }

    static List<ParameterValueStruct> parameterValues() {
        return List.of(
                ParameterValueStruct.of("Device.DeviceInfo.HardwareVersion", "v2.0"),
                ParameterValueStruct.of("Device.DeviceInfo.SoftwareVersion", "7.15.3 (stable)"),
                new ParameterValueStruct("Device.DeviceInfo.UpTime", "86400", XsdType.UNSIGNED_INT),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformEnable", "true", XsdType.BOOLEAN),
                new ParameterValueStruct("Device.Ethernet.Interface.1.Stats.BytesSent", "18446744073709551615",
                        XsdType.UNSIGNED_LONG),
                new ParameterValueStruct("Device.X_Signed", "-42", XsdType.INT),
                new ParameterValueStruct("Device.X_Long", "-9000000000", XsdType.LONG),
                new ParameterValueStruct("Device.X_Blob", "AAEC", XsdType.BASE64),
                new ParameterValueStruct("Device.X_Hex", "00ff", XsdType.HEX_BINARY),
                new ParameterValueStruct("Device.Time.CurrentLocalTime", "2024-05-01T14:00:00+02:00",
                        XsdType.DATE_TIME),
                ParameterValueStruct.of("Device.X_Escapes", "  <a href=\"x\">Tom & 'Jerry'</a>\ttab\nline\r\n  "),
                ParameterValueStruct.of("Device.X_Unicode", "Grüße, 東京, \uD83D\uDE00"),
                ParameterValueStruct.of("Device.X_Empty", ""));
    }

    static VendorMessage vendorMessage() {
        XmlElement child = new XmlElement("", "Setting", Map.of("name", "led", "{urn:example:vendor}scope", "all"),
                "off & on", List.of());
        XmlElement nested = XmlElement.of("urn:example:vendor", "Group",
                List.of(XmlElement.leaf("", "Item", "1"), XmlElement.leaf("", "Item", "2")));
        return new VendorMessage(XmlElement.of("urn:example:vendor", "X_ACME_Configure", List.of(child, nested)));
    }

    /** Headers valid for a version, all optional ones that version defines set. */
    public static CwmpHeaders headersFor(CwmpVersion version) {
        CwmpHeaders.Builder headers = CwmpHeaders.builder().id("id-" + version.label()).holdRequests(true);
        switch (version) {
            case V1_0:
                headers.noMoreRequests(true);
                break;
            case V1_3:
                headers.sessionTimeout(60);
                break;
            case V1_4:
                headers.sessionTimeout(60).supportedCwmpVersions(List.of("1.0", "1.2", "1.4")).useCwmpVersion("1.4");
                break;
            default:
                break;
        }
        return headers.build();
    }
}
