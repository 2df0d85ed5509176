package dev.cwmp.provisioning.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The file server over real HTTP on loopback. */
class FileServerTest {

    private static final String NAME = "routeros-mipsbe-6.49.7.npk";
    /** 0..99 as two-digit numbers: 200 bytes whose every offset is recognisable. */
    private static final String CONTENT = numbers();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FileStore store;
    private FileServer server;
    private FileMetadata stored;

    private static String numbers() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sb.append(String.format("%02d", i));
        }
        return sb.toString();
    }

    @BeforeEach
    void start() throws IOException {
        store = FileStore.inMemory(InstantSource.fixed(Instant.parse("2026-11-25T12:00:00Z")));
        stored = store.put(NAME, FileInfo.ofType("1 Firmware Upgrade Image"),
                new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.US_ASCII)), 1 << 20);
        server = FileServer.start(store, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String name, String... headers) throws Exception {
        return send(method, server.baseUrl().resolve(name), headers);
    }

    private HttpResponse<String> send(String method, URI url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private String etag() {
        return "\"" + stored.sha256() + "\"";
    }

    @Test
    void urls_name_the_bound_loopback_address_and_encode_the_file_name() {
        assertThat(server.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
        assertThat(server.urlOf(NAME)).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/" + NAME));
        assertThat(server.urlOf("RouterOS 6.49 (\u00fc).xml").getRawPath()).isEqualTo("/RouterOS%206.49%20%28%C3%BC%29.xml");
        assertThatThrownBy(() -> server.urlOf("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void get_sends_the_whole_file_with_length_etag_and_type() throws Exception {
        HttpResponse<String> r = send("GET", server.urlOf(NAME));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(CONTENT);
        assertThat(header(r, "Content-Length")).isEqualTo("200");
        assertThat(header(r, "ETag")).isEqualTo(etag());
        assertThat(header(r, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(r, "Content-Type")).isEqualTo("application/octet-stream");
        assertThat(header(r, "Last-Modified")).isEqualTo("Wed, 25 Nov 2026 12:00:00 GMT");
    }

    @Test
    void a_name_with_spaces_and_unicode_is_served_by_its_encoded_url() throws Exception {
        String name = "RouterOS 6.49 (\u00fc).xml";
        store.put(name, FileInfo.none(), new ByteArrayInputStream("<list/>".getBytes(StandardCharsets.UTF_8)), 100);
        HttpResponse<String> r = send("GET", server.urlOf(name));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("<list/>");
        assertThat(header(r, "Content-Type")).isEqualTo("application/xml");
    }

    @Test
    void head_sends_the_headers_of_get_without_a_body() throws Exception {
        HttpResponse<String> r = send("HEAD", NAME);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(header(r, "Content-Length")).isEqualTo("200");
        assertThat(header(r, "ETag")).isEqualTo(etag());
    }

    @Test
    void an_empty_file_has_content_length_zero() throws Exception {
        store.put("empty.bin", FileInfo.none(), new ByteArrayInputStream(new byte[0]), 10);
        HttpResponse<String> r = send("GET", "empty.bin");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(header(r, "Content-Length")).isEqualTo("0");
        assertThat(send("GET", "empty.bin", "Range", "bytes=0-").statusCode()).isEqualTo(416);
    }

    @Test
    void a_single_range_is_sent_as_206_with_its_content_range() throws Exception {
        HttpResponse<String> r = send("GET", NAME, "Range", "bytes=10-19");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).isEqualTo("0506070809");
        assertThat(header(r, "Content-Range")).isEqualTo("bytes 10-19/200");
        assertThat(header(r, "Content-Length")).isEqualTo("10");
    }

    @Test
    void open_ended_suffix_and_overlong_ranges_are_clamped_to_the_file() throws Exception {
        HttpResponse<String> open = send("GET", NAME, "Range", "bytes=196-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo("9899");
        assertThat(header(open, "Content-Range")).isEqualTo("bytes 196-199/200");

        HttpResponse<String> suffix = send("GET", NAME, "Range", "bytes=-3");
        assertThat(suffix.body()).isEqualTo("899");
        assertThat(header(suffix, "Content-Range")).isEqualTo("bytes 197-199/200");

        HttpResponse<String> longer = send("GET", NAME, "Range", "bytes=-1000");
        assertThat(longer.statusCode()).isEqualTo(206);
        assertThat(longer.body()).isEqualTo(CONTENT);
        assertThat(header(longer, "Content-Range")).isEqualTo("bytes 0-199/200");

        HttpResponse<String> pastEnd = send("GET", NAME, "Range", "bytes=199-5000");
        assertThat(pastEnd.body()).isEqualTo("9");
        assertThat(header(pastEnd, "Content-Range")).isEqualTo("bytes 199-199/200");

        HttpResponse<String> last = send("HEAD", NAME, "Range", "bytes=0-0");
        assertThat(last.statusCode()).isEqualTo(206);
        assertThat(header(last, "Content-Length")).isEqualTo("1");
    }

    @Test
    void a_range_starting_past_the_end_or_an_empty_suffix_is_416() throws Exception {
        for (String range : List.of("bytes=200-", "bytes=200-300", "bytes=-0", "bytes=99999999999999999999999-")) {
            HttpResponse<String> r = send("GET", NAME, "Range", range);
            assertThat(r.statusCode()).as(range).isEqualTo(416);
            assertThat(header(r, "Content-Range")).as(range).isEqualTo("bytes */200");
            assertThat(header(r, "Content-Length")).as(range).isNotNull();
        }
    }

    @Test
    void malformed_multiple_or_foreign_unit_ranges_get_the_whole_file() throws Exception {
        for (String range : List.of("bytes=5-1", "bytes=0-1,5-6", "items=0-1", "bytes=a-b", "bytes=1", "bytes=--1")) {
            HttpResponse<String> r = send("GET", NAME, "Range", range);
            assertThat(r.statusCode()).as(range).isEqualTo(200);
            assertThat(r.body()).as(range).isEqualTo(CONTENT);
        }
    }

    @Test
    void if_none_match_with_the_etag_is_304_and_another_etag_gets_the_file() throws Exception {
        HttpResponse<String> same = send("GET", NAME, "If-None-Match", "\"other\", " + etag());
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(header(same, "ETag")).isEqualTo(etag());
        assertThat(send("GET", NAME, "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(send("HEAD", NAME, "If-None-Match", "W/" + etag()).statusCode()).isEqualTo(304);

        HttpResponse<String> other = send("GET", NAME, "If-None-Match", "\"0000\"");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(CONTENT);
    }

    @Test
    void if_range_with_a_stale_etag_sends_the_whole_new_file() throws Exception {
        assertThat(send("GET", NAME, "Range", "bytes=0-1", "If-Range", etag()).statusCode()).isEqualTo(206);
        HttpResponse<String> stale = send("GET", NAME, "Range", "bytes=0-1", "If-Range", "\"stale\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(CONTENT);
    }

    @Test
    void a_replaced_file_has_a_new_etag() throws Exception {
        String before = header(send("HEAD", NAME), "ETag");
        store.put(NAME, FileInfo.none(), new ByteArrayInputStream("v2".getBytes(StandardCharsets.US_ASCII)), 10);
        HttpResponse<String> after = send("GET", NAME, "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("v2");
        assertThat(header(after, "ETag")).isNotEqualTo(before);
    }

    @Test
    void unknown_and_invalid_names_are_404() throws Exception {
        assertThat(send("GET", "missing.npk").statusCode()).isEqualTo(404);
        assertThat(send("HEAD", "missing.npk").statusCode()).isEqualTo(404);
        assertThat(send("GET", "").statusCode()).isEqualTo(404);
        assertThat(send("GET", "a/" + NAME).statusCode()).isEqualTo(404);
        assertThat(send("GET", "%2E%2E%2F" + NAME).statusCode()).isEqualTo(404);
        assertThat(rawGet("/%zz")).startsWith("HTTP/1.1 400"); // the JDK server refuses a malformed URI itself
        assertThat(send("GET", "%00x").statusCode()).isEqualTo(404);
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void a_raw_traversal_path_is_404() throws Exception {
        assertThat(rawGet("/../../etc/passwd")).startsWith("HTTP/1.1 404");
        assertThat(rawGet("/..%2F..%2Fetc%2Fpasswd")).startsWith("HTTP/1.1 404");
        assertThat(rawGet("/" + NAME)).startsWith("HTTP/1.1 200");
    }

    @Test
    void other_methods_are_405_with_allow() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
            HttpResponse<String> r = send(method, NAME);
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(header(r, "Allow")).isEqualTo("GET, HEAD");
        }
        assertThat(store.metadata(NAME)).isPresent();
    }

    @Test
    void many_clients_read_a_large_file_at_once() throws Exception {
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + (i >>> 11));
        }
        store.put("large.bin", FileInfo.none(), new ByteArrayInputStream(large), large.length);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> reads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                reads.add(pool.submit(() -> client.send(HttpRequest.newBuilder(server.urlOf("large.bin")).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body()));
            }
            for (Future<byte[]> read : reads) {
                assertThat(Arrays.equals(read.get(60, TimeUnit.SECONDS), large)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_closed_server_refuses_connections() {
        URI url = server.urlOf(NAME);
        server.close();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void a_directory_store_is_served_the_same_way(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        FileStore files = FileStore.directory(dir);
        files.put("upgrade.xml", FileInfo.none(), new ByteArrayInputStream("<x/>".getBytes(StandardCharsets.UTF_8)), 10);
        try (FileServer other = FileServer.start(files, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            HttpResponse<String> r = send("GET", other.urlOf("upgrade.xml"), "Range", "bytes=1-2");
            assertThat(r.statusCode()).isEqualTo(206);
            assertThat(r.body()).isEqualTo("x/");
            try (InputStream in = files.open("upgrade.xml").orElseThrow()) {
                assertThat(in.readAllBytes()).hasSize(4);
            }
        }
    }
}
