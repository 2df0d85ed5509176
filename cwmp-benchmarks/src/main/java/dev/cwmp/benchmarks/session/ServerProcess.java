package dev.cwmp.benchmarks.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own, started with this JVM's class path: the generator's
 * threads and garbage collections then do not pause the server, as they would not in production.
 * The child prints {@code LISTENING <port>} first; its other output is passed through.
 */
public final class ServerProcess implements AutoCloseable {

    /** The server JVM's options: the same for the canned server and ours. */
    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code mainClass} with the arguments and waits for its port. */
    public static ServerProcess start(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("LISTENING ")) {
                    int port = Integer.parseInt(line.split(" ")[1]);
                    Thread drain = new Thread(() -> passThrough(out), "server-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new ServerProcess(p, port);
                }
                System.out.println("[server] " + line);
            }
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " ended without listening");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    private static void passThrough(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("[server] " + line);
            }
        } catch (IOException e) {
            // the server is gone
        }
    }

    /** The server's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
