package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.server.internal.DataDirectory;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/acs} stopped by SIGTERM (a service manager, {@code docker stop}, Ctrl-C): the server in a
 * child JVM runs its shutdown hook, logs it, releases the data directory and keeps what it stored.
 */
class ShutdownOnSigtermTest {

    private static final String SERIAL = "5160000001";
    private static final Duration PROMPTLY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    @Test
    void sigterm_stops_the_server_with_its_log_line_frees_the_data_directory_and_keeps_the_devices()
            throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows"),
                "SIGTERM test skipped: ProcessHandle.destroy() sends SIGTERM on Unix only");
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AcsServer.class.getName(),
                "--open", "--cpe-auth", "none", "--cwmp-port", "0", "--nbi-port", "0", "--fs-port", "0",
                "--no-zero-touch", "--data-dir", data.toString())
                .redirectErrorStream(true)
                .start();
        ChildOutput output = ChildOutput.follow(child);

        Matcher cwmp = output.await(Pattern.compile("CWMP: CPEs inform (http://\\S+) "), PROMPTLY);
        URI cwmpUrl = URI.create(cwmp.group(1));
        output.await(Pattern.compile("NBI: http://"), PROMPTLY);

        // One session of a simulated router, run on this thread.
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-25T12:00:00Z"));
        List<SessionRecord> records = new ArrayList<>();
        DeviceId id;
        try (Simulator simulator = Simulator.builder(cwmpUrl).scheduler(clock).executor(Runnable::run)
                .noConnectionRequests().listener(records::add).build()) {
            SimulatedDevice cpe = simulator.add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
            cpe.powerOn();
            clock.runDue();
            id = DeviceId.of(cpe.deviceId());
        }
        assertThat(records).singleElement().extracting(SessionRecord::outcome)
                .isEqualTo(SessionRecord.Outcome.COMPLETED);
        output.await(Pattern.compile("session of \\S*" + SERIAL + " ended: COMPLETED"), PROMPTLY);

        // SIGTERM; through the handle, since Process.destroy() also closes the pipe the log lines come by.
        assertThat(child.toHandle().destroy()).isTrue();
        output.await(Pattern.compile("ACS stopping"), PROMPTLY);
        output.await(Pattern.compile("ACS stopped"), PROMPTLY);
        assertThat(child.waitFor(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("the child exited").isTrue();
        assertThat(child.exitValue()).as("the exit status of a JVM ended by SIGTERM").isEqualTo(128 + 15);
        assertThat(output.readToEnd(PROMPTLY)).as("the child's output")
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"));

        // The lock is released: this JVM may take the directory, then a server on it finds the device.
        DataDirectory.open(data).close();
        ServerConfig config = ServerConfig.builder(new CpeAuth.None()).open(true).cwmpPort(0).nbiPort(0).fsPort(0)
                .zeroTouch(false).dataDir(data).build();
        try (AcsServer again = AcsServer.start(config)) {
            DeviceRecord device = again.acs().devices().record(id).orElseThrow();
            assertThat(device.recentEvents()).extracting(DeviceEvent::eventCode)
                    .contains("0 BOOTSTRAP", "1 BOOT");
        }
    }
}
