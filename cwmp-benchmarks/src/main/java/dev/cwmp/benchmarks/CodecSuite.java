package dev.cwmp.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.cwmp.benchmarks.codec.BaselineBenchmark;
import dev.cwmp.benchmarks.codec.CodecBenchmark;
import dev.cwmp.benchmarks.codec.CodecPayloads;
import dev.cwmp.protocol.CwmpCodec;

/**
 * {@code bin/bench codec}: decode and encode of the codec on three payloads (a MikroTik Inform with 20
 * parameters, a GetParameterValuesResponse with 1,000 parameters, the GetParameterNamesResponse of
 * the largest device dump), against a SAAJ (DOM) parse and a bare Woodstox pass of the same bytes;
 * average time per operation and allocation per operation (GC profiler). Prints medians, ratios and
 * whether each target is met.
 *
 * <p>Defaults: 1 fork, 3 warm-up iterations of 1 s, 5 measurement iterations of 1 s; JMH's own
 * command-line options override them (e.g. {@code bin/bench codec -f 2 -i 10}).
 */
public final class CodecSuite {

    static final double TARGET_DECODE_VS_SAAJ = 8.0;
    static final double TARGET_DECODE_VS_BARE = 1.5;
    static final double TARGET_DECODE_ALLOC_BYTES = 16 * 1024;
    static final double TARGET_ENCODE_MB_PER_S = 100.0;

    private CodecSuite() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        List<String> payloads = new ArrayList<>(List.of(CodecPayloads.INFORM, CodecPayloads.GPV_1000));
        if (CodecPayloads.ex220Dump().isPresent()) {
            payloads.add(CodecPayloads.GPN_EX220);
        } else {
            System.out.println("Skipping payload (c) " + CodecPayloads.GPN_EX220 + ": no devices/tplink-ex220-tr181.csv under "
                    + CodecPayloads.sharedDir() + " (set -D" + CodecPayloads.SHARED_DIR_PROPERTY + "=<dir>)");
        }
        ChainedOptionsBuilder options = BenchReport.jmhDefaults(cmd)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-D" + CodecPayloads.SHARED_DIR_PROPERTY + "=" + CodecPayloads.sharedDir());
        if (cmd.getIncludes().isEmpty()) {
            options.include(CodecBenchmark.class.getName() + "\\.").include(BaselineBenchmark.class.getName() + "\\.");
        }
        if (!cmd.getParameter("payload").hasValue()) {
            options.param("payload", payloads.toArray(String[]::new));
        }
        Collection<RunResult> runs = new Runner(options.build()).run();
        report(runs, payloads);
    }

    private static void report(Collection<RunResult> runs, List<String> payloads) {
        BenchReport report = new BenchReport("codec (" + String.join(", ", payloads) + "), us/op medians");
        CwmpCodec codec = CwmpCodec.create();
        List<String> verdicts = new ArrayList<>();
        for (String payload : payloads) {
            byte[] bytes = CodecPayloads.bytes(payload);
            int encodedSize = codec.encode(codec.decode(bytes)).length;
            Optional<Double> decode = median(runs, "CodecBenchmark.decode:" + payload);
            Optional<Double> decodeStream = median(runs, "CodecBenchmark.decodeStream:" + payload);
            Optional<Double> encode = median(runs, "CodecBenchmark.encode:" + payload);
            Optional<Double> saaj = median(runs, "BaselineBenchmark.saajParse:" + payload);
            Optional<Double> bare = median(runs, "BaselineBenchmark.bareWoodstox:" + payload);
            decode.ifPresent(v -> report.figure("decode." + payload, v, "us/op", bytes.length + " bytes in"));
            decodeStream.ifPresent(v -> report.figure("decode_stream." + payload, v, "us/op", "the same from an InputStream"));
            saaj.ifPresent(v -> report.figure("saaj." + payload, v, "us/op", "SAAJ DOM parse, body touched"));
            bare.ifPresent(v -> report.figure("bare." + payload, v, "us/op", "Woodstox events + getText, nothing built"));
            encode.ifPresent(v -> report.figure("encode." + payload, v, "us/op", encodedSize + " bytes out"));
            if (decode.isPresent() && saaj.isPresent()) {
                double ratio = saaj.get() / decode.get();
                String comment = payload.equals(CodecPayloads.INFORM)
                        ? BenchReport.verdict(verdicts, "decode inform >= 8x faster than SAAJ", ratio >= TARGET_DECODE_VS_SAAJ)
                        : "";
                report.figure("ratio.saaj_over_ours." + payload, ratio, "x", comment);
            }
            if (decode.isPresent() && bare.isPresent()) {
                double ratio = decode.get() / bare.get();
                String comment = payload.equals(CodecPayloads.INFORM)
                        ? BenchReport.verdict(verdicts, "decode inform <= 1.5x the bare pass", ratio <= TARGET_DECODE_VS_BARE)
                        : "";
                report.figure("ratio.ours_over_bare." + payload, ratio, "x", comment);
            }
            alloc(runs, "CodecBenchmark.decode:" + payload).ifPresent(b -> report.figure("alloc.decode." + payload, b, "B/op",
                    payload.equals(CodecPayloads.INFORM)
                            ? BenchReport.verdict(verdicts, "allocation per decoded inform <= 16 KB", b <= TARGET_DECODE_ALLOC_BYTES)
                            : ""));
            alloc(runs, "BaselineBenchmark.saajParse:" + payload).ifPresent(b -> report.figure("alloc.saaj." + payload, b, "B/op"));
            alloc(runs, "BaselineBenchmark.bareWoodstox:" + payload).ifPresent(b -> report.figure("alloc.bare." + payload, b, "B/op"));
            alloc(runs, "CodecBenchmark.encode:" + payload).ifPresent(b -> report.figure("alloc.encode." + payload, b, "B/op"));
            encode.ifPresent(us -> {
                double megabytesPerSecond = encodedSize / us; // bytes per microsecond = MB/s (10^6 bytes)
                report.figure("encode_throughput." + payload, megabytesPerSecond, "MB/s",
                        payload.equals(CodecPayloads.GPV_1000)
                                ? BenchReport.verdict(verdicts, "encode gpv1000 >= 100 MB/s", megabytesPerSecond >= TARGET_ENCODE_MB_PER_S)
                                : "");
            });
        }
        report.print();
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    private static Optional<Double> median(Collection<RunResult> runs, String suffix) {
        try {
            return Optional.of(BenchReport.median(runs, suffix));
        } catch (IllegalArgumentException notRun) {
            return Optional.empty();
        }
    }

    private static Optional<Double> alloc(Collection<RunResult> runs, String suffix) {
        try {
            return BenchReport.secondaryMedian(runs, suffix, "gc.alloc.rate.norm");
        } catch (IllegalArgumentException notRun) {
            return Optional.empty();
        }
    }
}
