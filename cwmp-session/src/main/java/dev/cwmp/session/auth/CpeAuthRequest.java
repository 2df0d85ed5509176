package dev.cwmp.session.auth;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a transport hands the authenticator about one HTTP request from a CPE, transport-neutral.
 *
 * @param method                 the HTTP method, e.g. {@code POST}
 * @param requestUri             the request target as received, e.g. {@code /acs} or {@code /acs?x=1}
 * @param authorizationHeaders   every {@code Authorization} header value, in order (often none)
 * @param peerAddress            the remote address of the connection
 * @param clientCertificateChain the TLS client certificate chain as verified by the TLS layer, the
 *                               CPE's own certificate first; empty without TLS client authentication
 */
public record CpeAuthRequest(
        String method,
        String requestUri,
        List<String> authorizationHeaders,
        InetSocketAddress peerAddress,
        List<X509Certificate> clientCertificateChain) {

    public CpeAuthRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(peerAddress, "peerAddress");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("method must not be empty");
        }
        authorizationHeaders = List.copyOf(authorizationHeaders);
        clientCertificateChain = List.copyOf(clientCertificateChain);
    }

    /** A request without credentials or client certificate. */
    public static CpeAuthRequest of(String method, String requestUri, InetSocketAddress peerAddress) {
        return new CpeAuthRequest(method, requestUri, List.of(), peerAddress, List.of());
    }

    /** This request with the given {@code Authorization} header values instead of its own. */
    public CpeAuthRequest withAuthorization(String... authorizationHeaders) {
        return new CpeAuthRequest(method, requestUri, List.of(authorizationHeaders), peerAddress,
                clientCertificateChain);
    }

    /** This request with the given TLS client certificate chain instead of its own. */
    public CpeAuthRequest withClientCertificates(List<X509Certificate> chain) {
        return new CpeAuthRequest(method, requestUri, authorizationHeaders, peerAddress, chain);
    }
}
