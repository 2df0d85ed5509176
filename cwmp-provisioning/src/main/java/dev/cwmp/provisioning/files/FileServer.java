package dev.cwmp.provisioning.files;

import com.sun.net.httpserver.HttpServer;
import dev.cwmp.provisioning.files.internal.FileHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the files of a {@link FileStore} to CPEs over HTTP, on the JDK's
 * {@code com.sun.net.httpserver} (GenieACS's file server, port 7567 by default there): {@code GET}
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
 * }</pre>
 */
public final class FileServer implements AutoCloseable {

    /** Threads serving downloads, by default. */
    public static final int DEFAULT_THREADS = 16;

    private final HttpServer server;
    private final ExecutorService threads;
    private final URI baseUrl;

    private FileServer(HttpServer server, ExecutorService threads, URI baseUrl) {
        this.server = server;
        this.threads = threads;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts serving the store on {@code bind} (port 0: any free port); the URLs name the bound
     * address, so bind a specific address that CPEs reach (or use {@link #start(FileStore,
     * InetSocketAddress, URI)}).
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static FileServer start(FileStore store, InetSocketAddress bind) {
        return start(store, bind, null);
    }

    /**
     * Starts serving the store on {@code bind}; {@code baseUrl} is the URL CPEs use to reach it
     * (e.g. behind NAT or when bound to the wildcard address), ending with {@code /}.
     */
    public static FileServer start(FileStore store, InetSocketAddress bind, URI baseUrl) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(bind, "bind");
        if (baseUrl != null && !baseUrl.toString().endsWith("/")) {
            throw new IllegalArgumentException("the base URL must end with '/': " + baseUrl);
        }
        HttpServer server;
        try {
            server = HttpServer.create(bind, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind, e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(DEFAULT_THREADS, r -> {
            Thread t = new Thread(r, "cwmp-file-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", new FileHandler(store));
        server.start();
        URI base = baseUrl != null ? baseUrl : urlOf(server.getAddress());
        return new FileServer(server, threads, base);
    }

    private static URI urlOf(InetSocketAddress address) {
        InetAddress a = address.getAddress();
        String host = a.getHostAddress();
        if (a instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone >= 0 ? host.substring(0, zone) : host) + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
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
}
