package dev.cwmp.store.jdbc.internal;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link ByteSink} wrote, from an array, checking every length against what is left:
 * a truncated or corrupt blob is a {@link CorruptBlobException}, never an endless loop or a huge
 * allocation.
 */
final class ByteSource {

    /** The blob ends early or holds a value it cannot hold. */
    static final class CorruptBlobException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptBlobException(String message) {
            super(message);
        }
    }

    private final byte[] bytes;
    private int position;
    private final int end;

    ByteSource(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    int readUnsignedByte() throws CorruptBlobException {
        if (position >= end) {
            throw new CorruptBlobException("unexpected end of data");
        }
        return bytes[position++] & 0xFF;
    }

    int readInt() throws CorruptBlobException {
        need(4);
        int v = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    long readLong() throws CorruptBlobException {
        return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
    }

    /** An unsigned 32-bit varint, as written by {@link ByteSink#writeVarint}. */
    int readVarint() throws CorruptBlobException {
        long v = readVarlong();
        if (v > 0xFFFFFFFFL || v < 0) {
            throw new CorruptBlobException("varint out of range");
        }
        return (int) v;
    }

    long readVarlong() throws CorruptBlobException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new CorruptBlobException("varint too long");
    }

    /** A count that a blob of this size can hold (every item takes at least one byte). */
    int readCount() throws CorruptBlobException {
        int n = readVarint();
        if (n < 0 || n > end - position) {
            throw new CorruptBlobException("bad count " + n);
        }
        return n;
    }

    String readString() throws CorruptBlobException {
        int n = readVarint();
        need(n);
        String s = new String(bytes, position, n, StandardCharsets.UTF_8);
        position += n;
        return s;
    }

    private void need(int n) throws CorruptBlobException {
        if (n < 0 || n > end - position) {
            throw new CorruptBlobException("unexpected end of data (" + n + " bytes wanted)");
        }
    }
}
