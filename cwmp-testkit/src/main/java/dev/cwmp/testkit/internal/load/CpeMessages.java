package dev.cwmp.testkit.internal.load;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.FaultCode;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValuesResponse;
import dev.cwmp.protocol.rpc.XsdType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The envelopes a simulated CPE sends, encoded once with the codec: its Inform (fixed cwmp:ID), and
 * the answers to GetParameterValues, SetParameterValues and any other request (fault 9000) as
 * templates split around the cwmp:ID, which is copied from the ACS's request.
 */
public final class CpeMessages {

    /** The CWMP version the simulated CPEs speak. */
    public static final CwmpVersion VERSION = CwmpVersion.V1_2;
    /** The parameters the GetParameterValues answer reports (what the session benchmark asks for). */
    public static final List<String> REPORTED_NAMES =
            List.of("Device.DeviceInfo.SoftwareVersion", "Device.DeviceInfo.UpTime");

    private static final CwmpCodec CODEC = CwmpCodec.create();
    private static final String MARKER = "cwmp-testkit-id-placeholder";

    private static final Template GPV_RESPONSE = template(new GetParameterValuesResponse(List.of(
            new ParameterValueStruct(REPORTED_NAMES.get(0), "7.1.0-load", XsdType.STRING),
            new ParameterValueStruct(REPORTED_NAMES.get(1), "86400", XsdType.UNSIGNED_INT))));
    private static final Template SPV_RESPONSE = template(new SetParameterValuesResponse(0));
    private static final Template NOT_SUPPORTED = template(CwmpFault.of(FaultCode.METHOD_NOT_SUPPORTED,
            "not supported by the load generator"));

    private CpeMessages() {
    }

    /** An answer envelope around a cwmp:ID taken from the ACS's request. */
    public record Template(byte[] beforeId, byte[] afterId) {
        /** The answer's length with an ID of {@code idLength} bytes. */
        public int length(int idLength) {
            return beforeId.length + idLength + afterId.length;
        }
    }

    /** The DeviceId of the CPE at {@code index}: 16 OUIs, 4 product classes, a serial per index. */
    public static DeviceIdStruct deviceId(String serialPrefix, int index) {
        String oui = String.format(Locale.ROOT, "00C0%02X", 0xD0 + (index % 16));
        return new DeviceIdStruct("cwmp-testkit", oui, "LoadCPE-" + (index % 4),
                serialPrefix + String.format(Locale.ROOT, "%08d", index));
    }

    /** The encoded periodic Inform of the CPE with this DeviceId. */
    public static byte[] inform(DeviceIdStruct id) {
        Inform inform = new Inform(id, List.of(EventStruct.of(EventStruct.PERIODIC)), 1,
                Instant.parse("2026-01-01T00:00:00Z"), 0, List.of(
                        new ParameterValueStruct("Device.RootDataModelVersion", "2.15", XsdType.STRING),
                        new ParameterValueStruct("Device.DeviceInfo.HardwareVersion", "r2", XsdType.STRING),
                        new ParameterValueStruct("Device.DeviceInfo.SoftwareVersion", "7.1.0-load", XsdType.STRING),
                        new ParameterValueStruct("Device.DeviceInfo.ProvisioningCode", "", XsdType.STRING),
                        new ParameterValueStruct("Device.ManagementServer.ConnectionRequestURL",
                                "http://127.0.0.1:7548/cr/" + id.serialNumber(), XsdType.STRING),
                        new ParameterValueStruct("Device.ManagementServer.ParameterKey", "", XsdType.STRING)));
        return CODEC.encode(CwmpEnvelope.of(VERSION, "cpe-inform-1", inform));
    }

    /** The template answering {@code methodName}: its response, or fault 9000 for anything else. */
    public static Template answerTo(String methodName) {
        switch (methodName) {
            case "GetParameterValues":
                return GPV_RESPONSE;
            case "SetParameterValues":
                return SPV_RESPONSE;
            default:
                return NOT_SUPPORTED;
        }
    }

    private static Template template(CwmpMessage message) {
        byte[] whole = CODEC.encode(CwmpEnvelope.of(VERSION, MARKER, message));
        byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + marker.length <= whole.length; i++) {
            if (Arrays.equals(whole, i, i + marker.length, marker, 0, marker.length)) {
                return new Template(Arrays.copyOfRange(whole, 0, i),
                        Arrays.copyOfRange(whole, i + marker.length, whole.length));
            }
        }
        throw new IllegalStateException("the encoder did not write the cwmp:ID marker");
    }
}
