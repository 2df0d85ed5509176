package dev.cwmp.testkit.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static HttpResponseReader reader(String wire) {
        return new HttpResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Hands out one byte per read, as a slow network might. */
    private static HttpResponseReader trickling(String wire) {
        InputStream in = new FilterInputStream(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(1, len));
            }
        };
        return new HttpResponseReader(in);
    }

    private static String body(HttpResponseReader r) {
        return new String(r.body(), 0, r.bodyLength(), StandardCharsets.UTF_8);
    }

    @Test
    void reads_keep_alive_responses_one_after_another_by_content_length() throws IOException {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        r.read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(body(r)).isEqualTo("hello");
        assertThat(r.connectionClose()).isFalse();
        r.read();
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.bodyLength()).isZero();
        assertThat(r.connectionClose()).isTrue();
    }

    @Test
    void header_names_and_close_are_matched_case_insensitively() throws IOException {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\ncontent-LENGTH:  3 \r\nCONNECTION: Close\r\n\r\nabc");
        r.read();
        assertThat(body(r)).isEqualTo("abc");
        assertThat(r.connectionClose()).isTrue();
    }

    @Test
    void keeps_every_set_cookie_value_whole() throws IOException {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/; HttpOnly\r\nset-cookie: b=2\r\n"
                + "Content-Length: 0\r\n\r\n");
        r.read();
        assertThat(r.setCookies()).containsExactly("a=1; Path=/; HttpOnly", "b=2");
        r = reader("HTTP/1.1 204 No Content\r\n\r\n");
        r.read();
        assertThat(r.setCookies()).isEmpty();
    }

    @Test
    void reads_a_response_that_arrives_one_byte_at_a_time() throws IOException {
        HttpResponseReader r = trickling("HTTP/1.1 200 OK\r\nContent-Length: 11\r\nSet-Cookie: s=x\r\n\r\nhello world"
                + "HTTP/1.1 204 No Content\r\n\r\n");
        r.read();
        assertThat(body(r)).isEqualTo("hello world");
        assertThat(r.setCookies()).containsExactly("s=x");
        r.read();
        assertThat(r.status()).isEqualTo(204);
    }

    @Test
    void decodes_a_chunked_body_with_extensions_and_trailers() throws IOException {
        HttpResponseReader r = trickling("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");
        r.read();
        assertThat(body(r)).isEqualTo("hello world");
        r.read();
        assertThat(r.status()).isEqualTo(204);
    }

    @Test
    void a_body_larger_than_the_first_buffer_is_read_whole() throws IOException {
        String big = "x".repeat(50_000);
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nContent-Length: 50000\r\n\r\n" + big);
        r.read();
        assertThat(body(r)).isEqualTo(big);
        r = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(20_000) + "\r\n"
                + "y".repeat(20_000) + "\r\n" + Integer.toHexString(30_000) + "\r\n" + "z".repeat(30_000) + "\r\n0\r\n\r\n");
        r.read();
        assertThat(body(r)).isEqualTo("y".repeat(20_000) + "z".repeat(30_000));
    }

    @Test
    void without_length_the_body_runs_to_the_end_of_the_connection() throws IOException {
        HttpResponseReader r = reader("HTTP/1.0 200 OK\r\n\r\nuntil the end");
        r.read();
        assertThat(body(r)).isEqualTo("until the end");
        assertThat(r.connectionClose()).isTrue();
    }

    @Test
    void http_1_0_closes_unless_keep_alive_is_announced() throws IOException {
        HttpResponseReader r = reader("HTTP/1.0 204 No Content\r\n\r\n");
        r.read();
        assertThat(r.connectionClose()).isTrue();
        r = reader("HTTP/1.0 204 No Content\r\nConnection: keep-alive\r\n\r\n");
        r.read();
        assertThat(r.connectionClose()).isFalse();
    }

    @Test
    void rejects_what_is_not_http() {
        assertThatThrownBy(() -> reader("SSH-2.0-OpenSSH\r\n\r\n").read()).isInstanceOf(ProtocolViolation.class);
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n").read())
                .isInstanceOf(ProtocolViolation.class);
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n").read())
                .isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void rejects_oversized_heads_and_bodies() {
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nX: " + "a".repeat(20_000) + "\r\n\r\n").read())
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("head");
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n").read())
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("body");
    }

    @Test
    void a_connection_closed_early_is_an_end_of_stream() {
        assertThatThrownBy(() -> reader("").read()).isInstanceOf(EOFException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort").read())
                .isInstanceOf(EOFException.class).hasMessageContaining("body");
    }
}
