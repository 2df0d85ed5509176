package dev.cwmp.testkit.internal.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The canned ACS on blocking sockets: an accept thread and a pool of connection threads (reused from
 * one connection to the next). Each connection gets the session's responses in order, one per
 * request, and is closed after the last; a request is read only as far as HTTP framing needs (the
 * head up to its blank line, then Content-Length bytes skipped).
 */
public final class BlockingCannedServer implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final byte[] CONTENT_LENGTH = HttpResponseReader.bytes("content-length");

    private final ServerSocket server;
    private final List<byte[]> responses;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public BlockingCannedServer(InetSocketAddress address, List<byte[]> responses) throws IOException {
        this.responses = List.copyOf(responses);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address, 1024);
        AtomicInteger n = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cwmp-canned-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "cwmp-canned-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[MAX_HEAD_BYTES];
            int limit = 0;
            for (byte[] response : responses) {
                // Read the head: up to CRLF CRLF.
                int headEnd;
                int scanFrom = 0;
                while ((headEnd = blankLine(buf, scanFrom, limit)) < 0) {
                    scanFrom = Math.max(0, limit - 3);
                    if (limit == buf.length) {
                        return; // head too large
                    }
                    int r = in.read(buf, limit, buf.length - limit);
                    if (r < 0) {
                        return;
                    }
                    limit += r;
                }
                long skip = contentLength(buf, headEnd);
                int consumed = headEnd + 4;
                int buffered = limit - consumed;
                if (buffered >= skip) {
                    consumed += (int) skip;
                    skip = 0;
                } else {
                    skip -= buffered;
                    consumed = limit;
                }
                System.arraycopy(buf, consumed, buf, 0, limit - consumed);
                limit -= consumed;
                while (skip > 0) {
                    int r = in.read(buf, 0, (int) Math.min(buf.length, skip));
                    if (r < 0) {
                        return;
                    }
                    skip -= r;
                }
                out.write(response);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        } finally {
            open.remove(socket);
        }
    }

    /** The index of the CR of the first CRLFCRLF at or after {@code from}, or -1. */
    private static int blankLine(byte[] b, int from, int limit) {
        for (int i = from; i + 3 < limit; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long contentLength(byte[] b, int headEnd) {
        int line = 0;
        while (line < headEnd) {
            int end = line;
            while (end < headEnd && b[end] != '\r') {
                end++;
            }
            int colon = HttpResponseReader.indexOf(b, line, end, (byte) ':');
            if (colon > 0 && HttpResponseReader.equalsIgnoreCase(CONTENT_LENGTH, b, line, colon - line)) {
                long v = 0;
                for (int i = colon + 1; i < end; i++) {
                    if (b[i] >= '0' && b[i] <= '9') {
                        v = v * 10 + (b[i] - '0');
                    }
                }
                return v;
            }
            line = end + 2;
        }
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }
}
