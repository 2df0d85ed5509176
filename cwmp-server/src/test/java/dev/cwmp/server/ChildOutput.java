package dev.cwmp.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process's output, read line by line on a daemon thread: a test waits for the line that
 * shows what it waits for, never for a while.
 */
final class ChildOutput {

    /** Put on the queue when the child closed its output. */
    private static final String END = new String("<end of output>");

    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildOutput() {
    }

    /** Starts reading the standard output of {@code process} (merge its errors into it to see them). */
    static ChildOutput follow(Process process) {
        ChildOutput output = new ChildOutput();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.unread.add(line);
                }
            } catch (IOException e) {
                output.unread.add("(reading the child's output failed: " + e + ")");
            } finally {
                output.unread.add(END);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    /**
     * Waits for the next line matching {@code pattern} (lines before it are kept for {@link #lines()})
     * and returns its match; fails with every line read so far when the output ends or the time is up.
     */
    Matcher await(Pattern pattern, Duration timeout) {
        return await(pattern, timeout, false);
    }

    private Matcher await(Pattern pattern, Duration timeout, boolean untilEnd) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? unread.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == END && untilEnd) {
                    unread.add(END);
                    return null;
                }
                if (line == null || line == END) {
                    if (line == END) {
                        unread.add(END);
                    }
                    return fail("no line matching '%s' %s; the child's output:%n%s", pattern,
                            line == null ? "within " + timeout : "before the output ended", String.join("\n", seen));
                }
                synchronized (seen) {
                    seen.add(line);
                }
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    /** Reads to the end of the output (the child exited and closed it); fails when the time is up. */
    List<String> readToEnd(Duration timeout) {
        await(Pattern.compile("(?!)"), timeout, true);
        return lines();
    }

    /** The lines {@link #await} has read so far. */
    List<String> lines() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}
