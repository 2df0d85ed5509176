package dev.cwmp.store.jdbc.internal;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Whole-buffer deflate and inflate for the stored trees, with a few {@link Deflater}s and
 * {@link Inflater}s kept for reuse (each holds a few hundred kilobytes of native memory and costs
 * more to set up than a small tree costs to compress). One native call per buffer, where a stream
 * of single-byte writes made one per byte.
 */
final class Compression {

    private static final int POOLED = 8;
    private static final ArrayBlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(POOLED);
    private static final ArrayBlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(POOLED);

    private Compression() {
    }

    /** {@code header} then the deflated bytes of {@code raw}. */
    static byte[] deflate(int header, ByteSink raw) {
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED);
        }
        try {
            deflater.setInput(raw.array(), 0, raw.size());
            deflater.finish();
            byte[] out = new byte[Math.max(64, raw.size() / 3)];
            out[0] = (byte) header;
            int size = 1;
            while (!deflater.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                size += deflater.deflate(out, size, out.length - size);
            }
            return Arrays.copyOf(out, size);
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /** The inflated bytes of {@code blob} from {@code offset}, refused beyond {@code maxBytes}. */
    static ByteSource inflate(byte[] blob, int offset, int maxBytes) throws ByteSource.CorruptBlobException {
        Inflater inflater = INFLATERS.poll();
        if (inflater == null) {
            inflater = new Inflater();
        }
        try {
            inflater.setInput(blob, offset, blob.length - offset);
            byte[] out = new byte[(int) Math.min(maxBytes, Math.max(256L, (blob.length - offset) * 4L))];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (out.length >= maxBytes) {
                        throw new ByteSource.CorruptBlobException("inflates to more than " + maxBytes + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxBytes, out.length * 2L));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ByteSource.CorruptBlobException("truncated compressed data");
                }
                size += n;
            }
            return new ByteSource(out, 0, size);
        } catch (DataFormatException e) {
            throw new ByteSource.CorruptBlobException("bad compressed data: " + e.getMessage());
        } finally {
            inflater.reset();
            if (!INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }
}
