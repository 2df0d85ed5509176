package dev.cwmp.testkit.internal.load;

import dev.cwmp.testkit.load.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated CPE on its own thread and its own connection: runs sessions back to back (Inform,
 * empty POST, answers to the ACS's requests, until the ACS sends 204), keeping the session cookie and
 * the connection alive within a session and closing the connection when the session ends, as a CPE
 * does. Its Inform and answers are encoded once; each request is written with one socket write.
 */
public final class SimulatedCpe {

    /** The most HTTP requests one session may take before the CPE gives up (protocol error). */
    static final int MAX_REQUESTS_PER_SESSION = 64;

    private static final byte[] CRLF = HttpResponseReader.bytes("\r\n");
    private static final byte[] CONTENT_LENGTH = HttpResponseReader.bytes("Content-Length: ");
    private static final byte[] COOKIE = HttpResponseReader.bytes("Cookie: ");

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private final byte[] informBody;
    private final byte[] xmlHead;
    private final byte[] emptyPost;
    private final List<String> cookies = new ArrayList<>(2);
    private byte[] cookieLine = new byte[0];

    private byte[] out = new byte[4096];
    private int outLength;

    private Socket socket;
    private OutputStream socketOut;
    private HttpResponseReader reader;

    /** Figures of this CPE, read once its thread has ended. */
    public final LatencyHistogram latencies = new LatencyHistogram();
    public long sessions;
    public long httpRequests;
    public final long[] errors = new long[ErrorKind.values().length];

    public SimulatedCpe(URI acs, int timeoutMillis, byte[] informBody) {
        String host = acs.getHost();
        int port = acs.getPort() >= 0 ? acs.getPort() : 80;
        String path = acs.getRawPath() == null || acs.getRawPath().isEmpty() ? "/" : acs.getRawPath();
        if (acs.getRawQuery() != null) {
            path += "?" + acs.getRawQuery();
        }
        this.address = new InetSocketAddress(host, port);
        this.timeoutMillis = timeoutMillis;
        this.informBody = informBody;
        String common = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUser-Agent: cwmp-testkit\r\n";
        this.xmlHead = HttpResponseReader.bytes(common + "Content-Type: text/xml; charset=\"utf-8\"\r\nSOAPAction: \"\"\r\n");
        this.emptyPost = HttpResponseReader.bytes(common + "Content-Length: 0\r\n");
    }

    /**
     * Runs one session. On success, its latency and requests are recorded when {@code record}; on
     * failure its error is counted when {@code record}. Returns the time the session ended.
     */
    public long runSession(boolean record, long recordUntilNanos) {
        long start = System.nanoTime();
        int requests = 0;
        try {
            cookies.clear();
            cookieLine = new byte[0];
            requests = session();
            long end = System.nanoTime();
            if (record && end <= recordUntilNanos) {
                latencies.record((end - start) / 1_000);
                sessions++;
                httpRequests += requests;
            }
            closeConnection();
            return end;
        } catch (IOException e) {
            closeConnection();
            ErrorKind kind = kindOf(e);
            long end = System.nanoTime();
            if (record && end <= recordUntilNanos) {
                errors[kind.ordinal()]++;
            }
            if (kind == ErrorKind.CONNECT) {
                LockSupport.parkNanos(10_000_000L); // do not spin on a server that is not there
            }
            return end;
        }
    }

    /** The kind of error an exception of a session stands for. */
    static ErrorKind kindOf(IOException e) {
        if (e instanceof ConnectFailed) {
            return ErrorKind.CONNECT;
        }
        if (e instanceof SocketTimeoutException) {
            return ErrorKind.TIMEOUT;
        }
        if (e instanceof UnexpectedStatus) {
            return ErrorKind.UNEXPECTED_STATUS;
        }
        if (e instanceof ProtocolViolation) {
            return ErrorKind.PROTOCOL;
        }
        return ErrorKind.IO;
    }

    private int session() throws IOException {
        int requests = 1;
        HttpResponseReader r = exchange(true, informBody, 0, informBody.length, null, null);
        if (r.status() != 200) {
            throw new UnexpectedStatus("Inform answered with " + r.status());
        }
        if (r.bodyLength() == 0 || !AcsRequestScanner.scan(r.body(), r.bodyLength()).methodName().equals("InformResponse")) {
            throw new ProtocolViolation("the Inform was not answered with an InformResponse");
        }
        keepCookies(r);
        requests++;
        r = exchange(false, null, 0, 0, null, null);
        while (true) {
            if (r.status() == 204 || (r.status() == 200 && r.bodyLength() == 0)) {
                return requests;
            }
            if (r.status() != 200) {
                throw new UnexpectedStatus("the ACS answered with " + r.status() + " in session");
            }
            if (requests >= MAX_REQUESTS_PER_SESSION) {
                throw new ProtocolViolation("more than " + MAX_REQUESTS_PER_SESSION + " HTTP requests in one session");
            }
            keepCookies(r);
            AcsRequestScanner.Found found = AcsRequestScanner.scan(r.body(), r.bodyLength());
            CpeMessages.Template answer = CpeMessages.answerTo(found.methodName());
            requests++;
            r = exchange(true, null, 0, 0, answer, found.id().orElse(null));
        }
    }

    /**
     * Sends one request and reads its response. The body is {@code body[from, to)}, or the template
     * around the ID span of the last response, or nothing.
     */
    private HttpResponseReader exchange(boolean xml, byte[] body, int from, int to, CpeMessages.Template template,
            AcsRequestScanner.IdSpan id) throws IOException {
        outLength = 0;
        if (!xml) {
            append(emptyPost, 0, emptyPost.length);
            append(cookieLine, 0, cookieLine.length);
            append(CRLF, 0, 2);
        } else {
            int length;
            if (template == null) {
                length = to - from;
            } else {
                length = template.length(id == null ? 0 : id.end() - id.start());
            }
            append(xmlHead, 0, xmlHead.length);
            append(CONTENT_LENGTH, 0, CONTENT_LENGTH.length);
            appendDecimal(length);
            append(CRLF, 0, 2);
            append(cookieLine, 0, cookieLine.length);
            append(CRLF, 0, 2);
            if (template == null) {
                append(body, from, to);
            } else {
                append(template.beforeId(), 0, template.beforeId().length);
                if (id != null) {
                    // The ID still sits in the reader's body buffer: copy before reading the next response.
                    append(reader.body(), id.start(), id.end());
                }
                append(template.afterId(), 0, template.afterId().length);
            }
        }
        if (socket == null) {
            connect(); // after the request is built: it may copy the ID from the last response's body
        }
        socketOut.write(out, 0, outLength);
        socketOut.flush();
        reader.read();
        if (reader.connectionClose()) {
            // Read this response whole already; the next request of the session goes on a new connection.
            Socket s = socket;
            socket = null;
            closeQuietly(s);
        }
        return reader;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(address, timeoutMillis);
        } catch (ConnectException | SocketTimeoutException e) {
            closeQuietly(s);
            throw new ConnectFailed(e.getMessage());
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
        InputStream in = s.getInputStream();
        socket = s;
        socketOut = s.getOutputStream();
        reader = new HttpResponseReader(in);
    }

    private void closeConnection() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Keeps the name=value of every Set-Cookie, replacing a cookie of the same name. */
    private void keepCookies(HttpResponseReader r) {
        if (r.setCookies().isEmpty()) {
            return;
        }
        for (String header : r.setCookies()) {
            int semi = header.indexOf(';');
            String pair = (semi < 0 ? header : header.substring(0, semi)).trim();
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq + 1);
            cookies.removeIf(c -> c.startsWith(name));
            cookies.add(pair);
        }
        cookieLine = (new String(COOKIE, StandardCharsets.US_ASCII) + String.join("; ", cookies) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private void append(byte[] src, int from, int to) {
        int n = to - from;
        if (outLength + n > out.length) {
            byte[] bigger = new byte[Math.max(out.length * 2, outLength + n)];
            System.arraycopy(out, 0, bigger, 0, outLength);
            out = bigger;
        }
        System.arraycopy(src, from, out, outLength, n);
        outLength += n;
    }

    private void appendDecimal(int v) {
        byte[] digits = Integer.toString(v).getBytes(StandardCharsets.US_ASCII);
        append(digits, 0, digits.length);
    }

    /** The TCP connection could not be opened. */
    static final class ConnectFailed extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectFailed(String message) {
            super(message);
        }
    }

    /** The ACS answered with a status the session did not expect. */
    static final class UnexpectedStatus extends IOException {
        private static final long serialVersionUID = 1L;

        UnexpectedStatus(String message) {
            super(message);
        }
    }
}
