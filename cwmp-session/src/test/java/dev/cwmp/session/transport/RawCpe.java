package dev.cwmp.session.transport;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;
import dev.cwmp.protocol.CwmpVersion;
import dev.cwmp.protocol.rpc.CwmpMessage;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.testing.WireCpe;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * A CPE over {@link RawHttpConnection}: real envelopes, the session cookie kept, one TCP connection
 * reused until the ACS says {@code Connection: close}, and a count of the connections it opened.
 */
final class RawCpe implements AutoCloseable {

    /** A response and the envelope in it, if any. */
    record Reply(RawHttpConnection.Response http, Optional<CwmpEnvelope> envelope) {
        int status() {
            return http.status();
        }

        CwmpMessage body() {
            return envelope.orElseThrow(() -> new AssertionError("no envelope in " + http.statusLine())).body();
        }

        Optional<String> id() {
            return envelope.flatMap(e -> e.headers().id());
        }
    }

    private final CwmpCodec codec = CwmpCodec.create();
    private final URI url;
    private final SocketFactory sockets;
    private final WireCpe messages;
    private final List<String> extraHeaders = new ArrayList<>();
    private RawHttpConnection connection;
    private RawHttpConnection released;
    private int connectionsOpened;
    private Optional<String> cookie = Optional.empty();
    private int ids;

    RawCpe(URI url, SocketFactory sockets, DeviceId device) {
        this.url = url;
        this.sockets = sockets;
        this.messages = new WireCpe(url, device.oui(), device.productClass(), device.serialNumber());
    }

    RawCpe(URI url, DeviceId device) {
        this(url, SocketFactory.getDefault(), device);
    }

    /** Sends this header with every request. */
    RawCpe header(String name, String value) {
        extraHeaders.add(name);
        extraHeaders.add(value);
        return this;
    }

    Reply inform(String... events) {
        return send(messages.informMessage(events));
    }

    Reply send(CwmpMessage message) {
        return sendWithId("cpe-" + (++ids), message);
    }

    Reply sendWithId(String id, CwmpMessage message) {
        return post(envelope(id, message), List.of());
    }

    Reply emptyPost() {
        return post(new byte[0], List.of());
    }

    /** The bytes of an envelope as this CPE would send it. */
    byte[] envelope(String id, CwmpMessage message) {
        return codec.encode(CwmpEnvelope.of(CwmpVersion.V1_2, id, message));
    }

    /** An Inform message for this CPE's device. */
    CwmpMessage informMessage(String... events) {
        return messages.informMessage(events);
    }

    Reply post(byte[] body, List<String> headers) {
        return request("POST", target(), body, headers);
    }

    /** Posts with a chunked body (chunks of {@code chunkSize} bytes; none for an empty body). */
    Reply postChunked(byte[] body, int chunkSize) {
        return request("POST", target(), body, List.of(), chunkSize);
    }

    private String target() {
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    Reply request(String method, String target, byte[] body, List<String> headers) {
        return request(method, target, body, headers, 0);
    }

    private Reply request(String method, String target, byte[] body, List<String> headers, int chunkSize) {
        List<String> all = new ArrayList<>(extraHeaders);
        all.addAll(headers);
        if (body.length > 0) {
            all.add("Content-Type");
            all.add("text/xml; charset=utf-8");
        }
        cookie.ifPresent(c -> {
            all.add("Cookie");
            all.add(c);
        });
        RawHttpConnection.Response response = chunkSize > 0
                ? connection().exchangeChunked(method, target, all, body, chunkSize)
                : connection().exchange(method, target, all, body);
        response.header("Set-Cookie").ifPresent(c -> cookie = Optional.of(c.split(";", 2)[0]));
        if (response.closesConnection()) {
            if (released != null) {
                released.close();
            }
            released = connection;
            connection = null;
        }
        Optional<CwmpEnvelope> envelope = response.body().length == 0 || !response.bodyText().contains("Envelope")
                ? Optional.empty() : Optional.of(codec.decode(response.body()));
        return new Reply(response, envelope);
    }

    /** The current connection, opened if needed. */
    RawHttpConnection connection() {
        if (connection == null) {
            connection = RawHttpConnection.open(url, sockets);
            connectionsOpened++;
        }
        return connection;
    }

    /** Whether the ACS really closed the connection its last {@code Connection: close} response came on. */
    boolean serverClosedTheReleasedConnection() {
        if (released == null) {
            throw new AssertionError("no response said Connection: close");
        }
        try {
            return released.closedByServer();
        } finally {
            released.close();
            released = null;
        }
    }

    int connectionsOpened() {
        return connectionsOpened;
    }

    Optional<String> cookie() {
        return cookie;
    }

    void useCookie(String value) {
        cookie = Optional.of(value);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (released != null) {
            released.close();
        }
    }
}
