package dev.cwmp.protocol.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and fails with {@link BodyTooLargeException} once more than the limit were read. */
final class LimitedInputStream extends FilterInputStream {
    private final long maxBytes;
    private long count;

    LimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // Never ask for more than one byte past the limit: the stream stops promptly.
        long allowed = maxBytes - count + 1;
        int n = super.read(b, off, (int) Math.min(len, Math.max(1, allowed)));
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, maxBytes - count + 1));
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // The caller owns the stream.
    }

    private void add(long n) throws BodyTooLargeException {
        count += n;
        if (count > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
    }

    /** Thrown when the body exceeds the byte limit. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long maxBytes) {
            super("body larger than " + maxBytes + " bytes");
        }
    }
}
