package dev.cwmp.testkit.internal.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HTTP/1.1 responses from one connection with as little work as possible: the status code,
 * {@code Content-Length}, {@code Transfer-Encoding: chunked}, {@code Connection} and
 * {@code Set-Cookie}; every other header is skipped without making a string. The body lands in a
 * buffer reused from one response to the next. Sizes are bounded. Not thread-safe.
 */
public final class HttpResponseReader {

    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final byte[] CONTENT_LENGTH = bytes("content-length");
    private static final byte[] TRANSFER_ENCODING = bytes("transfer-encoding");
    private static final byte[] CONNECTION = bytes("connection");
    private static final byte[] SET_COOKIE = bytes("set-cookie");
    private static final byte[] CLOSE = bytes("close");
    private static final byte[] KEEP_ALIVE = bytes("keep-alive");
    private static final byte[] CHUNKED = bytes("chunked");

    private final InputStream in;
    private final byte[] buf = new byte[MAX_HEAD_BYTES];
    private int pos;
    private int limit;

    private int status;
    private boolean close;
    private final List<String> setCookies = new ArrayList<>(2);
    private byte[] body = new byte[8192];
    private int bodyLength;

    public HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next response: head and whole body. */
    public void read() throws IOException {
        status = 0;
        close = false;
        setCookies.clear();
        bodyLength = 0;
        long contentLength = -1;
        boolean chunked = false;

        int lineEnd = nextLine(true);
        // "HTTP/1.1 200 OK"
        if (lineEnd - pos < 12 || !startsWith(buf, pos, "HTTP/1.")) {
            throw new ProtocolViolation("not an HTTP/1.x status line");
        }
        boolean http10 = buf[pos + 7] == '0';
        status = digit(pos + 9) * 100 + digit(pos + 10) * 10 + digit(pos + 11);
        pos = lineEnd + 2;
        boolean keepAlive = false;
        while (true) {
            lineEnd = nextLine(false);
            if (lineEnd == pos) {
                pos += 2;
                break;
            }
            int colon = indexOf(buf, pos, lineEnd, (byte) ':');
            if (colon < 0) {
                throw new ProtocolViolation("header line without a colon");
            }
            int valueStart = colon + 1;
            while (valueStart < lineEnd && (buf[valueStart] == ' ' || buf[valueStart] == '\t')) {
                valueStart++;
            }
            int nameLength = colon - pos;
            if (equalsIgnoreCase(CONTENT_LENGTH, buf, pos, nameLength)) {
                contentLength = parseLength(valueStart, lineEnd);
            } else if (equalsIgnoreCase(TRANSFER_ENCODING, buf, pos, nameLength)) {
                chunked = containsIgnoreCase(buf, valueStart, lineEnd, CHUNKED);
            } else if (equalsIgnoreCase(CONNECTION, buf, pos, nameLength)) {
                close |= containsIgnoreCase(buf, valueStart, lineEnd, CLOSE);
                keepAlive |= containsIgnoreCase(buf, valueStart, lineEnd, KEEP_ALIVE);
            } else if (equalsIgnoreCase(SET_COOKIE, buf, pos, nameLength)) {
                setCookies.add(new String(buf, valueStart, lineEnd - valueStart, StandardCharsets.ISO_8859_1));
            }
            pos = lineEnd + 2;
        }
        if (http10 && !keepAlive) {
            close = true;
        }
        if (status == 204 || status == 304 || status < 200) {
            return;
        }
        if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            readBody(contentLength);
        } else {
            readToEnd();
            close = true;
        }
    }

    /** The status code of the last response. */
    public int status() {
        return status;
    }

    /** Whether the server closes the connection after the last response. */
    public boolean connectionClose() {
        return close;
    }

    /** The last response's Set-Cookie values, whole (attributes included). */
    public List<String> setCookies() {
        return setCookies;
    }

    /** The last response's body: the first {@link #bodyLength()} bytes (the buffer is reused). */
    public byte[] body() {
        return body;
    }

    /** The length of the last response's body. */
    public int bodyLength() {
        return bodyLength;
    }

    // ---------------------------------------------------------------------------------------------

    /** Makes sure a whole line (CRLF-terminated) from {@code pos} is buffered; returns the index of its CR. */
    private int nextLine(boolean first) throws IOException {
        int from = pos;
        while (true) {
            for (int i = from; i + 1 < limit; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    return i;
                }
            }
            int scanned = Math.max(0, limit - 1 - pos);
            if (!fill()) {
                throw first && limit == pos ? new EOFException("connection closed before the response")
                        : new EOFException("connection closed inside the response head");
            }
            from = pos + scanned;
        }
    }

    /** Reads more bytes, first moving what is unread to the buffer's start; false at end of stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            throw new ProtocolViolation("response head larger than " + MAX_HEAD_BYTES + " bytes");
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    private void readBody(long length) throws IOException {
        if (length > MAX_BODY_BYTES) {
            throw new ProtocolViolation("body larger than " + MAX_BODY_BYTES + " bytes");
        }
        int n = (int) length;
        ensureBody(n, 0);
        int buffered = Math.min(n, limit - pos);
        System.arraycopy(buf, pos, body, 0, buffered);
        pos += buffered;
        int got = buffered;
        while (got < n) {
            int r = in.read(body, got, n - got);
            if (r < 0) {
                throw new EOFException("connection closed inside the body");
            }
            got += r;
        }
        bodyLength = n;
    }

    private void readChunked() throws IOException {
        int total = 0;
        while (true) {
            int lineEnd = nextLine(false);
            long size = 0;
            int i = pos;
            for (; i < lineEnd && buf[i] != ';' && buf[i] != ' '; i++) {
                int d = Character.digit(buf[i], 16);
                if (d < 0) {
                    throw new ProtocolViolation("bad chunk size");
                }
                size = size * 16 + d;
                if (size > MAX_BODY_BYTES) {
                    throw new ProtocolViolation("body larger than " + MAX_BODY_BYTES + " bytes");
                }
            }
            if (i == pos) {
                throw new ProtocolViolation("bad chunk size");
            }
            pos = lineEnd + 2;
            if (size == 0) {
                // Trailers, then the empty line.
                while (true) {
                    int end = nextLine(false);
                    boolean empty = end == pos;
                    pos = end + 2;
                    if (empty) {
                        bodyLength = total;
                        return;
                    }
                }
            }
            if (total + size > MAX_BODY_BYTES) {
                throw new ProtocolViolation("body larger than " + MAX_BODY_BYTES + " bytes");
            }
            int n = (int) size;
            ensureBody(total + n, total);
            int got = 0;
            while (got < n) {
                if (pos == limit && !fill()) {
                    throw new EOFException("connection closed inside a chunk");
                }
                int take = Math.min(n - got, limit - pos);
                System.arraycopy(buf, pos, body, total + got, take);
                pos += take;
                got += take;
            }
            total += n;
            int crlf = nextLine(false);
            if (crlf != pos) {
                throw new ProtocolViolation("chunk not followed by CRLF");
            }
            pos += 2;
        }
    }

    private void readToEnd() throws IOException {
        int total = 0;
        while (true) {
            if (pos == limit && !fill()) {
                bodyLength = total;
                return;
            }
            int take = limit - pos;
            if (total + take > MAX_BODY_BYTES) {
                throw new ProtocolViolation("body larger than " + MAX_BODY_BYTES + " bytes");
            }
            ensureBody(total + take, total);
            System.arraycopy(buf, pos, body, total, take);
            pos += take;
            total += take;
        }
    }

    /** Grows the body buffer to hold {@code n} bytes, keeping the first {@code kept}. */
    private void ensureBody(int n, int kept) {
        if (body.length < n) {
            byte[] bigger = new byte[Math.max(n, Math.min(MAX_BODY_BYTES, body.length * 2))];
            System.arraycopy(body, 0, bigger, 0, kept);
            body = bigger;
        }
    }

    private long parseLength(int from, int to) throws ProtocolViolation {
        while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
            to--;
        }
        if (from == to) {
            throw new ProtocolViolation("empty Content-Length");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw new ProtocolViolation("bad Content-Length");
            }
            v = v * 10 + d;
            if (v > MAX_BODY_BYTES) {
                throw new ProtocolViolation("body larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        return v;
    }

    private int digit(int i) throws ProtocolViolation {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) {
            throw new ProtocolViolation("bad status code");
        }
        return d;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] b, int from, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** {@code lowerName} is lower case ASCII. */
    static boolean equalsIgnoreCase(byte[] lowerName, byte[] b, int from, int length) {
        if (length != lowerName.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((b[from + i] | 0x20) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] b, int from, int to, byte[] lowerWord) {
        for (int i = from; i + lowerWord.length <= to; i++) {
            if (equalsIgnoreCase(lowerWord, b, i, lowerWord.length)) {
                return true;
            }
        }
        return false;
    }
}
