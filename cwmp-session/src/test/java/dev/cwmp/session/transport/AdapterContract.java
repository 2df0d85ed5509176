package dev.cwmp.session.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.protocol.DecodeLimits;
import dev.cwmp.protocol.rpc.CwmpFault;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.GetRPCMethods;
import dev.cwmp.protocol.rpc.InformResponse;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.Acs;
import dev.cwmp.session.AcsListener;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionEnd;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.session.auth.CpeAuthRequest;
import dev.cwmp.session.auth.CpeAuthResult;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.DigestOptions;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.session.testing.IndependentDigest;
import dev.cwmp.session.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every transport adapter must do, over real HTTP on 127.0.0.1: each adapter's test extends
 * this class and says how to serve an {@link Acs} on a free loopback port. The engine's own rules
 * are tested elsewhere; these tests are about the wire.
 */
abstract class AdapterContract {

    /** An adapter serving an {@link Acs}. */
    interface RunningAdapter extends AutoCloseable {
        /** The base URL, ending with {@code /}. */
        URI url();

        @Override
        void close();
    }

    /** Serves {@code acs} on a free port of 127.0.0.1. */
    protected abstract RunningAdapter start(Acs acs);

    static final DeviceId DEVICE = new DeviceId("E48D8C", "RB951Ui-2HnD", "4AC7046131E4");
    static final DeviceId OTHER = new DeviceId("E48D8C", "RB951Ui-2HnD", "5BD8157242F5");
    private static final String USER = "cpe-4AC7046131E4";
    private static final String PASSWORD = "s3cret-pa55";
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final BlockingQueue<SessionEnd> ends = new LinkedBlockingQueue<>();
    private Acs acs;
    private RunningAdapter adapter;

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (acs != null) {
            acs.close();
        }
    }

    private URI serve(CpeAuthenticator authenticator) {
        acs = Acs.builder().authenticator(authenticator).clock(clock).listener(new AcsListener() {
            @Override
            public void sessionEnded(DeviceId id, String sessionId, SessionEnd end, Duration d, int requests) {
                ends.add(end);
            }
        }).build();
        adapter = start(acs);
        return adapter.url();
    }

    private URI serve() {
        return serve(CpeAuthenticator.none());
    }

    private CpeAuthenticator passwords(CpeCredential credential) {
        return CpeAuthenticator.basicOrDigest(CpeCredentials.single(credential),
                DigestOptions.builder().clock(clock).build());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bare_session_is_an_inform_then_an_empty_post_answered_204() {
        try (RawCpe cpe = new RawCpe(serve(), DEVICE)) {
            RawCpe.Reply informed = cpe.inform("0 BOOTSTRAP", "1 BOOT");
            assertThat(informed.status()).isEqualTo(200);
            assertThat(informed.body()).isEqualTo(new InformResponse(1));
            assertThat(informed.id()).contains("cpe-1");
            assertThat(informed.http().header("Set-Cookie").orElseThrow())
                    .matches("cwmp_session=[A-Za-z0-9_-]{22}; Path=/; HttpOnly");
            assertThat(informed.http().header("Content-Type").orElseThrow()).startsWith("text/xml");

            RawCpe.Reply end = cpe.emptyPost();
            assertThat(end.status()).isEqualTo(204);
            assertThat(end.http().body()).isEmpty();
        }
        assertThat(acs.devices().record(DEVICE)).isPresent();
        assertThat(acs.openSessions()).isZero();
        assertThat(ends).containsExactly(SessionEnd.COMPLETED);
    }

    @Test
    void a_queued_task_runs_to_completion() throws Exception {
        URI url = serve();
        TaskHandle handle = acs.submit(DEVICE,
                new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")), TaskOptions.DEFAULT);
        try (RawCpe cpe = new RawCpe(url, DEVICE)) {
            cpe.inform("2 PERIODIC");
            RawCpe.Reply request = cpe.emptyPost();
            assertThat(request.body()).isEqualTo(new GetParameterValues(List.of("Device.DeviceInfo.UpTime")));
            RawCpe.Reply end = cpe.sendWithId(request.id().orElseThrow(), new GetParameterValuesResponse(
                    List.of(new ParameterValueStruct("Device.DeviceInfo.UpTime", "3600", XsdType.UNSIGNED_INT))));
            assertThat(end.status()).isEqualTo(204);
        }
        assertThat(handle.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(TaskOutcome.Done.class);
        assertThat(acs.devices().parameters(DEVICE).orElseThrow()
                .value(ParameterPath.parse("Device.DeviceInfo.UpTime"))).contains("3600");
    }

    @Test
    void a_session_keeps_one_connection_and_its_final_204_closes_it() {
        URI url = serve();
        acs.submit(DEVICE, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")), TaskOptions.DEFAULT);
        try (RawCpe cpe = new RawCpe(url, DEVICE)) {
            assertThat(cpe.inform("2 PERIODIC").http().closesConnection()).isFalse();
            assertThat(cpe.send(new GetRPCMethods()).http().closesConnection()).isFalse();
            RawCpe.Reply request = cpe.emptyPost();
            assertThat(request.http().closesConnection()).isFalse();
            RawCpe.Reply end = cpe.sendWithId(request.id().orElseThrow(), new GetParameterValuesResponse(List.of()));

            assertThat(end.status()).isEqualTo(204);
            assertThat(cpe.connectionsOpened()).as("TCP connections for a 4-request session").isEqualTo(1);
            assertThat(end.http().closesConnection()).isTrue();
            assertThat(cpe.serverClosedTheReleasedConnection()).isTrue();
        }
    }

    @Test
    void every_status_line_carries_its_reason_phrase() {
        URI url = serve(passwords(CpeCredential.of(USER, Secret.of(PASSWORD))));
        try (RawCpe anonymous = new RawCpe(url, DEVICE)) {
            assertThat(anonymous.inform("1 BOOT").http().statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(anonymous.request("GET", "/", new byte[0], List.of()).http().statusLine())
                    .isEqualTo("HTTP/1.1 405 Method Not Allowed");
        }
        try (RawCpe cpe = new RawCpe(url, DEVICE).header("Authorization", basic(USER, PASSWORD))) {
            assertThat(cpe.emptyPost().http().statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(cpe.inform("1 BOOT").http().statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(cpe.emptyPost().http().statusLine()).isEqualTo("HTTP/1.1 204 No Content");
        }
    }

    @Test
    void responses_carry_no_xml_declaration() {
        try (RawCpe cpe = new RawCpe(serve(), DEVICE)) {
            RawCpe.Reply fault = cpe.send(new GetRPCMethods()); // not in session: a SOAP fault
            assertThat(fault.status()).isEqualTo(500);
            assertThat(fault.body()).isInstanceOf(CwmpFault.class);
            RawCpe.Reply informed = cpe.inform("1 BOOT");
            for (RawCpe.Reply reply : List.of(fault, informed)) {
                assertThat(reply.http().bodyText()).doesNotContain("<?xml").startsWith("<");
            }
        }
    }

    @Test
    void the_engine_sees_the_request_as_sent() {
        List<CpeAuthRequest> seen = new CopyOnWriteArrayList<>();
        URI url = serve(request -> {
            seen.add(request);
            return new CpeAuthResult.Authenticated("seen", Optional.empty());
        });
        try (RawCpe cpe = new RawCpe(url.resolve("/acs/cpe?serial=4AC7046131E4&x=a%20b"), DEVICE)
                .header("Authorization", "Custom one").header("authorization", "Custom two")) {
            assertThat(cpe.inform("1 BOOT").status()).isEqualTo(200);
            CpeAuthRequest request = seen.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.requestUri()).isEqualTo("/acs/cpe?serial=4AC7046131E4&x=a%20b");
            assertThat(request.authorizationHeaders()).containsExactly("Custom one", "Custom two");
            assertThat(request.peerAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(request.peerAddress().getPort()).isEqualTo(cpe.connection().localPort());
            assertThat(request.clientCertificateChain()).isEmpty();
        }
    }

    @Test
    void basic_authentication_opens_a_session() {
        URI url = serve(passwords(CpeCredential.boundTo(USER, Secret.of(PASSWORD), DEVICE.toString())));
        try (RawCpe cpe = new RawCpe(url, DEVICE).header("Authorization", basic(USER, PASSWORD))) {
            assertThat(cpe.inform("1 BOOT").status()).isEqualTo(200);
            assertThat(cpe.emptyPost().status()).isEqualTo(204);
        }
        assertThat(ends).containsExactly(SessionEnd.COMPLETED);
    }

    @Test
    void digest_authentication_opens_a_session_on_the_challenged_connection() {
        URI url = serve(passwords(CpeCredential.boundTo(USER, Secret.of(PASSWORD), DEVICE.toString())));
        try (RawCpe cpe = new RawCpe(url.resolve("/acs?cpe=1"), DEVICE)) {
            byte[] inform = cpe.envelope("d1", cpe.informMessage("2 PERIODIC"));
            RawCpe.Reply challenged = cpe.post(inform, List.of());
            assertThat(challenged.status()).isEqualTo(401);
            List<String> challenges = challenged.http().headerValues("WWW-Authenticate");
            assertThat(challenges).anyMatch(c -> c.startsWith("Basic "));
            String sha256 = challenges.stream().filter(c -> c.startsWith("Digest ") && c.contains("SHA-256"))
                    .findFirst().orElseThrow();

            String authorization = IndependentDigest.authorization(sha256, USER, PASSWORD, "POST", "/acs?cpe=1",
                    "00000001", "0a4f113b");
            RawCpe.Reply informed = cpe.post(inform, List.of("Authorization", authorization));
            assertThat(informed.status()).isEqualTo(200);
            assertThat(informed.body()).isEqualTo(new InformResponse(1));
            assertThat(cpe.emptyPost().status()).isEqualTo(204);
            assertThat(cpe.connectionsOpened()).as("the challenge kept the connection").isEqualTo(1);
        }
        assertThat(acs.devices().record(DEVICE)).isPresent();
    }

    @Test
    void a_wrong_password_gets_401_with_challenges() {
        URI url = serve(passwords(CpeCredential.of(USER, Secret.of(PASSWORD))));
        try (RawCpe cpe = new RawCpe(url, DEVICE).header("Authorization", basic(USER, "wrong"))) {
            RawCpe.Reply refused = cpe.inform("1 BOOT");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.http().headerValues("WWW-Authenticate")).isNotEmpty()
                    .anyMatch(c -> c.startsWith("Digest ")).anyMatch(c -> c.startsWith("Basic "));
        }
        try (RawCpe cpe = new RawCpe(url, DEVICE).header("Authorization", basic("nobody", PASSWORD))) {
            RawCpe.Reply refused = cpe.inform("1 BOOT");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.http().headerValues("WWW-Authenticate")).isNotEmpty();
        }
        assertThat(acs.devices().ids()).isEmpty();
    }

    @Test
    void a_credential_bound_to_another_device_gets_403() {
        URI url = serve(passwords(CpeCredential.boundTo(USER, Secret.of(PASSWORD), OTHER.toString())));
        try (RawCpe cpe = new RawCpe(url, DEVICE).header("Authorization", basic(USER, PASSWORD))) {
            RawCpe.Reply refused = cpe.inform("1 BOOT");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.http().statusLine()).startsWith("HTTP/1.1 403 ");
        }
        assertThat(acs.devices().ids()).isEmpty();
        assertThat(acs.openSessions()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "raw deflate"})
    void compressed_request_bodies_are_read(String encoding) throws IOException {
        try (RawCpe cpe = new RawCpe(serve(), DEVICE)) {
            byte[] xml = cpe.envelope("z1", cpe.informMessage("1 BOOT"));
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (OutputStream out = switch (encoding) {
                case "gzip" -> new GZIPOutputStream(packed);
                case "deflate" -> new DeflaterOutputStream(packed, new Deflater(Deflater.DEFAULT_COMPRESSION, false));
                default -> new DeflaterOutputStream(packed, new Deflater(Deflater.DEFAULT_COMPRESSION, true));
            }) {
                out.write(xml);
            }
            RawCpe.Reply reply = cpe.post(packed.toByteArray(),
                    List.of("Content-Encoding", encoding.equals("gzip") ? "gzip" : "deflate"));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(new InformResponse(1));
            assertThat(reply.id()).contains("z1");
        }
    }

    @Test
    void chunked_bodies_and_a_chunked_empty_post_are_read() {
        URI url = serve();
        acs.submit(DEVICE, new TaskAction.GetParameterValues(List.of("Device.DeviceInfo.UpTime")), TaskOptions.DEFAULT);
        try (RawCpe cpe = new RawCpe(url, DEVICE)) {
            RawCpe.Reply informed = cpe.postChunked(cpe.envelope("c1", cpe.informMessage("2 PERIODIC")), 100);
            assertThat(informed.body()).isEqualTo(new InformResponse(1));
            RawCpe.Reply request = cpe.postChunked(new byte[0], 100);
            assertThat(request.body()).isInstanceOf(GetParameterValues.class);
            RawCpe.Reply end = cpe.postChunked(cpe.envelope(request.id().orElseThrow(),
                    new GetParameterValuesResponse(List.of())), 7);
            assertThat(end.status()).isEqualTo(204);
            assertThat(cpe.connectionsOpened()).isEqualTo(1);
        }
        assertThat(ends).containsExactly(SessionEnd.COMPLETED);
    }

    @Test
    void expect_100_continue_gets_an_interim_100_then_the_answer() throws IOException {
        URI url = serve();
        try (RawCpe cpe = new RawCpe(url, DEVICE); RawHttpConnection connection = RawHttpConnection.open(url)) {
            byte[] inform = cpe.envelope("e1", cpe.informMessage("1 BOOT"));
            connection.writeHead("POST", "/", List.of("Content-Type", "text/xml", "Expect", "100-continue"),
                    inform.length);
            RawHttpConnection.Response interim = connection.readResponse();
            assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");
            connection.output().write(inform);
            connection.output().flush();
            RawHttpConnection.Response informed = connection.readResponse();
            assertThat(informed.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(informed.bodyText()).contains("InformResponse");
        }
    }

    @Test
    void an_oversized_streamed_body_gets_413_long_before_its_end() throws Exception {
        URI url = serve();
        long maxBytes = DecodeLimits.DEFAULT.maxBytes(); // the limits of the ACS's default codec
        assertThat(FIFTY_MB).isGreaterThan(maxBytes);
        try (RawHttpConnection connection = RawHttpConnection.open(url)) {
            connection.writeHead("POST", "/", List.of("Content-Type", "text/xml"), FIFTY_MB);
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = "<x>0123456789abcdef</x>\n".repeat(2730).getBytes(StandardCharsets.US_ASCII);
                try {
                    OutputStream out = connection.output();
                    while (sent.get() < FIFTY_MB) {
                        int n = (int) Math.min(chunk.length, FIFTY_MB - sent.get());
                        out.write(chunk, 0, n);
                        sent.addAndGet(n);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the ACS closed the connection: expected
                }
            });
            RawHttpConnection.Response response = connection.readResponse();
            long sentWhenAnswered = sent.get();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.statusLine()).startsWith("HTTP/1.1 413 ");
            assertThat(response.closesConnection()).isTrue();
            // what the client got out before the answer: the limit plus the sockets' buffers, far from 50 MB
            assertThat(sentWhenAnswered).isLessThan(maxBytes + 16L * 1024 * 1024);
            // the ACS hangs up rather than read the rest: the writer fails before the end of its 50 MB
            writer.get(10, TimeUnit.SECONDS);
            assertThat(sent.get()).as("bytes the client could write before the ACS hung up").isLessThan(FIFTY_MB);
        }
        assertThat(acs.devices().ids()).isEmpty();
    }

    @Test
    void malformed_xml_gets_400() {
        try (RawCpe cpe = new RawCpe(serve(), DEVICE)) {
            RawCpe.Reply reply = cpe.post(("<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'>"
                    + "<soap:Body><cwmp:Inform").getBytes(StandardCharsets.UTF_8), List.of());
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.http().statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        }
        assertThat(acs.devices().ids()).isEmpty();
    }

    @Test
    void a_cpe_that_hangs_up_mid_request_does_not_break_the_next_session() throws Exception {
        URI url = serve();
        try (RawCpe cpe = new RawCpe(url, DEVICE)) {
            // mid-Inform, before any session
            byte[] inform = cpe.envelope("h1", cpe.informMessage("1 BOOT"));
            hangUpMidBody(RawHttpConnection.open(url), inform, List.of());
            // mid-request inside a session: the session ends
            assertThat(cpe.inform("1 BOOT").status()).isEqualTo(200);
            hangUpMidBody(cpe.connection(), cpe.envelope("h2", new GetRPCMethods()),
                    List.of("Cookie", cpe.cookie().orElseThrow()));
            assertThat(ends.poll(10, TimeUnit.SECONDS)).isEqualTo(SessionEnd.PROTOCOL_ERROR);
        }
        try (RawCpe again = new RawCpe(url, DEVICE)) {
            assertThat(again.inform("2 PERIODIC").status()).isEqualTo(200);
            assertThat(again.send(new GetRPCMethods()).status()).isEqualTo(200);
            assertThat(again.emptyPost().status()).isEqualTo(204);
        }
        assertThat(ends.poll(10, TimeUnit.SECONDS)).isEqualTo(SessionEnd.COMPLETED);
    }

    /** Sends the head and half the body of a request, then closes the connection. */
    private static void hangUpMidBody(RawHttpConnection connection, byte[] body, List<String> headers) {
        try (connection) {
            connection.writeHead("POST", "/", headers, body.length);
            connection.output().write(body, 0, body.length / 2);
            connection.output().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
