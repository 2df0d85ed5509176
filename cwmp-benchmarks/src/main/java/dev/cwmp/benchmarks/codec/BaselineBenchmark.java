package dev.cwmp.benchmarks.codec;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPException;

/** The baselines on the same bytes as {@link CodecBenchmark}: SAAJ (DOM) and a bare Woodstox pass. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BaselineBenchmark {

    private XMLInputFactory woodstox;
    private MessageFactory saaj;

    @Setup
    public void setUp() {
        woodstox = Baselines.hardenedWoodstox();
        saaj = Baselines.saajFactory();
    }

    /** Every event read, the text of every text event fetched, nothing built. */
    @Benchmark
    public long bareWoodstox(PayloadState payload) throws XMLStreamException {
        return Baselines.bareWoodstoxPass(woodstox, payload.bytes);
    }

    /** A SAAJ message parsed into its DOM, the body touched. */
    @Benchmark
    public Object saajParse(PayloadState payload) throws SOAPException, IOException {
        return Baselines.saajParse(saaj, payload.bytes);
    }
}
