package dev.cwmp.testkit.internal.load;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.CwmpVersionNegotiation;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.testkit.load.Scenario;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

/**
 * The bytes an ACS sends in one session of a scenario, encoded once, headers included, in the order
 * it sends them: the InformResponse with the session cookie, then (for get-then-set) the
 * GetParameterValues and SetParameterValues requests, then 204 with {@code Connection: close}. The
 * envelopes are the ones {@code cwmp-session} would write for the simulated CPEs' Inform; the headers
 * are shaped like the JDK HTTP server's.
 */
public final class CannedResponses {

    /** What the session benchmark's driver asks: two leaf names, then one value. */
    public static final GetParameterValues GET_REQUEST = GetParameterValues.of(CpeMessages.REPORTED_NAMES.get(0),
            CpeMessages.REPORTED_NAMES.get(1));
    public static final SetParameterValues SET_REQUEST = SetParameterValues.of("load-1",
            new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "300", XsdType.UNSIGNED_INT));

    private static final String DATE = "Date: Wed, 25 Nov 2026 10:00:00 GMT\r\n";
    private static final String COOKIE = "Set-cookie: cwmp_session=CannedSessionId0123456; Path=/; HttpOnly\r\n";

    private CannedResponses() {
    }

    /** The responses of one session of the scenario, in order. */
    public static List<byte[]> of(Scenario scenario) {
        CwmpCodec codec = CwmpCodec.create();
        CwmpEnvelope inform = codec.decode(CpeMessages.inform(CpeMessages.deviceId("CANNED", 0)));
        CwmpVersionNegotiation.Agreement agreement = CwmpVersionNegotiation
                .negotiate(inform, EnumSet.allOf(CwmpVersion.class))
                .orElseThrow(() -> new IllegalStateException("no CWMP version for the simulated Inform"));
        byte[] informResponse = ok(codec.encode(new CwmpEnvelope(agreement.version(), agreement.responseHeaders(),
                new InformResponse(1))), true);
        byte[] end = HttpResponseReader.bytes("HTTP/1.1 204 No Content\r\n" + DATE + "Connection: close\r\n\r\n");
        if (scenario == Scenario.BARE) {
            return List.of(informResponse, end);
        }
        return List.of(informResponse, request(codec, agreement.version(), "acs-1", GET_REQUEST),
                request(codec, agreement.version(), "acs-2", SET_REQUEST), end);
    }

    private static byte[] request(CwmpCodec codec, CwmpVersion version, String id, CwmpMessage message) {
        return ok(codec.encode(CwmpEnvelope.of(version, id, message)), false);
    }

    private static byte[] ok(byte[] body, boolean cookie) {
        String head = "HTTP/1.1 200 OK\r\n" + DATE + "Content-type: text/xml; charset=\"utf-8\"\r\n"
                + (cookie ? COOKIE : "") + "Content-length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
