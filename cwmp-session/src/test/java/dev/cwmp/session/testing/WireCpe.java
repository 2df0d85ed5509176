package dev.cwmp.session.testing;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.protocol.rpc.DeviceIdStruct;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.Inform;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.XsdType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal CPE for the session tests: writes real CWMP envelopes with the codec and posts them
 * over real HTTP, keeping the session cookie as a CPE does. (The full simulator lives in the test kit.)
 */
public final class WireCpe {

    /** What the ACS answered. */
    public record Reply(int status, Optional<CwmpEnvelope> envelope, HttpResponse<byte[]> http) {
        public CwmpMessage body() {
            return envelope.orElseThrow(() -> new AssertionError("no envelope in a " + status + " reply")).body();
        }

        public Optional<String> id() {
            return envelope.flatMap(e -> e.headers().id());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CwmpCodec codec = CwmpCodec.create();
    private final URI acs;
    private final DeviceIdStruct deviceId;
    private final List<String> extraHeaders = new ArrayList<>();
    private CwmpVersion version = CwmpVersion.V1_2;
    private String cookie;
    private int ids;

    public WireCpe(URI acs, String oui, String productClass, String serial) {
        this.acs = acs;
        this.deviceId = new DeviceIdStruct("Test Corp", oui, productClass, serial);
    }

    /** Sends this header with every request (e.g. Authorization). */
    public WireCpe header(String name, String value) {
        extraHeaders.add(name);
        extraHeaders.add(value);
        return this;
    }

    public WireCpe version(CwmpVersion v) {
        this.version = v;
        return this;
    }

    public void forgetCookie() {
        cookie = null;
    }

    public Optional<String> cookie() {
        return Optional.ofNullable(cookie);
    }

    public void useCookie(String value) {
        cookie = value;
    }

    /** An Inform for a TR-181 device with the given events and a few standard values. */
    public Inform informMessage(String... events) {
        List<EventStruct> ev = new ArrayList<>();
        for (String e : events) {
            ev.add(EventStruct.of(e));
        }
        return new Inform(deviceId, ev, 1, Instant.parse("2026-11-25T10:00:00Z"), 0, List.of(
                new ParameterValueStruct("Device.DeviceInfo.SoftwareVersion", "6.40.5", XsdType.STRING),
                new ParameterValueStruct("Device.DeviceInfo.HardwareVersion", "r2", XsdType.STRING),
                new ParameterValueStruct("Device.ManagementServer.ConnectionRequestURL",
                        "http://127.0.0.1:1/cr", XsdType.STRING),
                new ParameterValueStruct("Device.ManagementServer.ParameterKey", "", XsdType.STRING)));
    }

    public Reply inform(String... events) {
        return send(informMessage(events));
    }

    /** Posts a message in an envelope with a fresh cwmp:ID. */
    public Reply send(CwmpMessage message) {
        return sendWithId("cpe-" + (++ids), message);
    }

    public Reply sendWithId(String id, CwmpMessage message) {
        return post(codec.encode(CwmpEnvelope.of(version, id, message)), List.of());
    }

    public Reply emptyPost() {
        return post(new byte[0], List.of());
    }

    /** Posts raw bytes with extra headers. */
    public Reply post(byte[] body, List<String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(acs).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            b.header("Content-Type", "text/xml; charset=utf-8");
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        for (int i = 0; i < extraHeaders.size(); i += 2) {
            b.header(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c); // whole value, attributes too
            Optional<CwmpEnvelope> env = r.body().length == 0 ? Optional.empty() : Optional.of(codec.decode(r.body()));
            return new Reply(r.statusCode(), env, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
