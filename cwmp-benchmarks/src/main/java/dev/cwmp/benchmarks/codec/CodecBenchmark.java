package dev.cwmp.benchmarks.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.cwmp.protocol.CwmpCodec;
import dev.cwmp.protocol.CwmpEnvelope;

/**
 * Our codec on the payloads of {@link CodecPayloads}: decode the bytes a CPE sends, and encode the
 * envelope they decode to (into a reused buffer, so that the figure is the encoder's, not the copying
 * of a growing array).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

    private final CwmpCodec codec = CwmpCodec.create();
    private CwmpEnvelope envelope;
    private ByteArrayOutputStream out;

    @Setup(Level.Trial)
    public void setUp(PayloadState payload) {
        envelope = codec.decode(payload.bytes);
        out = new ByteArrayOutputStream(payload.bytes.length * 2);
    }

    /** Bytes to an envelope of immutable messages. */
    @Benchmark
    public CwmpEnvelope decode(PayloadState payload) {
        return codec.decode(payload.bytes);
    }

    /** The same bytes as a stream, as a servlet or HTTP server hands them over. */
    @Benchmark
    public CwmpEnvelope decodeStream(PayloadState payload) {
        return codec.decode(new ByteArrayInputStream(payload.bytes));
    }

    /** The envelope to UTF-8 bytes. */
    @Benchmark
    public int encode() {
        out.reset();
        codec.encode(envelope, out);
        return out.size();
    }
}
