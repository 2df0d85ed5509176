package dev.cwmp.session.connreq;

import dev.cwmp.session.internal.connreq.JdkHttpConnectionRequester;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Asks a CPE to open a session now (SPI; TR-069 section 3.2.2).
 *
 * <p>Contract: {@link #request} never blocks and never throws for anything the device or the
 * network does; every such outcome is a {@link ConnectionRequestResult}. The stage completes
 * exceptionally only for local trouble, e.g. {@link java.util.concurrent.RejectedExecutionException}
 * when too many requests are already waiting. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ConnectionRequester {

    /** Sends one connection request. */
    CompletionStage<ConnectionRequestResult> request(ConnectionRequest request);

    /**
     * The default: HTTP GET on the JDK's {@link java.net.http.HttpClient}, answering a Digest
     * challenge (SHA-256 or MD5, qop=auth), Basic only if the options allow it, redirects not
     * followed.
     */
    static ConnectionRequester http(HttpConnectionRequesterOptions options) {
        Objects.requireNonNull(options, "options");
        return new JdkHttpConnectionRequester(options);
    }
}
