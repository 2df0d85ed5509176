package dev.cwmp.session.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 connection over a plain (or TLS) socket, written by hand so that the tests see the
 * raw status line and know for certain which requests shared a TCP connection.
 */
final class RawHttpConnection implements AutoCloseable {

    /** A response as it came off the wire. */
    record Response(String statusLine, Map<String, List<String>> headers, byte[] body) {
        int status() {
            return Integer.parseInt(statusLine.split(" ", 3)[1]);
        }

        Optional<String> header(String name) {
            List<String> values = headers.getOrDefault(name, List.of());
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        List<String> headerValues(String name) {
            return headers.getOrDefault(name, List.of());
        }

        boolean closesConnection() {
            return headerValues("Connection").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("close"));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    private RawHttpConnection(Socket socket, String host) throws IOException {
        this.socket = socket;
        this.host = host;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to the URL's host and port with the factory (plain or TLS); 10 s read timeout. */
    static RawHttpConnection open(URI url, SocketFactory factory) {
        try {
            Socket socket = factory.createSocket();
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            if (socket instanceof SSLSocket tls) {
                tls.startHandshake();
            }
            return new RawHttpConnection(socket, url.getHost() + ":" + url.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawHttpConnection open(URI url) {
        return open(url, SocketFactory.getDefault());
    }

    /** Sends a request with a Content-Length body and reads the response. */
    Response exchange(String method, String target, List<String> headers, byte[] body) {
        try {
            writeHead(method, target, headers, body.length);
            out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request with a chunked body in chunks of {@code chunkSize} bytes and reads the response. */
    Response exchangeChunked(String method, String target, List<String> headers, byte[] body, int chunkSize) {
        try {
            writeHead(method, target, headers, "Transfer-Encoding: chunked");
            for (int from = 0; from < body.length; from += chunkSize) {
                int n = Math.min(chunkSize, body.length - from);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, from, n);
                out.write(CRLF);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the request line and headers (with Host and Content-Length), leaving the body to the caller. */
    void writeHead(String method, String target, List<String> headers, long contentLength) throws IOException {
        writeHead(method, target, headers, "Content-Length: " + contentLength);
    }

    private void writeHead(String method, String target, List<String> headers, String framing) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        for (int i = 0; i < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        head.append(framing).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The client's end of the connection. */
    int localPort() {
        return socket.getLocalPort();
    }

    OutputStream output() {
        return out;
    }

    /** Reads one response: status line, headers, and a Content-Length or chunked body. */
    Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        byte[] body;
        if (status == 204 || status == 304 || status < 200) {
            body = new byte[0];
        } else if (headers.getOrDefault("Transfer-Encoding", List.of()).stream().anyMatch(v -> v.contains("chunked"))) {
            body = readChunked();
        } else if (headers.containsKey("Content-Length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("Content-Length").get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Response(statusLine, headers, body);
    }

    /** Whether the server has closed its side (reads end of stream; fails on a 10 s timeout). */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
            if (n == 0) {
                for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do in a test
        }
    }
}
