package dev.cwmp.session.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.session.Acs;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.SocketTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP framing limits of {@link SocketTransport}, on raw sockets over loopback. */
class SocketTransportFramingTest {

    private Acs acs;
    private SocketTransport http;

    @BeforeEach
    void start() {
        acs = Acs.builder().authenticator(CpeAuthenticator.none()).build();
        http = SocketTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        http.close();
        acs.close();
    }

    private String exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", http.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all); // the server closes after an error
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void a_malformed_request_line_gets_400_and_the_connection_closes() throws IOException {
        assertThat(exchange("HELLO\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close");
    }

    @Test
    void too_many_headers_get_431_and_the_connection_closes() throws IOException {
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 150; i++) {
            request.append("X-H").append(i).append(": v\r\n");
        }
        assertThat(exchange(request.append("\r\n").toString())).startsWith("HTTP/1.1 431 ");
    }

    @Test
    void a_negative_content_length_gets_400() throws IOException {
        assertThat(exchange("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void an_http_1_0_request_is_answered_and_the_connection_closed() throws IOException {
        String reply = exchange("GET / HTTP/1.0\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 405 Method Not Allowed\r\n").contains("Allow: POST")
                .contains("Connection: close");
    }
}
