package dev.cwmp.nbi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * GenieACS's {@code GET /ping/<host>}: runs the system's {@code ping -c 3 -i 0.2 -w 2 <host>} for a
 * strictly checked host (a host name, an IPv4 or an IPv6 literal), at most a few at once, each for
 * a bounded time, with its output bounded.
 */
public final class Ping {

    /** The longest host name accepted (DNS's limit). */
    public static final int MAX_HOST_LENGTH = 253;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int MAX_OUTPUT = 16 * 1024;
    private static final int MAX_AT_ONCE = 4;

    private final Optional<Path> executable;
    private final Duration timeout;
    private final Semaphore running = new Semaphore(MAX_AT_ONCE);

    /**
     * @param executable the ping program (empty: {@code ping} looked up on the {@code PATH}, then in
     *     {@code /usr/bin}, {@code /bin}, {@code /usr/sbin}, {@code /sbin})
     * @param timeout how long a ping may run before it is stopped
     */
    public Ping(Optional<Path> executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** What a ping found: whether the host answered, and ping's output. */
    public record Result(boolean answered, String output) {
    }

    /** Whether the text is a host ping may be given: a host name, an IPv4 or an IPv6 literal. */
    public static boolean isValidHost(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH || host.startsWith("-")) {
            return false;
        }
        if (IPV4.matcher(host).matches()) {
            return true;
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6Literal(host);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty()) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // All-numeric dotted names that are not IPv4 (999.1.1.1, 1.2.3) are refused: ping would read them as addresses.
        return !name.matches("[0-9.]+");
    }

    private static boolean isIpv6Literal(String host) {
        if (!IPV6_CHARS.matcher(host).matches()) {
            return false;
        }
        try {
            // A literal (only hex digits, colons and dots) is parsed, never looked up.
            return java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address
                    || host.toLowerCase(Locale.ROOT).startsWith("::ffff:");
        } catch (IOException e) {
            return false;
        }
    }

    /** The ping program, when there is one. */
    public Optional<Path> program() {
        if (executable.isPresent()) {
            return executable.filter(Files::isExecutable);
        }
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "ping"));
                }
            }
        }
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            candidates.add(Path.of(dir, "ping"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Pings the host (checked with {@link #isValidHost} first).
     *
     * @throws HttpError 400 for a bad host, 501 when there is no ping program or it may not run,
     *     503 when too many pings run already
     */
    public Result ping(String host) {
        if (!isValidHost(host)) {
            throw HttpError.badRequest("not a host name or IP address: '" + abbreviate(host) + "'");
        }
        Path program = program().orElseThrow(() -> new HttpError(501,
                "ping is not available on this server (no ping program found)"));
        if (!running.tryAcquire()) {
            throw new HttpError(503, "too many pings at once; try again");
        }
        try {
            return run(program, host);
        } finally {
            running.release();
        }
    }

    private Result run(Path program, String host) {
        List<String> command = List.of(program.toString(), "-c", "3", "-i", "0.2", "-w", "2", host);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new HttpError(501, "ping cannot run on this server: " + e.getMessage());
        }
        try {
            // Three echoes print well under the pipe's buffer: ping never blocks on its output; a
            // ping that prints more than that, or does not stop, is stopped at the timeout.
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String text = new String(readBounded(process.getInputStream(), ended), StandardCharsets.UTF_8);
            if (!ended) {
                return new Result(false, text + "\n(stopped after " + timeout.toMillis() + " ms)");
            }
            int exit = process.exitValue();
            if (exit != 0 && notPermitted(text)) {
                throw new HttpError(501, "ping may not run on this server: " + firstLine(text));
            }
            return new Result(exit == 0, text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted while pinging " + host);
        } catch (IOException e) {
            throw new HttpError(500, "reading ping's output failed: " + e.getMessage());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * What the process printed, at most {@link #MAX_OUTPUT} bytes: to the end when it ended, else
     * only what is buffered (a child it left behind may hold the pipe open).
     */
    private static byte[] readBounded(InputStream in, boolean ended) throws IOException {
        try (in) {
            return in.readNBytes(ended ? MAX_OUTPUT : Math.min(MAX_OUTPUT, in.available()));
        }
    }

    private static boolean notPermitted(String output) {
        String lower = output.toLowerCase(Locale.ROOT);
        return lower.contains("operation not permitted") || lower.contains("permission denied");
    }

    static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
