package dev.cwmp.testkit.internal.sim;

import dev.cwmp.testkit.sim.Quirks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One session's HTTP exchanges with the ACS: POSTs on the shared client, the session's cookies sent
 * back in the device's style, Basic or Digest answered when challenged (or Basic sent preemptively).
 */
final class AcsConnection {

    /** The ACS refused the device's credentials (or a device that takes any 401 as fatal got one). */
    static final class Unauthorized extends Exception {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message);
        }
    }

    record Reply(int status, byte[] body) {
    }

    static final int MAX_BODY = 8 * 1024 * 1024;

    private final HttpClient http;
    private final URI url;
    private final String username;
    private final String password;
    private final Quirks quirks;
    private final Duration timeout;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> rawCookies = new LinkedHashMap<>();
    private List<String> challenges = List.of();
    private int nonceCount;

    AcsConnection(HttpClient http, URI url, String username, String password, Quirks quirks, Duration timeout) {
        this.http = http;
        this.url = url;
        this.username = username;
        this.password = password;
        this.quirks = quirks;
        this.timeout = timeout;
    }

    Reply post(byte[] body) throws IOException, InterruptedException, Unauthorized {
        HttpResponse<InputStream> response = send(body, authorization());
        if (response.statusCode() == 401) {
            drain(response);
            if (quirks.unauthorizedIsFatal()) {
                throw new Unauthorized("the ACS answered 401 (fatal for this device)");
            }
            if (username.isEmpty()) {
                throw new Unauthorized("the ACS asks for credentials and the device has none");
            }
            challenges = response.headers().allValues("WWW-Authenticate");
            nonceCount = 0;
            Optional<String> auth = authorization();
            if (auth.isEmpty()) {
                throw new Unauthorized("no usable challenge: " + challenges);
            }
            response = send(body, auth);
            if (response.statusCode() == 401) {
                drain(response);
                throw new Unauthorized("the ACS refused the credentials of " + username);
            }
        }
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0].strip();
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                rawCookies.put(pair.substring(0, eq), setCookie.strip());
            }
        }
        return new Reply(response.statusCode(), readBounded(response.body()));
    }

    private Optional<String> authorization() {
        if (username.isEmpty()) {
            return Optional.empty();
        }
        if (quirks.preemptiveBasic()) {
            return Optional.of(HttpAuth.basic(username, password));
        }
        if (challenges.isEmpty()) {
            return Optional.empty();
        }
        String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            target += "?" + url.getRawQuery();
        }
        return HttpAuth.answer(challenges, "POST", target, username, password, ++nonceCount);
    }

    private HttpResponse<InputStream> send(byte[] body, Optional<String> authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            b.header("Content-Type", "text/xml; charset=utf-8");
            b.header("SOAPAction", "");
        }
        cookieHeader().ifPresent(c -> b.header("Cookie", c));
        authorization.ifPresent(a -> b.header("Authorization", a));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private Optional<String> cookieHeader() {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        switch (quirks.cookieStyle()) {
            case WITH_ATTRIBUTES:
                parts.addAll(rawCookies.values());
                return Optional.of(String.join("; ", parts));
            case COMMA_SEPARATED:
                cookies.forEach((k, v) -> parts.add(k + "=" + v));
                return Optional.of(String.join(", ", parts));
            default:
                cookies.forEach((k, v) -> parts.add(k + "=" + v));
                return Optional.of(String.join("; ", parts));
        }
    }

    private static void drain(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            in.skip(Long.MAX_VALUE);
        }
    }

    static byte[] readBounded(InputStream in) throws IOException {
        try (in) {
            byte[] data = in.readNBytes(MAX_BODY + 1);
            if (data.length > MAX_BODY) {
                throw new IOException("response longer than " + MAX_BODY + " bytes");
            }
            return data;
        }
    }
}
