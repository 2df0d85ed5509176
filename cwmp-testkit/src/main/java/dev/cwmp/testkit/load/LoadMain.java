package dev.cwmp.testkit.load;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The load generator's command line.
 *
 * <pre>
 * java -cp cwmp-testkit.jar:cwmp-protocol.jar:woodstox... dev.cwmp.testkit.load.LoadMain \
 *     --url http://127.0.0.1:7547/ --cpes 64 --seconds 10 --warmup 3 --scenario bare|get-then-set
 *     [--sessions N] [--timeout-ms 10000] [--runs 5] [--serial-prefix LG]
 * java ... dev.cwmp.testkit.load.LoadMain --canned-server 7547 [--scenario bare|get-then-set] [--bind 127.0.0.1]
 * </pre>
 *
 * <p>With {@code --runs N} (default 1) it measures N times after one warm-up and prints each run and
 * then the median run's figures (by sessions per second; the p99 is the median of the runs' p99s).
 * It prints {@code RESULT name=value unit} lines. Exit status 0, or 1 when sessions failed, 2 on bad
 * arguments.
 */
public final class LoadMain {

    private LoadMain() {
    }

    /** Runs the command line. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        URI url = null;
        int cpes = 64;
        double seconds = 10;
        double warmup = 3;
        long sessions = 0;
        int runs = 1;
        long timeoutMs = 10_000;
        Scenario scenario = Scenario.BARE;
        String serialPrefix = "LG";
        int cannedPort = -1;
        String bind = "127.0.0.1";
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    usage(out);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--url" -> url = URI.create(v);
                    case "--cpes" -> cpes = Integer.parseInt(v);
                    case "--seconds" -> seconds = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--sessions" -> sessions = Long.parseLong(v);
                    case "--runs" -> runs = Integer.parseInt(v);
                    case "--timeout-ms" -> timeoutMs = Long.parseLong(v);
                    case "--scenario" -> scenario = Scenario.ofCliName(v);
                    case "--serial-prefix" -> serialPrefix = v;
                    case "--canned-server" -> cannedPort = Integer.parseInt(v);
                    case "--bind" -> bind = v;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (cannedPort >= 0) {
                try (CannedAcsServer server = CannedAcsServer.start(new InetSocketAddress(bind, cannedPort), scenario)) {
                    out.println("LISTENING " + server.port() + " canned " + scenario.cliName());
                    out.flush();
                    new CountDownLatch(1).await(); // until the process is stopped
                }
                return 0;
            }
            if (url == null) {
                throw new IllegalArgumentException("--url or --canned-server is required");
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1");
            }
            LoadGenerator.Builder b = LoadGenerator.builder(url).cpes(cpes).scenario(scenario)
                    .requestTimeout(Duration.ofMillis(timeoutMs)).serialPrefix(serialPrefix);
            if (sessions > 0) {
                b.sessions(sessions);
            } else {
                b.duration(Duration.ofMillis((long) (seconds * 1000)));
            }
            if (warmup > 0) {
                LoadGenerator.builder(url).cpes(cpes).scenario(scenario).requestTimeout(Duration.ofMillis(timeoutMs))
                        .serialPrefix(serialPrefix).duration(Duration.ofMillis((long) (warmup * 1000))).build().run();
            }
            LoadGenerator generator = b.build();
            LoadReport[] reports = new LoadReport[runs];
            for (int r = 0; r < runs; r++) {
                reports[r] = generator.run();
                out.printf(Locale.ROOT, "run %d: %.0f sessions/s, p50 %.2f ms, p99 %.2f ms, %.2f requests/session, %d errors%n",
                        r + 1, reports[r].sessionsPerSecond(), reports[r].latency().p50().toNanos() / 1e6,
                        reports[r].latency().p99().toNanos() / 1e6, reports[r].requestsPerSession(),
                        reports[r].errorCount());
            }
            LoadReport median = LoadReports.median(reports);
            median.printResults(out, "load." + scenario.cliName().replace('-', '_') + ".");
            long errors = 0;
            for (LoadReport r : reports) {
                errors += r.errorCount();
            }
            return errors == 0 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            usage(err);
            return 2;
        } catch (LoadTestException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: LoadMain --url http://HOST:PORT/PATH [--cpes 64] [--seconds 10 | --sessions N] [--warmup 3]
                                [--runs 1] [--scenario bare|get-then-set] [--timeout-ms 10000] [--serial-prefix LG]
                       LoadMain --canned-server PORT [--scenario bare|get-then-set] [--bind 127.0.0.1]""");
    }
}
