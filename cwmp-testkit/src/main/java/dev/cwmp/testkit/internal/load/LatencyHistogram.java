package dev.cwmp.testkit.internal.load;

/**
 * A fixed-bucket latency histogram in microseconds, log-linear like HdrHistogram: exact below 128 µs,
 * then 64 buckets per power of two (a reported percentile is within 1/64, about 1.6 %, below the true
 * value). Values above about 67 s fall into the last bucket. Recording is a shift and an increment,
 * without allocation; one histogram per thread, merged at the end. Not thread-safe.
 */
public final class LatencyHistogram {

    private static final int EXACT = 128;
    private static final int SUB_BUCKETS = 64;
    /** Bit length of the largest value kept apart: 2^26 µs is about 67 s. */
    private static final int MAX_BITS = 26;
    private static final int BUCKETS = EXACT + (MAX_BITS - 7) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    /** Records one value in microseconds (negative values count as 0). */
    public void record(long micros) {
        long v = Math.max(0, micros);
        counts[indexOf(v)]++;
        total++;
        if (v > max) {
            max = v;
        }
    }

    /** Adds every value recorded in {@code other}. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    /** How many values were recorded. */
    public long count() {
        return total;
    }

    /** The largest value recorded, exactly; 0 when empty. */
    public long max() {
        return max;
    }

    /**
     * The value at the percentile (0 to 100): the lowest bucket bound at or below which at least that
     * share of the values lie, never above the maximum; 0 when empty.
     */
    public long percentile(double percentile) {
        if (percentile < 0 || percentile > 100 || Double.isNaN(percentile)) {
            throw new IllegalArgumentException("percentile must be within 0 to 100: " + percentile);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(lowestValueOf(i), max);
            }
        }
        return max;
    }

    static int indexOf(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int bits = 64 - Long.numberOfLeadingZeros(v); // v >= 128: bits >= 8
        if (bits > MAX_BITS) {
            return BUCKETS - 1;
        }
        int shift = bits - 7; // keeps the top 7 bits: 64..127
        int sub = (int) (v >>> shift) - SUB_BUCKETS;
        return EXACT + (shift - 1) * SUB_BUCKETS + sub;
    }

    static long lowestValueOf(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = (index - EXACT) / SUB_BUCKETS + 1;
        int sub = (index - EXACT) % SUB_BUCKETS + SUB_BUCKETS;
        return (long) sub << shift;
    }
}
