package dev.cwmp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.server.ServerConfig.CpeAuth;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database ({@code --db-url}, {@code --node-name}), each with its own
 * data directory, serving one router that informs them in turn. Runs on the server named by
 * {@code CWMP_PG_URL} ({@code CWMP_PG_USER}, {@code CWMP_PG_PASSWORD}), in a schema of its own that
 * it drops afterwards; skips without it.
 */
class SharedDatabaseTest {

    private static final String PG_URL = System.getenv("CWMP_PG_URL");
    private static final String PG_USER = envOr("CWMP_PG_USER", "cwmp");
    private static final String PG_PASSWORD = envOr("CWMP_PG_PASSWORD", "");
    private static final String SERIAL = "2B0D000001";
    private static final String PARAMETER = "Device.ManagementServer.PeriodicInformInterval";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private String schema;

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    @BeforeEach
    void createSchema() throws SQLException {
        assumeTrue(PG_URL != null && !PG_URL.isBlank(),
                "PostgreSQL test skipped: set CWMP_PG_URL (and CWMP_PG_USER, CWMP_PG_PASSWORD) to a server");
        schema = "acs_server_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void two_servers_on_one_database_serve_one_device_alternately() {
        AcsServer a = start("node-a");
        AcsServer b = start("node-b");
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-25T12:00:00Z"));
        List<SessionRecord> sessions = new ArrayList<>();
        // The same router behind each node (as after a DNS change or behind a load balancer).
        SimulatedDevice viaA = simulator(a, clock, sessions).add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        SimulatedDevice viaB = simulator(b, clock, sessions).add(DeviceProfile.mikrotikRb951Ui2HnD(), SERIAL);
        DeviceId id = new DeviceId(viaA.deviceId().oui(), viaA.deviceId().productClass(), SERIAL);

        viaA.powerOn();
        clock.runDue();
        assertThat(b.acs().devices().record(id)).as("node B reads what node A stored").isPresent();

        // A task queued on one node runs in the device's next session, on the other node.
        submit(a, id, "600", "queued-on-a");
        viaB.powerOn();
        clock.runDue();
        submit(b, id, "900", "queued-on-b");
        viaA.informNow();
        clock.runDue();

        assertThat(sessions).extracting(SessionRecord::outcome).containsExactly(SessionRecord.Outcome.COMPLETED,
                SessionRecord.Outcome.COMPLETED, SessionRecord.Outcome.COMPLETED);
        assertThat(parameterKeys(sessions.get(0))).isEmpty();
        assertThat(parameterKeys(sessions.get(1))).containsExactly("queued-on-a");
        assertThat(parameterKeys(sessions.get(2))).containsExactly("queued-on-b");
        assertThat(viaB.value(PARAMETER)).hasValue("600");
        assertThat(viaA.value(PARAMETER)).hasValue("900");
        assertThat(a.acs().taskQueue().all()).isEmpty();

        // No session's events lost: the record holds those of all three, whichever node saved them.
        DeviceRecord stored = a.acs().devices().record(id).orElseThrow();
        int eventsSent = sessions.stream().mapToInt(s -> s.events().size()).sum();
        assertThat(stored.recentEvents()).hasSize(eventsSent);
        assertThat(b.acs().devices().record(id).orElseThrow().recentEvents()).hasSize(eventsSent);
        assertThat(dir.resolve("node-a").resolve("db")).as("no embedded database beside a shared one").doesNotExist();
    }

    private AcsServer start(String node) {
        ServerConfig config = ServerConfig.builder(new CpeAuth.None()).nbiToken(Secret.of("t0k3n"))
                .cwmpPort(0).nbiPort(0).fsPort(0).zeroTouch(false).dataDir(dir.resolve(node))
                .store(new ServerConfig.Store.Database(url(), PG_USER, Secret.of(PG_PASSWORD)))
                .nodeName(node)
                .build();
        AcsServer server = AcsServer.start(config);
        open.add(server);
        return server;
    }

    private Simulator simulator(AcsServer server, ManualScheduler clock, List<SessionRecord> sessions) {
        Simulator simulator = Simulator.builder(server.cwmpUrl()).scheduler(clock).executor(Runnable::run)
                .noConnectionRequests().listener(sessions::add).build();
        open.add(simulator);
        return simulator;
    }

    private static void submit(AcsServer node, DeviceId id, String value, String key) {
        node.acs().submit(id, new TaskAction.SetParameterValues(
                List.of(new ParameterValueStruct(PARAMETER, value, XsdType.UNSIGNED_INT)), key), TaskOptions.DEFAULT);
    }

    private static List<String> parameterKeys(SessionRecord session) {
        List<String> keys = new ArrayList<>();
        for (AcsMessage m : session.acsRequests()) {
            if (m instanceof SetParameterValues spv) {
                keys.add(spv.parameterKey());
            }
        }
        return keys;
    }

    private String url() {
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
