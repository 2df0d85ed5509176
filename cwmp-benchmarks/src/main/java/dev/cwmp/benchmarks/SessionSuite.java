package dev.cwmp.benchmarks;

import dev.cwmp.benchmarks.session.AcsServerMain;
import dev.cwmp.benchmarks.session.ServerProcess;
import dev.cwmp.testkit.load.LoadGenerator;
import dev.cwmp.testkit.load.LoadMain;
import dev.cwmp.testkit.load.LoadReport;
import dev.cwmp.testkit.load.LoadReports;
import dev.cwmp.testkit.load.Scenario;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/bench session}: CWMP sessions per second and latency of our ACS against a canned server
 * that sends the same bytes without parsing anything, in one run, with the same load generator and
 * settings, over loopback.
 *
 * <p>Six configurations (the last two: our ACS on {@code SocketTransport} instead of the JDK server), in this order: the canned server (bare sessions: Inform, empty POST, 204),
 * our ACS bare (JDK HTTP adapter, {@code CpeAuthenticator.none()}, in-memory store, logging at WARN),
 * the canned server get-then-set (GetParameterValues of two names, then SetParameterValues of one
 * value), our ACS get-then-set. Each server runs in a JVM of its own (same JVM options for both), so
 * the generator's threads and collections do not pause it; the generator ({@code cwmp-testkit}) runs
 * 64 CPEs in this JVM. All servers start at once; each gets a warm-up of 15 s; then 5 rounds of
 * one 5 s run per configuration, in turn, so that a change in the shared machine's load falls on all
 * of them alike. The figures are the medians of the runs (sessions per second, and each latency
 * percentile). About 4 minutes.
 *
 * <p>The warm-up is long because the figures are steady-state figures and the JIT needs it: on 2
 * shared cores our ACS behind the JDK server still runs part of the XML decoder in the interpreter
 * after 10 s of load (the JDK server's own code competes for the compiler threads), so with a 3 s
 * warm-up the first rounds measured the compiler, not the server. Every configuration gets the same
 * warm-up; the canned server has next to nothing to compile either way.
 *
 * <p>Targets (issue 4): our bare rate at least 60 % of the canned server's, our bare p99 at most
 * 25 ms, our get-then-set rate at least 40 % of the canned server's bare rate.
 *
 * <p>Options: {@code --cpes 64 --warmup 15 --seconds 5 --runs 5}.
 */
public final class SessionSuite {

    static final double TARGET_BARE_RATIO = 0.60;
    static final double TARGET_BARE_P99_MS = 25;
    static final double TARGET_GET_THEN_SET_RATIO = 0.40;

    private SessionSuite() {
    }

    private record Settings(int cpes, Duration warmUp, Duration run, int runs) {
    }

    public static void main(String[] args) {
        int cpes = 64;
        double warmup = 15;
        double seconds = 5;
        int runs = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cpes" -> cpes = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--cpes, --warmup, --seconds, --runs)");
            }
        }
        Settings settings = new Settings(cpes, Duration.ofMillis((long) (warmup * 1000)),
                Duration.ofMillis((long) (seconds * 1000)), runs);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        List<Config> configs = List.of(
                new Config("canned bare", Scenario.BARE, LoadMain.class.getName(),
                        List.of("--canned-server", "0", "--scenario", "bare")),
                new Config("ours bare", Scenario.BARE, AcsServerMain.class.getName(), List.of("bare")),
                new Config("canned get-then-set", Scenario.GET_THEN_SET, LoadMain.class.getName(),
                        List.of("--canned-server", "0", "--scenario", "get-then-set")),
                new Config("ours get-then-set", Scenario.GET_THEN_SET, AcsServerMain.class.getName(),
                        List.of("get-then-set")),
                new Config("ours bare, socket transport", Scenario.BARE, AcsServerMain.class.getName(),
                        List.of("bare", "socket")),
                new Config("ours get-then-set, socket transport", Scenario.GET_THEN_SET,
                        AcsServerMain.class.getName(), List.of("get-then-set", "socket")));
        List<LoadReport> medians = measure(configs, settings);
        LoadReport cannedBare = medians.get(0);
        LoadReport oursBare = medians.get(1);
        LoadReport cannedGetSet = medians.get(2);
        LoadReport oursGetSet = medians.get(3);
        LoadReport socketBare = medians.get(4);
        LoadReport socketGetSet = medians.get(5);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        List<String> verdicts = new ArrayList<>();
        BenchReport report = new BenchReport(String.format(Locale.ROOT,
                "session: medians of %d runs of %s after a %s warm-up, %d CPEs, loopback, server in its own JVM",
                runs, settings.run(), settings.warmUp(), cpes));
        figures(report, "session.canned.bare", cannedBare, "ceiling: same bytes, nothing parsed");
        figures(report, "session.ours.bare", oursBare, "JDK adapter, in-memory store");
        figures(report, "session.canned.get_then_set", cannedGetSet, "ceiling");
        figures(report, "session.ours.get_then_set", oursGetSet, "GetParameterValues + SetParameterValues");
        figures(report, "session.socket.bare", socketBare, "SocketTransport instead of the JDK server");
        figures(report, "session.socket.get_then_set", socketGetSet, "SocketTransport instead of the JDK server");

        double bareRatio = oursBare.sessionsPerSecond() / cannedBare.sessionsPerSecond();
        double bareP99 = millis(oursBare.latency().p99());
        double getSetRatio = oursGetSet.sessionsPerSecond() / cannedBare.sessionsPerSecond();
        report.figure("ratio.ours_over_canned.bare", bareRatio, "x",
                verdict(verdicts, "bare sessions/s >= 60 % of the canned server's", bareRatio >= TARGET_BARE_RATIO));
        report.figure("session.ours.bare.p99_target", bareP99, "ms",
                verdict(verdicts, "bare p99 <= 25 ms", bareP99 <= TARGET_BARE_P99_MS));
        report.figure("ratio.ours_get_then_set_over_canned_bare", getSetRatio, "x",
                verdict(verdicts, "get-then-set sessions/s >= 40 % of the canned server's bare rate",
                        getSetRatio >= TARGET_GET_THEN_SET_RATIO));
        report.figure("ratio.ours_over_canned.get_then_set",
                oursGetSet.sessionsPerSecond() / cannedGetSet.sessionsPerSecond(), "x", "no target; for comparison");
        report.figure("ratio.canned_p99_over_ours_p99.bare",
                millis(cannedBare.latency().p99()) / bareP99, "x", "no target; the ceiling's own tail on this machine");
        double socketBareRatio = socketBare.sessionsPerSecond() / cannedBare.sessionsPerSecond();
        double socketBareP99 = millis(socketBare.latency().p99());
        double socketGetSetRatio = socketGetSet.sessionsPerSecond() / cannedBare.sessionsPerSecond();
        report.figure("ratio.socket_over_canned.bare", socketBareRatio, "x",
                verdict(verdicts, "SocketTransport: bare sessions/s >= 60 % of the canned server's",
                        socketBareRatio >= TARGET_BARE_RATIO));
        report.figure("session.socket.bare.p99_target", socketBareP99, "ms",
                verdict(verdicts, "SocketTransport: bare p99 <= 25 ms", socketBareP99 <= TARGET_BARE_P99_MS));
        report.figure("ratio.socket_get_then_set_over_canned_bare", socketGetSetRatio, "x",
                verdict(verdicts, "SocketTransport: get-then-set sessions/s >= 40 % of the canned server's bare rate",
                        socketGetSetRatio >= TARGET_GET_THEN_SET_RATIO));
        int cpus = Runtime.getRuntime().availableProcessors();
        report.figure("system_load_average.before", loadBefore, "", cpus + " CPUs: figures suffer when this exceeds them");
        report.figure("system_load_average.after", loadAfter, "");
        report.print();
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    private record Config(String label, Scenario scenario, String mainClass, List<String> args) {
    }

    /**
     * Starts every server (each in its own JVM; an idle one costs next to nothing), warms each up,
     * then measures run by run in turn (run 1 of every configuration, then run 2, ...), so that a
     * change in the shared machine's load falls on all configurations alike. Returns the medians.
     */
    private static List<LoadReport> measure(List<Config> configs, Settings s) {
        List<ServerProcess> servers = new ArrayList<>();
        try {
            List<LoadGenerator> generators = new ArrayList<>();
            for (Config c : configs) {
                ServerProcess server = ServerProcess.start(c.mainClass(), c.args().toArray(String[]::new));
                servers.add(server);
                URI url = URI.create("http://127.0.0.1:" + server.port() + "/");
                if (!s.warmUp().isZero()) {
                    LoadGenerator.builder(url).cpes(s.cpes()).scenario(c.scenario()).duration(s.warmUp())
                            .serialPrefix("WARM").build().run();
                }
                generators.add(LoadGenerator.builder(url).cpes(s.cpes()).scenario(c.scenario())
                        .duration(s.run()).build());
            }
            LoadReport[][] reports = new LoadReport[configs.size()][s.runs()];
            for (int r = 0; r < s.runs(); r++) {
                for (int i = 0; i < configs.size(); i++) {
                    LoadReport report = generators.get(i).run();
                    reports[i][r] = report;
                    System.out.printf(Locale.ROOT,
                            "%-20s run %d: %6.0f sessions/s, p50 %6.2f ms, p99 %6.2f ms, %.2f requests/session, %d errors%n",
                            configs.get(i).label(), r + 1, report.sessionsPerSecond(), millis(report.latency().p50()),
                            millis(report.latency().p99()), report.requestsPerSession(), report.errorCount());
                }
            }
            List<LoadReport> medians = new ArrayList<>();
            for (LoadReport[] runs : reports) {
                medians.add(LoadReports.median(runs));
            }
            return medians;
        } finally {
            servers.forEach(ServerProcess::close);
        }
    }

    private static void figures(BenchReport report, String name, LoadReport r, String comment) {
        report.figure(name + ".sessions_per_second", r.sessionsPerSecond(), "sessions/s", comment);
        report.figure(name + ".latency_p50", millis(r.latency().p50()), "ms");
        report.figure(name + ".latency_p99", millis(r.latency().p99()), "ms");
        report.figure(name + ".requests_per_session", r.requestsPerSession(), "requests");
        report.figure(name + ".errors", r.errorCount(), "sessions", "summed over the runs");
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String verdict(List<String> verdicts, String target, boolean met) {
        verdicts.add("TARGET " + target + ": " + (met ? "MET" : "MISSED"));
        return (met ? "met" : "MISSED") + ": " + target;
    }
}
