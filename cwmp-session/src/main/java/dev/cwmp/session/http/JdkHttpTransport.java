package dev.cwmp.session.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.cwmp.session.Acs;
import dev.cwmp.session.internal.http.TransportSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link Acs} over HTTP or HTTPS with the JDK's built-in server ({@code jdk.httpserver}):
 * no dependencies. Keep-alive works within a session; the final 204 closes the connection; a
 * background task ends idle sessions.
 *
 * <p>The JDK server keeps at most {@code sun.net.httpserver.maxIdleConnections} (default 200) idle
 * keep-alive connections and closes the others after their response: with more CPEs than that in
 * session at once, raise it ({@code -Dsun.net.httpserver.maxIdleConnections=2000}) when starting the JVM.
 *
 * <p>Starting it sets {@code sun.net.httpserver.nodelay=true} (TCP_NODELAY) unless the property is
 * set already: see {@link #start(Acs, InetSocketAddress, Optional, int)}.
 *
 * <pre>{@code
 * try (JdkHttpTransport http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 7547))) {
 *     ... http.port() ...
 * }
 * }</pre>
 */
public final class JdkHttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpTransport.class);
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService housekeeping;
    private final Acs acs;

    private JdkHttpTransport(Acs acs, HttpServer server, ExecutorService executor, Duration sweep) {
        this.acs = acs;
        this.server = server;
        this.executor = executor;
        this.housekeeping = TransportSupport.startHousekeeping(acs, sweep.toMillis());
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts plain HTTP on the address (port 0 picks a free port), 32 worker threads. */
    public static JdkHttpTransport start(Acs acs, InetSocketAddress address) {
        return start(acs, address, Optional.empty(), 32);
    }

    /**
     * Starts HTTP, or HTTPS when an SSL context is given (client certificates are requested, not
     * required: the authenticator decides). Unless {@code sun.net.httpserver.nodelay} is set, sets it
     * to true before the JDK server starts: the JDK writes a response's head and body separately, and
     * with Nagle's algorithm on the body waits for the CPE's delayed ACK (up to 40 ms on Linux).
     */
    public static JdkHttpTransport start(Acs acs, InetSocketAddress address, Optional<SSLContext> tls, int threads) {
        Objects.requireNonNull(acs, "acs");
        Objects.requireNonNull(address, "address");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        preferNoDelay();
        try {
            HttpServer server;
            if (tls.isPresent()) {
                HttpsServer https = HttpsServer.create(address, 1024);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()) {
                    @Override
                    public void configure(HttpsParameters params) {
                        javax.net.ssl.SSLParameters p = getSSLContext().getDefaultSSLParameters();
                        p.setWantClientAuth(true);
                        params.setSSLParameters(p);
                    }
                });
                server = https;
            } else {
                server = HttpServer.create(address, 1024);
            }
            ExecutorService executor = Executors.newFixedThreadPool(threads, TransportSupport.daemonThreads("cwmp-http"));
            return new JdkHttpTransport(acs, server, executor, Duration.ofSeconds(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /**
     * Turns Nagle's algorithm off for the JDK server's connections unless the application chose
     * ({@code -Dsun.net.httpserver.nodelay=false}). The JDK server writes a response's head and body
     * in two writes, so with Nagle on the body waits for the CPE's delayed ACK (up to 40 ms on Linux)
     * on every keep-alive exchange after the first ones: sessions with ACS requests crawl. The JDK
     * reads the property when it starts its first server in the JVM.
     */
    private static void preferNoDelay() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    /** The address the server listens on (with the actual port). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops accepting and stops the threads. The {@link Acs} is not closed: it may be served on other
     * ports too; close it yourself to end its open sessions.
     */
    @Override
    public void close() {
        server.stop(0);
        housekeeping.shutdownNow();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    private void exchange(HttpExchange exchange) {
        try (exchange) {
            serve(exchange);
        } catch (IOException e) {
            LOG.debug("connection from {} failed: {}", exchange.getRemoteAddress(), e.toString());
        } catch (RuntimeException | Error e) {
            LOG.error("failed to serve a request from {}", exchange.getRemoteAddress(), e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        {
            AcsHttpRequest.Builder request = AcsHttpRequest.builder(exchange.getRequestMethod(),
                    exchange.getRequestURI().toString())
                    .remoteAddress(exchange.getRemoteAddress())
                    .body(exchange.getRequestBody());
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    request.header(header.getKey(), value);
                }
            }
            if (exchange instanceof HttpsExchange https) {
                request.secure(true).clientCertificates(TransportSupport.peerCertificates(https.getSSLSession()));
            }
            AcsHttpResponse response;
            try {
                response = acs.handle(request.build());
            } catch (RuntimeException e) {
                LOG.error("the ACS failed on a request from {}", exchange.getRemoteAddress(), e);
                response = AcsHttpResponse.status(500).build();
            }
            // The engine closed the body: the JDK drains a little of what is left and otherwise closes
            // the connection, so an oversized body is not read to its end.
            for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
                for (String value : header.getValue()) {
                    exchange.getResponseHeaders().add(header.getKey(), value);
                }
            }
            int length = response.bodyLength();
            exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
            if (length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    response.writeBodyTo(out);
                }
            }
        }
    }


}
