package dev.cwmp.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array for the stores' binary codecs: big-endian fixed-width numbers, unsigned
 * LEB128 varints, strings as a varint length and UTF-8. Not thread-safe, no locking per byte (the
 * streams of {@code java.io} synchronise every write).
 */
final class ByteSink {

    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    void writeInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    /** An int as an unsigned 32-bit varint (a negative int takes five bytes). */
    void writeVarint(int v) {
        writeVarlong(v & 0xFFFFFFFFL);
    }

    /** A long as an unsigned varint. */
    void writeVarlong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    void writeString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(b.length);
        write(b);
    }

    int size() {
        return size;
    }

    /** The bytes written; the array itself, valid up to {@link #size()}. */
    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
