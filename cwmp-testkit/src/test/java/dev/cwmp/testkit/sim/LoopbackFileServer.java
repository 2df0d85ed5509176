package dev.cwmp.testkit.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small file server on loopback for the simulator's transfers: GET serves files, PUT keeps uploads. */
final class LoopbackFileServer implements AutoCloseable {

    record Upload(String path, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Upload> uploads = new CopyOnWriteArrayList<>();
    final List<String> gets = new CopyOnWriteArrayList<>();

    LoopbackFileServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("PUT")) {
                    uploads.add(new Upload(path, body));
                    exchange.sendResponseHeaders(201, -1);
                    return;
                }
                gets.add(path);
                byte[] file = files.get(path);
                if (file == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
            }
        });
        server.start();
    }

    LoopbackFileServer put(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
