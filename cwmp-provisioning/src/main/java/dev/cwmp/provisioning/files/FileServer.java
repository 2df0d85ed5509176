package dev.cwmp.provisioning.files;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.cwmp.provisioning.files.internal.FileHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Serves the files of a {@link FileStore} to CPEs over HTTP, or HTTPS with {@link Builder#tls}, on the
 * JDK's {@code com.sun.net.httpserver} (GenieACS's file server, port 7567 by default there): {@code GET}
 * and {@code HEAD} of {@code /<name>}, a single byte {@code Range} ({@code 206} with
 * {@code Content-Range}, {@code 416} when it cannot be satisfied; several ranges are answered with the
 * whole file), a strong {@code ETag} (the SHA-256) with {@code If-None-Match} ({@code 304}) and
 * {@code If-Range}, {@code Content-Length} on every answer with a body, {@code 404} for an unknown
 * or invalid name, {@code 405} for other methods. No authentication: bind it where only CPEs reach it.
 *
 * <pre>{@code
 * try (FileServer files = FileServer.start(store, new InetSocketAddress("127.0.0.1", 7567))) {
 *     URI url = files.urlOf("upgrade-6.49.7.xml"); // http://127.0.0.1:7567/upgrade-6.49.7.xml
 * }
 *
 * // Over HTTPS: CPEs must trust the certificate (and it must name the host of the base URL).
 * FileServer secure = FileServer.builder(store).bind(new InetSocketAddress("127.0.0.1", 7567))
 *         .tls(sslContext).start(); // https://127.0.0.1:7567/...
 * }</pre>
 */
public final class FileServer implements AutoCloseable {

    /** Threads serving downloads, by default. */
    public static final int DEFAULT_THREADS = 16;

    private final HttpServer server;
    private final ExecutorService threads;
    private final URI baseUrl;
    private final boolean secure;

    private FileServer(HttpServer server, ExecutorService threads, URI baseUrl, boolean secure) {
        this.server = server;
        this.threads = threads;
        this.baseUrl = baseUrl;
        this.secure = secure;
    }

    /** A builder serving {@code store}: plain HTTP on 127.0.0.1:7567 unless told otherwise. */
    public static Builder builder(FileStore store) {
        return new Builder(store);
    }

    /**
     * Starts serving the store on {@code bind} (port 0: any free port); the URLs name the bound
     * address, so bind a specific address that CPEs reach (or use {@link #start(FileStore,
     * InetSocketAddress, URI)}).
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static FileServer start(FileStore store, InetSocketAddress bind) {
        return builder(store).bind(bind).start();
    }

    /**
     * Starts serving the store on {@code bind}; {@code baseUrl} is the URL CPEs use to reach it
     * (e.g. behind NAT or when bound to the wildcard address), ending with {@code /}.
     * {@link #builder} adds HTTPS and the number of threads.
     */
    public static FileServer start(FileStore store, InetSocketAddress bind, URI baseUrl) {
        return builder(store).bind(bind).baseUrl(Objects.requireNonNull(baseUrl, "baseUrl")).start();
    }

    private static FileServer start(Builder b) {
        HttpServer server;
        try {
            if (b.tls.isPresent()) {
                HttpsServer https = HttpsServer.create(b.bind, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(b.tls.get()));
                server = https;
            } else {
                server = HttpServer.create(b.bind, 64);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + b.bind, e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "cwmp-file-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", new FileHandler(b.store));
        server.start();
        String scheme = b.tls.isPresent() ? "https" : "http";
        URI base = b.baseUrl.orElseGet(() -> urlOf(scheme, server.getAddress()));
        return new FileServer(server, threads, base, b.tls.isPresent());
    }

    private static URI urlOf(String scheme, InetSocketAddress address) {
        InetAddress a = address.getAddress();
        String host = a.getHostAddress();
        if (a instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone >= 0 ? host.substring(0, zone) : host) + "]";
        }
        return URI.create(scheme + "://" + host + ":" + address.getPort() + "/");
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Whether it serves HTTPS ({@link Builder#tls}). */
    public boolean secure() {
        return secure;
    }

    /** The URL of the server's root, e.g. {@code http://127.0.0.1:7567/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The URL a CPE downloads the file from (the name percent-encoded as one path segment).
     *
     * @throws IllegalArgumentException when the name is not a valid file name
     */
    public URI urlOf(String fileName) {
        return baseUrl.resolve(FileHandler.encodeSegment(FileStore.checkName(fileName)));
    }

    /** Stops listening and ends the downloads under way. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "FileServer[" + baseUrl + "]";
    }

    /** Configures a {@link FileServer}; {@link #start()} binds it. */
    public static final class Builder {
        private final FileStore store;
        private InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7567);
        private Optional<URI> baseUrl = Optional.empty();
        private Optional<SSLContext> tls = Optional.empty();
        private int threads = DEFAULT_THREADS;

        private Builder(FileStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Where to listen (default 127.0.0.1:7567; port 0 for any free port). */
        public Builder bind(InetSocketAddress address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * The URL CPEs use to reach the server, ending with {@code /} (default: the bound address,
         * {@code https} with {@link #tls}); for NAT or a wildcard bind address.
         */
        public Builder baseUrl(URI url) {
            Objects.requireNonNull(url, "url");
            if (!url.toString().endsWith("/")) {
                throw new IllegalArgumentException("the base URL must end with '/': " + url);
            }
            this.baseUrl = Optional.of(url);
            return this;
        }

        /**
         * Serves HTTPS with this context, whose key managers hold the server's key pair and certificate
         * (default: plain HTTP). CPEs must trust the certificate, and it must name the host of the base
         * URL (a DNS or IP subject alternative name), or their downloads fail.
         */
        public Builder tls(SSLContext context) {
            this.tls = Optional.of(Objects.requireNonNull(context, "context"));
            return this;
        }

        /** Threads serving downloads (default {@value FileServer#DEFAULT_THREADS}). */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one thread: " + count);
            }
            this.threads = count;
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws UncheckedIOException when the address cannot be bound
         */
        public FileServer start() {
            return FileServer.start(this);
        }
    }
}
