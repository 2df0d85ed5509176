package dev.cwmp.session.internal.http;

import dev.cwmp.session.http.AcsHttpRequest;
import dev.cwmp.session.http.AcsHttpResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 connection of {@code SocketTransport}: reads requests one after the other (keep-alive),
 * hands each to the handler, writes its response. Only the framing is parsed: request line, headers,
 * a body of Content-Length bytes or chunked. Not thread-safe: one thread serves one connection.
 */
public final class HttpConnection {

    /** Longest request line, and longest header block. */
    static final int MAX_HEAD = 16 * 1024;
    /** Most header lines in a request. */
    static final int MAX_HEADERS = 100;
    /** What is read of a body the handler left unread before the connection is given up instead. */
    static final long MAX_DRAIN = 64 * 1024;

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final boolean secure;
    private final Function<AcsHttpRequest, AcsHttpResponse> handler;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] line = new byte[MAX_HEAD];

    public HttpConnection(Socket socket, boolean secure, Function<AcsHttpRequest, AcsHttpResponse> handler)
            throws IOException {
        this.socket = socket;
        this.secure = secure;
        this.handler = handler;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    /** Serves requests until the client or a response closes the connection. */
    public void serve() throws IOException {
        List<X509Certificate> chain = null;
        while (true) {
            String requestLine = readLine(true);
            if (requestLine == null) {
                return; // the client closed between requests
            }
            if (requestLine.isEmpty()) {
                continue; // a stray CRLF between requests is allowed
            }
            String[] parts = requestLine.split(" ", -1);
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                writeError(400);
                return;
            }
            boolean http10 = parts[2].equals("HTTP/1.0");
            AcsHttpRequest.Builder request = AcsHttpRequest.builder(parts[0], parts[1])
                    .remoteAddress((InetSocketAddress) socket.getRemoteSocketAddress())
                    .secure(secure);
            long contentLength = -1;
            boolean chunked = false;
            boolean expectContinue = false;
            boolean clientWantsClose = http10;
            int headers = 0;
            int headBytes = requestLine.length();
            while (true) {
                String header = readLine(false);
                if (header == null) {
                    throw new EOFException("connection closed inside the request head");
                }
                if (header.isEmpty()) {
                    break;
                }
                headBytes += header.length();
                if (++headers > MAX_HEADERS || headBytes > MAX_HEAD) {
                    writeError(431);
                    return;
                }
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    writeError(400);
                    return;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                request.header(name, value);
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "content-length":
                        try {
                            contentLength = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            contentLength = -2;
                        }
                        if (contentLength < 0) {
                            writeError(400);
                            return;
                        }
                        break;
                    case "transfer-encoding":
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        break;
                    case "expect":
                        expectContinue = value.equalsIgnoreCase("100-continue");
                        break;
                    case "connection":
                        String v = value.toLowerCase(Locale.ROOT);
                        clientWantsClose = v.contains("close") || (http10 && !v.contains("keep-alive"));
                        break;
                    default:
                        break;
                }
            }
            if (secure) {
                if (chain == null) {
                    chain = peerCertificates();
                }
                request.clientCertificates(chain);
            }
            if (expectContinue && (chunked || contentLength > 0)) {
                out.write(CONTINUE);
                out.flush();
            }
            InputStream body = chunked ? new ChunkedInputStream(in)
                    : new BoundedInputStream(in, contentLength < 0 ? 0 : contentLength);
            request.body(body);

            AcsHttpResponse response = handler.apply(request.build());

            boolean close = clientWantsClose || response.header("Connection")
                    .map(c -> c.toLowerCase(Locale.ROOT).contains("close")).orElse(false);
            if (!close && !drain(body)) {
                close = true; // too much left unread: do not read it, hang up after the response
            }
            writeResponse(response, close);
            if (close) {
                return;
            }
        }
    }

    private void writeResponse(AcsHttpResponse response, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(response.reasonPhrase()).append("\r\n");
        boolean hasConnection = false;
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue; // framing is ours
            }
            hasConnection |= name.equalsIgnoreCase("Connection");
            for (String value : header.getValue()) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        }
        if (close && !hasConnection) {
            head.append("Connection: close\r\n");
        }
        int status = response.status();
        boolean bodyAllowed = status != 204 && status != 304 && status >= 200;
        if (bodyAllowed) {
            head.append("Content-Length: ").append(response.bodyLength()).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (bodyAllowed) {
            response.writeBodyTo(out);
        }
        out.flush();
    }

    private void writeError(int status) throws IOException {
        writeResponse(AcsHttpResponse.status(status).header("Connection", "close").build(), true);
    }

    /** Reads what the handler left of the body, up to a bound; false when more than that was left. */
    private static boolean drain(InputStream body) throws IOException {
        long drained = 0;
        byte[] buf = new byte[4096];
        int n;
        while ((n = body.read(buf)) > 0) {
            drained += n;
            if (drained > MAX_DRAIN) {
                return false;
            }
        }
        return true;
    }

    /**
     * One CRLF- (or LF-) terminated line in ISO-8859-1, or null at the end of the stream before any
     * byte (only where {@code endAllowed}).
     */
    private String readLine(boolean endAllowed) throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (n == 0 && endAllowed) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (b == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                throw new IOException("request line or header longer than " + MAX_HEAD + " bytes");
            }
            line[n++] = (byte) b;
        }
    }

    private List<X509Certificate> peerCertificates() {
        return socket instanceof SSLSocket ssl ? TransportSupport.peerCertificates(ssl.getSession()) : List.of();
    }

    /** A body of a known length; never reads past it. */
    static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside the body");
            }
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("connection closed inside the body");
            }
            left -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        public void close() {
            // the connection's stream stays open; what is left is drained or the connection dropped
        }
    }

    /** A chunked body (RFC 9112 section 7.1); trailers are read and ignored. */
    final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        private boolean nextChunk() throws IOException {
            if (done) {
                return false;
            }
            if (chunkLeft == 0) {
                String size = readLine(false);
                int semicolon = size.indexOf(';');
                String hex = (semicolon < 0 ? size : size.substring(0, semicolon)).trim();
                try {
                    chunkLeft = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + hex);
                }
                if (chunkLeft < 0) {
                    throw new IOException("bad chunk size: " + hex);
                }
                if (chunkLeft == 0) {
                    while (!readLine(false).isEmpty()) {
                        // trailer fields: ignored
                    }
                    done = true;
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!nextChunk()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new EOFException("connection closed inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                int c1 = in.read();
                if (c1 == '\r') {
                    c1 = in.read();
                }
                if (c1 != '\n') {
                    throw new IOException("chunk not followed by CRLF");
                }
            }
            return n;
        }

        @Override
        public void close() {
            // see BoundedInputStream.close
        }
    }
}
