package dev.cwmp.provisioning.files.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cwmp.provisioning.files.FileMetadata;
import dev.cwmp.provisioning.files.FileStore;
import dev.cwmp.provisioning.files.StoredFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file server's one handler: GET and HEAD of {@code /<name>}, with ranges and ETags. */
public final class FileHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FileHandler.class);
    private static final int BUFFER = 64 * 1024;
    private static final String HEX = "0123456789ABCDEF";

    private final FileStore store;

    public FileHandler(FileStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (IOException e) {
            LOG.debug("file server: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        } catch (RuntimeException e) {
            LOG.warn("file server: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            text(exchange, 405, "method not allowed\n", false);
            return;
        }
        Optional<String> name = fileName(exchange.getRequestURI().getRawPath());
        Optional<StoredFile> opened = name.isEmpty() ? Optional.empty() : store.openFile(name.get());
        if (opened.isEmpty()) {
            text(exchange, 404, "no such file\n", head);
            return;
        }
        try (StoredFile file = opened.get()) {
            send(exchange, file, head);
        }
    }

    private static void send(HttpExchange exchange, StoredFile file, boolean head) throws IOException {
        FileMetadata m = file.metadata();
        String etag = "\"" + m.sha256() + "\"";
        Headers request = exchange.getRequestHeaders();
        Headers response = exchange.getResponseHeaders();
        response.set("ETag", etag);
        response.set("Accept-Ranges", "bytes");
        response.set("Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(m.uploaded().atOffset(ZoneOffset.UTC)));
        String ifNoneMatch = request.getFirst("If-None-Match");
        if (ifNoneMatch != null && matchesAny(ifNoneMatch, etag)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        response.set("Content-Type", contentType(m.name()));
        long length = m.length();
        Ranges.Result range = Ranges.Result.whole();
        String rangeHeader = request.getFirst("Range");
        String ifRange = request.getFirst("If-Range");
        if (rangeHeader != null && (ifRange == null || ifRange.strip().equals(etag))) {
            range = Ranges.parse(rangeHeader, length);
        }
        if (range.unsatisfiable()) {
            response.set("Content-Range", "bytes */" + length);
            text(exchange, 416, "range not satisfiable\n", head);
            return;
        }
        int status = 200;
        long start = 0;
        long count = length;
        if (range.partial()) {
            status = 206;
            start = range.first();
            count = range.last() - range.first() + 1;
            response.set("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length);
        }
        if (head) {
            response.set("Content-Length", Long.toString(count));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        // The JDK server takes 0 for "chunked" and -1 for "no body" (sent as Content-Length: 0).
        exchange.sendResponseHeaders(status, count == 0 ? -1 : count);
        if (count == 0) {
            return;
        }
        InputStream in = file.content();
        in.skipNBytes(start);
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[(int) Math.min(BUFFER, count)];
            long left = count;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("'" + m.name() + "' ended " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static boolean matchesAny(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2); // If-None-Match compares weakly
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml")) {
            return "application/xml";
        }
        if (lower.endsWith(".txt") || lower.endsWith(".rsc") || lower.endsWith(".alter")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static void text(HttpExchange exchange, int status, String body, boolean head) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The file name a raw request path names ({@code /<percent-encoded name>}), if it is a valid one. */
    static Optional<String> fileName(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String segment = rawPath.substring(1);
        if (segment.contains("/")) {
            return Optional.empty();
        }
        Optional<String> decoded = decode(segment);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileStore.checkName(decoded.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A file name as one percent-encoded path segment (everything but RFC 3986's unreserved characters encoded). */
    public static String encodeSegment(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return sb.toString();
    }
}
