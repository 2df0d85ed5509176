package dev.cwmp.protocol.testsupport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An input stream that serves a head, then one chunk repeated until a given number of bytes, then a
 * tail, without ever holding more than those three arrays; it counts the bytes handed out, so that a
 * test can see how far a reader went.
 */
public final class GeneratedInputStream extends InputStream {

    private final byte[] head;
    private final byte[] repeated;
    private final long repeatedBytes;
    private final byte[] tail;
    private final long total;
    private long served;

    private GeneratedInputStream(byte[] head, byte[] repeated, long repeatedBytes, byte[] tail) {
        this.head = head;
        this.repeated = repeated;
        this.repeatedBytes = repeatedBytes;
        this.tail = tail;
        this.total = head.length + repeatedBytes + tail.length;
        if (repeated.length == 0 && repeatedBytes > 0) {
            throw new IllegalArgumentException("nothing to repeat");
        }
    }

    /** {@code head}, then {@code repeated} until {@code repeatedBytes} bytes, then {@code tail} (UTF-8). */
    public static GeneratedInputStream of(String head, String repeated, long repeatedBytes, String tail) {
        return new GeneratedInputStream(utf8(head), utf8(repeated), repeatedBytes, utf8(tail));
    }

    private static byte[] utf8(String text) {
        return Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8);
    }

    /** How many bytes the reader has taken so far. */
    public long bytesServed() {
        return served;
    }

    /** How many bytes the whole stream would serve. */
    public long totalBytes() {
        return total;
    }

    @Override
    public int read() {
        if (served >= total) {
            return -1;
        }
        return byteAt(served++) & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (served >= total) {
            return -1;
        }
        int n = (int) Math.min(length, total - served);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = byteAt(served + i);
        }
        served += n;
        return n;
    }

    private byte byteAt(long position) {
        if (position < head.length) {
            return head[(int) position];
        }
        long inRepeated = position - head.length;
        if (inRepeated < repeatedBytes) {
            return repeated[(int) (inRepeated % repeated.length)];
        }
        return tail[(int) (inRepeated - repeatedBytes)];
    }
}
