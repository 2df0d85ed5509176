package dev.cwmp.benchmarks.codec;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The bytes of one payload of {@link CodecPayloads}, built once per trial. */
@State(Scope.Benchmark)
public class PayloadState {

    /** Which payload; {@code CodecSuite} leaves out {@code gpnEx220} when the dump is absent. */
    @Param({CodecPayloads.INFORM, CodecPayloads.GPV_1000, CodecPayloads.GPN_EX220})
    public String payload;

    byte[] bytes;

    @Setup(Level.Trial)
    public void load() {
        bytes = CodecPayloads.bytes(payload);
    }
}
