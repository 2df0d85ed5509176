package dev.cwmp.protocol.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpHeaders;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.FaultCode;
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

/**
 * One sample of every message the encoder can write, with values that exercise it (XML special
 * characters, non-ASCII text, every value type, unknown and fractional times, empty and full lists),
 * each tagged with the first CWMP version whose schema has it.
 */
public final class SampleMessages {

    /** A named sample message and the first version that defines it. */
    public record Sample(String name, CwmpVersion since, CwmpMessage message) {
        /** Whether {@code version}'s schema defines this message. */
        public boolean existsIn(CwmpVersion version) {
            return version.compareTo(since) >= 0;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Instant T0 = Instant.parse("2026-11-25T15:50:11Z");
    private static final Instant T1 = Instant.parse("2026-11-25T15:52:07.125Z");
    private static final String UUID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private SampleMessages() {}

    /** Every sample, in a stable order. */
    public static List<Sample> all() {
        List<Sample> s = new ArrayList<>();
        CwmpVersion v10 = CwmpVersion.V1_0;
        CwmpVersion v11 = CwmpVersion.V1_1;
        CwmpVersion v12 = CwmpVersion.V1_2;

        // CPE requests and the ACS's responses
        s.add(new Sample("Inform", v10, inform()));
        s.add(new Sample("Inform-empty-lists", v10, new Inform(
                new DeviceIdStruct("Acme & Söhne <GmbH>", "00D09E", "Gateway \"X\"", "SN'1"),
                List.of(), 1, CwmpTimes.UNKNOWN, 0, List.of())));
        s.add(new Sample("InformResponse", v10, new InformResponse(1)));
        s.add(new Sample("TransferComplete", v10, new TransferComplete("fw-2026-11", FaultStruct.SUCCESS, T0, T1)));
        s.add(new Sample("TransferComplete-failed", v10, new TransferComplete("fw-2026-12",
                new FaultStruct(9010, "Download failure: HTTP 404 <not found>"), CwmpTimes.UNKNOWN, CwmpTimes.UNKNOWN)));
        s.add(new Sample("TransferCompleteResponse", v10, new TransferCompleteResponse()));
        s.add(new Sample("AutonomousTransferComplete", v11, new AutonomousTransferComplete(
                "http://acs.example/announce", "http://files.example/cfg.bin", false,
                "3 Vendor Configuration File", 2048, "cfg.bin", FaultStruct.SUCCESS, T0, T1)));
        s.add(new Sample("AutonomousTransferCompleteResponse", v11, new AutonomousTransferCompleteResponse()));
        s.add(new Sample("DUStateChangeComplete", v12, new DUStateChangeComplete(
                List.of(opResult("Installed", FaultStruct.SUCCESS), opResult("Failed", new FaultStruct(9018, "Deployment Unit to Execution Environment Mismatch"))),
                Optional.of("du-1"))));
        s.add(new Sample("DUStateChangeCompleteResponse", v12, new DUStateChangeCompleteResponse()));
        s.add(new Sample("AutonomousDUStateChangeComplete", v12, new AutonomousDUStateChangeComplete(
                List.of(new AutonOpResultStruct(opResult("Installed", FaultStruct.SUCCESS), "Install")))));
        s.add(new Sample("AutonomousDUStateChangeCompleteResponse", v12, new AutonomousDUStateChangeCompleteResponse()));
        s.add(new Sample("RequestDownload", v10, new RequestDownload("1 Firmware Upgrade Image",
                List.of(new ArgStruct("Version", "7.16 & later"), new ArgStruct("Channel", "stable")))));
        s.add(new Sample("RequestDownloadResponse", v10, new RequestDownloadResponse()));
        s.add(new Sample("Kicked", v10, new Kicked("open", "http://portal.example/?a=1&b=2", "arg<1>", "http://portal.example/next")));
        s.add(new Sample("KickedResponse", v10, new KickedResponse("http://portal.example/done")));

        // ACS requests and the CPE's responses
        s.add(new Sample("GetRPCMethods", v10, new GetRPCMethods()));
        s.add(new Sample("GetRPCMethodsResponse", v10, new GetRPCMethodsResponse(List.of(
                "GetRPCMethods", "SetParameterValues", "GetParameterValues", "GetParameterNames", "Reboot", "Download",
                "X_MIKROTIK_Script"))));
        s.add(new Sample("SetParameterValues", v10, new SetParameterValues(allValueTypes(), "pk-2026/11")));
        s.add(new Sample("SetParameterValuesResponse", v10, new SetParameterValuesResponse(1)));
        s.add(new Sample("GetParameterValues", v10, new GetParameterValues(List.of(
                "Device.DeviceInfo.", "Device.ManagementServer.URL", "Device.WiFi.SSID.1.SSID"))));
        s.add(new Sample("GetParameterValuesResponse", v10, new GetParameterValuesResponse(allValueTypes())));
        s.add(new Sample("GetParameterValuesResponse-empty", v10, new GetParameterValuesResponse(List.of())));
        s.add(new Sample("GetParameterNames", v10, new GetParameterNames("Device.WiFi.", true)));
        s.add(new Sample("GetParameterNamesResponse", v10, new GetParameterNamesResponse(List.of(
                new ParameterInfoStruct("Device.WiFi.SSID.", true),
                new ParameterInfoStruct("Device.WiFi.SSID.1.", true),
                new ParameterInfoStruct("Device.WiFi.SSID.1.SSID", true),
                new ParameterInfoStruct("Device.WiFi.SSID.1.BSSID", false)))));
        s.add(new Sample("SetParameterAttributes", v10, new SetParameterAttributes(List.of(
                new SetParameterAttributesStruct("Device.DeviceInfo.SoftwareVersion", true, 2, false, List.of()),
                new SetParameterAttributesStruct("Device.WiFi.SSID.1.SSID", true, 1, true, List.of("Subscriber"))))));
        s.add(new Sample("SetParameterAttributesResponse", v10, new SetParameterAttributesResponse()));
        s.add(new Sample("GetParameterAttributes", v10, new GetParameterAttributes(List.of("Device.WiFi.SSID.1.SSID"))));
        s.add(new Sample("GetParameterAttributesResponse", v10, new GetParameterAttributesResponse(List.of(
                new ParameterAttributeStruct("Device.WiFi.SSID.1.SSID", 1, List.of("Subscriber")),
                new ParameterAttributeStruct("Device.DeviceInfo.UpTime", 0, List.of())))));
        s.add(new Sample("AddObject", v10, new AddObject("Device.NAT.PortMapping.", "pk-add-1")));
        s.add(new Sample("AddObjectResponse", v10, new AddObjectResponse(4_294_967_295L, 0)));
        s.add(new Sample("DeleteObject", v10, new DeleteObject("Device.NAT.PortMapping.3.", "pk-del-1")));
        s.add(new Sample("DeleteObjectResponse", v10, new DeleteObjectResponse(1)));
        s.add(new Sample("Download", v10, new Download("fw-2026-11", "1 Firmware Upgrade Image",
                "https://files.example/routeros.xml?arch=mipsbe&v=7", "cpe", "p<a>ss&\"word\"", 123_456,
                "routeros.xml", 0, "", "")));
        s.add(new Sample("DownloadResponse", v10, new DownloadResponse(0, T0, T1)));
        s.add(new Sample("DownloadResponse-pending", v10, new DownloadResponse(1, CwmpTimes.UNKNOWN, CwmpTimes.UNKNOWN)));
        s.add(new Sample("Upload", v10, new Upload("log-1", "2 Vendor Log File", "http://files.example/up", "u", "p", 5)));
        s.add(new Sample("UploadResponse", v10, new UploadResponse(0, T0, T1)));
        s.add(new Sample("Reboot", v10, new Reboot("reboot-0042")));
        s.add(new Sample("RebootResponse", v10, new RebootResponse()));
        s.add(new Sample("FactoryReset", v10, new FactoryReset()));
        s.add(new Sample("FactoryResetResponse", v10, new FactoryResetResponse()));
        s.add(new Sample("GetQueuedTransfers", v10, new GetQueuedTransfers()));
        s.add(new Sample("GetQueuedTransfersResponse", v10, new GetQueuedTransfersResponse(List.of(
                new QueuedTransferStruct("fw-1", 1), new QueuedTransferStruct("cfg-2", 2)))));
        s.add(new Sample("GetAllQueuedTransfers", v11, new GetAllQueuedTransfers()));
        s.add(new Sample("GetAllQueuedTransfersResponse", v11, new GetAllQueuedTransfersResponse(List.of(
                new AllQueuedTransferStruct("fw-1", 2, true, "1 Firmware Upgrade Image", 123_456, "fw.bin"),
                new AllQueuedTransferStruct("log-1", 1, false, "4 Vendor Log File", 0, "")))));
        s.add(new Sample("ScheduleInform", v10, new ScheduleInform(3600, "later")));
        s.add(new Sample("ScheduleInformResponse", v10, new ScheduleInformResponse()));
        s.add(new Sample("SetVouchers", v10, new SetVouchers(new VoucherList(List.of("dm91Y2hlci0x", "dm91Y2hlci0yIQ==")))));
        s.add(new Sample("SetVouchersResponse", v10, new SetVouchersResponse()));
        s.add(new Sample("GetOptions", v10, new GetOptions("X_ACME_Feature")));
        s.add(new Sample("GetOptionsResponse", v10, new GetOptionsResponse(List.of(
                new OptionStruct("X_ACME_Feature", 17, 1, 2, T0, Optional.of(T1), true),
                new OptionStruct("X_ACME_Other", 18, 0, 0, T0, Optional.empty(), false)))));
        s.add(new Sample("ScheduleDownload", v12, new ScheduleDownload("sd-1", "1 Firmware Upgrade Image",
                "https://files.example/fw.bin", "", "", 1_000_000, "fw.bin", List.of(
                        new TimeWindowStruct(0, 3600, TimeWindowStruct.AT_ANY_TIME, "", -1),
                        new TimeWindowStruct(7200, 10_800, TimeWindowStruct.CONFIRMATION_NEEDED, "Update now?", 3)))));
        s.add(new Sample("ScheduleDownloadResponse", v12, new ScheduleDownloadResponse()));
        s.add(new Sample("CancelTransfer", v12, new CancelTransfer("sd-1")));
        s.add(new Sample("CancelTransferResponse", v12, new CancelTransferResponse()));
        s.add(new Sample("ChangeDUState", v12, new ChangeDUState(List.of(
                InstallOpStruct.of("https://files.example/app.ipk"),
                new InstallOpStruct("https://files.example/app2.ipk", Optional.of(UUID), Optional.of("u"),
                        Optional.of("p"), Optional.of("Device.SoftwareModules.ExecEnv.1")),
                new UpdateOpStruct(Optional.of(UUID), Optional.of("2.0"), Optional.of("https://files.example/app-2.ipk"),
                        Optional.empty(), Optional.empty()),
                new UninstallOpStruct(UUID, Optional.of("1.0"), Optional.of("Device.SoftwareModules.ExecEnv.1"))),
                Optional.of("du-1"))));
        s.add(new Sample("ChangeDUStateResponse", v12, new ChangeDUStateResponse()));

        // Faults and vendor methods
        s.add(new Sample("Fault-ACS", v10, CwmpFault.of(FaultCode.ACS_METHOD_NOT_SUPPORTED)));
        s.add(new Sample("Fault-SetParameterValues", v10, CwmpFault.ofSetParameterValues("Invalid arguments", List.of(
                SetParameterValuesFault.of("Device.ManagementServer.PeriodicInformInterval", FaultCode.INVALID_PARAMETER_VALUE),
                new SetParameterValuesFault("Device.X_ACME_ReadOnly", 9008, "Attempt to set a non-writable parameter")))));
        s.add(new Sample("Fault-vendor-code", v10, new CwmpFault("Server", CwmpFault.CWMP_FAULT, 9801, "vendor <fault>",
                List.of())));
        return List.copyOf(s);
    }

    /** A vendor ({@code X_}) method in its own namespace; no Forum schema describes its content. */
    public static VendorMessage vendorMessage() {
        return new VendorMessage(new XmlElement("urn:mikrotik-com:cwmp-ext-1", "X_MIKROTIK_RunScript",
                Map.of("mode", "dry-run"), "", List.of(
                        XmlElement.leaf("", "Script", "/system identity set name=\"lab & co\""),
                        XmlElement.leaf("", "Timeout", "30"))));
    }

    /** The samples that {@code version}'s schema defines, each in an envelope with every header it defines. */
    public static List<Sample> forVersion(CwmpVersion version) {
        return all().stream().filter(sample -> sample.existsIn(version)).toList();
    }

    /**
     * Headers: always an ID; HoldRequests (every version); SessionTimeout from 1.3;
     * SupportedCWMPVersions and UseCWMPVersion from 1.4.
     */
    public static CwmpHeaders allHeadersOf(CwmpVersion version) {
        CwmpHeaders.Builder headers = CwmpHeaders.builder().id("id-<&>-" + version.label()).holdRequests(true);
        if (version.compareTo(CwmpVersion.V1_3) >= 0) {
            headers.sessionTimeout(60);
        }
        if (version.compareTo(CwmpVersion.V1_4) >= 0) {
            headers.supportedCwmpVersions(List.of("1.0", "1.2", "1.4")).useCwmpVersion("1.4");
        }
        return headers.build();
    }

    /** {@code message} in an envelope of {@code version} with every header that version defines. */
    public static CwmpEnvelope envelope(CwmpVersion version, CwmpMessage message) {
        return new CwmpEnvelope(version, allHeadersOf(version), message);
    }

    /** A MikroTik's Inform after a reboot, with parameters of every value type. */
    public static Inform inform() {
        return new Inform(new DeviceIdStruct("MikroTik", "E48D8C", "RB951Ui-2HnD", "4AC7046131E4"),
                List.of(new EventStruct(EventStruct.BOOT, ""), new EventStruct("M Reboot", "reboot-0042"),
                        new EventStruct(EventStruct.VALUE_CHANGE, "")),
                1, T1, 0, allValueTypes());
    }

    /** One parameter of every value type, plus escaping and whitespace cases. */
    public static List<ParameterValueStruct> allValueTypes() {
        return List.of(
                new ParameterValueStruct("Device.DeviceInfo.X_MIKROTIK_SystemIdentity", "lab <&> \"quoted\" 'single'", XsdType.STRING),
                new ParameterValueStruct("Device.DeviceInfo.Description", "  Ünïcødé ✓ 𝄞 — kept with spaces  ", XsdType.STRING),
                new ParameterValueStruct("Device.DeviceInfo.ProvisioningCode", "", XsdType.STRING),
                new ParameterValueStruct("Device.DeviceInfo.X_ACME_Untyped", "no xsi:type", XsdType.UNSPECIFIED),
                new ParameterValueStruct("Device.Time.LocalTimeZoneOffset", "-3600", XsdType.INT),
                new ParameterValueStruct("Device.DeviceInfo.UpTime", "4294967295", XsdType.UNSIGNED_INT),
                new ParameterValueStruct("Device.X_ACME_Counter", "-9223372036854775808", XsdType.LONG),
                new ParameterValueStruct("Device.Ethernet.Interface.1.Stats.BytesSent", "18446744073709551615", XsdType.UNSIGNED_LONG),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformEnable", "true", XsdType.BOOLEAN),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformTime", "2026-11-25T15:50:11Z", XsdType.DATE_TIME),
                new ParameterValueStruct("Device.X_ACME_Certificate", "SGVsbG8sIENXTVAh", XsdType.BASE64),
                new ParameterValueStruct("Device.X_ACME_MacBytes", "E48D8C6131E4", XsdType.HEX_BINARY));
    }

    private static OpResultStruct opResult(String state, FaultStruct fault) {
        return new OpResultStruct(UUID, "Device.SoftwareModules.DeploymentUnit.1", "1.0", state, true,
                "Device.SoftwareModules.ExecutionUnit.1,Device.SoftwareModules.ExecutionUnit.2", T0, T1, fault);
    }
}
