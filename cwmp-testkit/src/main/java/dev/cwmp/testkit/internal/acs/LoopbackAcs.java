package dev.cwmp.testkit.internal.acs;

import dev.cwmp.session.Acs;
import dev.cwmp.session.http.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * An {@link Acs} served over HTTP on {@code 127.0.0.1} and a free port, as the JUnit extension and
 * the harness run it. Closing it stops the listener, then the ACS.
 *
 * @param acs the ACS
 * @param http its listener
 * @param url the URL CPEs inform, {@code http://127.0.0.1:<port>/}
 */
public record LoopbackAcs(Acs acs, JdkHttpTransport http, URI url) implements AutoCloseable {

    public LoopbackAcs {
        Objects.requireNonNull(acs, "acs");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(url, "url");
    }

    /** Serves {@code acs} on loopback; closes it when the listener cannot start. */
    public static LoopbackAcs start(Acs acs) {
        JdkHttpTransport http;
        try {
            http = JdkHttpTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        } catch (RuntimeException e) {
            acs.close();
            throw e;
        }
        return new LoopbackAcs(acs, http, URI.create("http://127.0.0.1:" + http.port() + "/"));
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            acs.close();
        }
    }
}
