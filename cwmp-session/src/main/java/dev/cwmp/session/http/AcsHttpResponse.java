package dev.cwmp.session.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP response from the ACS, for a transport adapter to write: status, reason phrase (always
 * present: some CPEs reject a status line without one), headers and body.
 *
 * @param status the HTTP status code
 * @param reasonPhrase the reason phrase, never blank
 * @param headers header names to their values, in order
 * @param body the body bytes; empty for 204 and for most errors
 */
public record AcsHttpResponse(int status, String reasonPhrase, Map<String, List<String>> headers, byte[] body) {

    public AcsHttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        if (reasonPhrase.isBlank()) {
            throw new IllegalArgumentException("a reason phrase is required");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /** The body (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Writes the body to a stream without copying it. */
    public void writeBodyTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(body);
    }

    /** The body's length without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /** The first value of a header, compared case-insensitively, or empty. */
    public java.util.Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return java.util.Optional.of(e.getValue().get(0));
            }
        }
        return java.util.Optional.empty();
    }

    /** The standard reason phrase for a status (a non-empty fallback for unusual ones). */
    public static String reasonPhraseOf(int status) {
        switch (status) {
            case 200: return "OK";
            case 204: return "No Content";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 411: return "Length Required";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            default: return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
        }
    }

    /** Starts a response with the given status and its standard reason phrase. */
    public static Builder status(int status) {
        return new Builder(status);
    }

    /** Builds an {@link AcsHttpResponse}. */
    public static final class Builder {
        private final int status;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];

        private Builder(int status) {
            this.status = status;
        }

        public Builder header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Sets the body; the array is not copied here but on {@link #build()}. */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public AcsHttpResponse build() {
            return new AcsHttpResponse(status, reasonPhraseOf(status), headers, body);
        }
    }
}
