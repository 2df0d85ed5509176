package dev.cwmp.session.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as a transport adapter hands it to the ACS: method, path, headers, body, the
 * peer's address and its TLS client certificate chain. It carries no transport types, so the same
 * engine serves the JDK's HTTP server, a Servlet container or a test.
 *
 * <p>Header names are case-insensitive. The body is read once, by the engine.
 */
public final class AcsHttpRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final InetSocketAddress remoteAddress;
    private final List<X509Certificate> clientCertificates;
    private final boolean secure;

    private AcsHttpRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = b.body;
        this.remoteAddress = b.remoteAddress;
        this.clientCertificates = List.copyOf(b.clientCertificates);
        this.secure = b.secure;
    }

    /** Starts a request with the given method and path (e.g. {@code POST}, {@code /}). */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    public String method() {
        return method;
    }

    /** The request path with its query, as the client sent it. */
    public String path() {
        return path;
    }

    /** Every header, names compared case-insensitively. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Every value of a header, in order; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body, as the transport delivers it (possibly compressed: see Content-Encoding). */
    public InputStream body() {
        return body;
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The TLS client certificate chain, leaf first; empty for plain HTTP or no client certificate. */
    public List<X509Certificate> clientCertificates() {
        return clientCertificates;
    }

    /** Whether the request came over TLS. */
    public boolean secure() {
        return secure;
    }

    @Override
    public String toString() {
        return method + " " + path + " from " + remoteAddress;
    }

    /** Builds an {@link AcsHttpRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private InputStream body = InputStream.nullInputStream();
        private InetSocketAddress remoteAddress = new InetSocketAddress("127.0.0.1", 0);
        private List<X509Certificate> clientCertificates = List.of();
        private boolean secure;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.path = Objects.requireNonNull(path, "path");
        }

        /** Adds one value of a header. */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder body(InputStream body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public Builder body(byte[] body) {
            return body(new ByteArrayInputStream(body.clone()));
        }

        public Builder remoteAddress(InetSocketAddress remoteAddress) {
            this.remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress");
            return this;
        }

        public Builder clientCertificates(List<X509Certificate> chain) {
            this.clientCertificates = List.copyOf(chain);
            return this;
        }

        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        public AcsHttpRequest build() {
            return new AcsHttpRequest(this);
        }
    }
}
