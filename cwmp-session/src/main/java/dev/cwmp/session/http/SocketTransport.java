package dev.cwmp.session.http;

import dev.cwmp.session.Acs;
import dev.cwmp.session.internal.http.HttpConnection;
import dev.cwmp.session.internal.http.TransportSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link Acs} over HTTP/1.1 or HTTPS on plain JDK sockets: one thread per connection,
 * keep-alive within a session, nothing between the socket and the engine but HTTP framing. No
 * dependency beyond the JDK; leaner than {@link JdkHttpTransport} (which goes through
 * {@code com.sun.net.httpserver}), for ACSs that serve many CPEs from one machine.
 *
 * <p>Bounded: a request line or header block over 16 KiB, more than 100 headers, or a connection idle
 * for 30 s ends the connection; at most {@code maxConnections} connections are served at once (others
 * are closed at accept). Chunked request bodies and {@code Expect: 100-continue} are understood.
 *
 * <pre>{@code
 * try (SocketTransport http = SocketTransport.start(acs, new InetSocketAddress("127.0.0.1", 7547))) {
 *     ... http.port() ...
 * }
 * }</pre>
 */
public final class SocketTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Acs acs;
    private final ServerSocket server;
    private final boolean secure;
    private final ThreadPoolExecutor connections;
    private final ScheduledExecutorService housekeeping;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private SocketTransport(Acs acs, ServerSocket server, boolean secure, int maxConnections) {
        this.acs = acs;
        this.server = server;
        this.secure = secure;
        this.connections = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                TransportSupport.daemonThreads("cwmp-conn"));
        this.housekeeping = TransportSupport.startHousekeeping(acs, 1_000);
        this.acceptor = TransportSupport.daemonThreads("cwmp-accept").newThread(this::acceptLoop);
        acceptor.start();
    }

    /** Starts plain HTTP on the address (port 0 picks a free port), at most 1,024 connections at once. */
    public static SocketTransport start(Acs acs, InetSocketAddress address) {
        return start(acs, address, Optional.empty(), 1024);
    }

    /**
     * Starts HTTP, or HTTPS when an SSL context is given (client certificates are requested, not
     * required: the authenticator decides).
     */
    public static SocketTransport start(Acs acs, InetSocketAddress address, Optional<SSLContext> tls,
            int maxConnections) {
        Objects.requireNonNull(acs, "acs");
        Objects.requireNonNull(address, "address");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
        try {
            ServerSocket server;
            if (tls.isPresent()) {
                SSLServerSocket ssl = (SSLServerSocket) tls.get().getServerSocketFactory().createServerSocket();
                ssl.setWantClientAuth(true);
                server = ssl;
            } else {
                server = new ServerSocket();
            }
            server.setReuseAddress(true);
            server.bind(address, 1024);
            return new SocketTransport(acs, server, tls.isPresent(), maxConnections);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /** The address the server listens on (with the actual port). */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Stops accepting, closes the open connections and stops the threads. The {@link Acs} is not
     * closed: close it yourself to end its open sessions.
     */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the server socket: {}", e.toString());
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        housekeeping.shutdownNow();
        connections.shutdown();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed: {}", e.toString());
                }
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                LOG.warn("too many connections; closing one from {}", socket.getRemoteSocketAddress());
                open.remove(socket);
                closeQuietly(socket);
            } catch (SocketException e) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            new HttpConnection(socket, secure, acs::handle).serve();
        } catch (IOException e) {
            LOG.debug("connection from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (RuntimeException | Error e) {
            LOG.error("failed to serve a connection from {}", socket.getRemoteSocketAddress(), e);
        } finally {
            open.remove(socket);
        }
    }


    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

}
