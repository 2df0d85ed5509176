package dev.cwmp.testkit.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's command line: N devices of one profile against an ACS, until stopped or for a
 * number of seconds.
 *
 * <pre>
 * java -cp ... dev.cwmp.testkit.sim.SimulatorMain --acs http://127.0.0.1:7547/ [--devices 100]
 *     [--csv device.csv | (default) the MikroTik RB951Ui-2HnD] [--serial-prefix SIM] [--periodic 300]
 *     [--acs-user U --acs-password P] [--cr-user U --cr-password P] [--cr-port 7548]
 *     [--threads 8] [--seconds 60] [--quirks preemptive-basic,single-event,never-bootstrap,...]
 * </pre>
 *
 * <p>Quirk names: {@code xsi-1999}, {@code no-xsi-type}, {@code wrong-array-counts},
 * {@code boolean-digits}, {@code fault-detail-in-faultstring}, {@code single-event},
 * {@code never-bootstrap}, {@code preemptive-basic}, {@code fatal-401}, {@code cookie-attributes},
 * {@code cookie-commas}, {@code open-connection-requests}, {@code prefix:SOAP-ENV}, {@code cwmp-prefix:ns1}.
 * Prints a line of session counts every 10 seconds. Exit status 0, or 2 on bad arguments.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    /** Runs the command line. */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        URI acs = null;
        int devices = 1;
        Path csv = null;
        String prefix = "SIM";
        long periodic = 0;
        String acsUser = "";
        String acsPassword = "";
        String crUser = "";
        String crPassword = "";
        int crPort = 0;
        int threads = 8;
        long seconds = 0;
        Quirks quirks = Quirks.NONE;
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
                    case "--acs" -> acs = URI.create(v);
                    case "--devices" -> devices = Integer.parseInt(v);
                    case "--csv" -> csv = Path.of(v);
                    case "--serial-prefix" -> prefix = v;
                    case "--periodic" -> periodic = Long.parseLong(v);
                    case "--acs-user" -> acsUser = v;
                    case "--acs-password" -> acsPassword = v;
                    case "--cr-user" -> crUser = v;
                    case "--cr-password" -> crPassword = v;
                    case "--cr-port" -> crPort = Integer.parseInt(v);
                    case "--threads" -> threads = Integer.parseInt(v);
                    case "--seconds" -> seconds = Long.parseLong(v);
                    case "--quirks" -> quirks = quirks(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (acs == null) {
                throw new IllegalArgumentException("--acs is required");
            }
            if (devices < 1) {
                throw new IllegalArgumentException("--devices must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            usage(err);
            return 2;
        }
        DeviceProfile profile;
        try {
            profile = csv == null ? DeviceProfile.mikrotikRb951Ui2HnD() : DeviceProfile.fromGenieacsCsv(csv);
        } catch (IOException | SimulatorException e) {
            err.println("cannot read the device profile: " + e.getMessage());
            return 2;
        }
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Simulator.Builder builder = Simulator.builder(acs).threads(threads).quirks(quirks)
                .acsCredentials(acsUser, acsPassword).connectionRequestCredentials(crUser, crPassword)
                .connectionRequestAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), crPort))
                .listener(r -> (r.outcome() == SessionRecord.Outcome.COMPLETED ? completed : failed).incrementAndGet());
        if (periodic > 0) {
            builder.periodicInform(Duration.ofSeconds(periodic));
        }
        try (Simulator simulator = builder.build()) {
            simulator.addDevices(profile, devices, prefix);
            out.printf(Locale.ROOT, "%d x %s informing %s; connection requests on 127.0.0.1:%d%n", devices,
                    profile.name(), acs, simulator.connectionRequestPort().orElse(0));
            simulator.powerOnAll();
            long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                out.printf(Locale.ROOT, "sessions: %d completed, %d failed%n", completed.get(), failed.get());
            }
        }
        return 0;
    }

    static Quirks quirks(String list) {
        Quirks.Builder b = Quirks.builder();
        for (String q : list.split(",")) {
            String name = q.strip();
            if (name.startsWith("prefix:")) {
                b.envelopePrefix(name.substring(7));
                continue;
            }
            if (name.startsWith("cwmp-prefix:")) {
                b.cwmpPrefix(name.substring(12));
                continue;
            }
            switch (name) {
                case "xsi-1999" -> b.xsi1999(true);
                case "no-xsi-type" -> b.omitXsiType(true);
                case "wrong-array-counts" -> b.wrongArrayTypeCounts(true);
                case "boolean-digits" -> b.booleansAsDigits(true);
                case "fault-detail-in-faultstring" -> b.faultDetailInFaultString(true);
                case "single-event" -> b.singleEvent(true);
                case "never-bootstrap" -> b.neverBootstrap(true);
                case "preemptive-basic" -> b.preemptiveBasic(true);
                case "fatal-401" -> b.unauthorizedIsFatal(true);
                case "cookie-attributes" -> b.cookieStyle(Quirks.CookieStyle.WITH_ATTRIBUTES);
                case "cookie-commas" -> b.cookieStyle(Quirks.CookieStyle.COMMA_SEPARATED);
                case "open-connection-requests" -> b.unauthenticatedConnectionRequests(true);
                case "" -> {
                }
                default -> throw new IllegalArgumentException("unknown quirk " + name);
            }
        }
        return b.build();
    }

    private static void usage(PrintStream out) {
        out.println("usage: SimulatorMain --acs URL [--devices N] [--csv FILE] [--serial-prefix P] [--periodic S]"
                + " [--acs-user U --acs-password P] [--cr-user U --cr-password P] [--cr-port PORT] [--threads N]"
                + " [--seconds S] [--quirks q1,q2,...]");
    }
}
