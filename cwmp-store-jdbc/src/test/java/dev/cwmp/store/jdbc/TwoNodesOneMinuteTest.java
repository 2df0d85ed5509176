package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceEvent;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.DeviceRecord;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.SocketTransport;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's "two nodes with 200 simulated CPEs for a minute: zero lost updates, zero duplicated
 * tasks", on a moving clock. Each CPE has a copy behind each of two ACS nodes (each its own
 * {@link Acs} on its own SocketTransport on loopback, one database). The simulators and both nodes
 * read one {@link ManualScheduler}, advanced one second at a time for a minute: the copies inform
 * every {@value #INTERVAL_SECONDS} s (spread over the interval, the two copies of a device at
 * different seconds), now and then both copies of a device inform at the same second, so one node
 * refuses its copy (503) and the simulator retries on its own as the clock moves, and tasks are
 * queued through both nodes while sessions run. After each second the test waits until every
 * session that second started has ended ({@link Simulator#awaitIdle}); nothing sleeps.
 */
class TwoNodesOneMinuteTest {

    private static final long INTERVAL_SECONDS = 10;
    private static final int SECONDS = 60;
    /** Tasks are queued until this second, so that each has a whole interval left to run in. */
    private static final int LAST_TASK_SECOND = SECONDS - (int) INTERVAL_SECONDS - 1;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);
    /** The tasks' parameter, set to the value it has: the devices' periodic informs keep their pace. */
    private static final String PARAMETER = "Device.ManagementServer.PeriodicInformInterval";
    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    /** One session of one copy (0: behind node 0, 1: behind node 1). */
    private record Session(int copy, SessionRecord record) {
        boolean accepted() {
            return record.outcome() == SessionRecord.Outcome.COMPLETED;
        }

        boolean refused() {
            return record.outcome() == SessionRecord.Outcome.HTTP_ERROR;
        }

        long second() {
            return Duration.between(START, record.started()).toSeconds();
        }

        long retryCount() {
            return record.inform().orElseThrow().retryCount();
        }
    }

    abstract static class Scenario {
        final TestDatabases databases = new TestDatabases();
        final List<AutoCloseable> closing = new ArrayList<>();
        final ConcurrentLinkedQueue<Session> sessions = new ConcurrentLinkedQueue<>();
        final ManualScheduler scheduler = new ManualScheduler(START);
        final Simulator[] sims = new Simulator[2];

        /** Two stores on one database. */
        abstract JdbcStore[] stores();

        /** How many CPEs (each with one copy behind each node). */
        abstract int devices();

        /** What the test prints its figures as. */
        abstract String name();

        @AfterEach
        void close() throws Exception {
            for (int i = closing.size() - 1; i >= 0; i--) {
                closing.get(i).close();
            }
            databases.close();
        }

        @Test
        void a_minute_of_periodic_informs_refusals_retries_and_tasks_loses_no_update_and_runs_each_task_once()
                throws Exception {
            long wallStart = System.nanoTime();
            JdbcStore[] stores = stores();
            Acs[] nodes = new Acs[2];
            for (int n = 0; n < 2; n++) {
                int copy = n;
                nodes[n] = Acs.builder().authenticator(CpeAuthenticator.none()).nodeName("node-" + n)
                        .clock(scheduler).deviceStore(stores[n].deviceStore()).taskQueue(stores[n].taskQueue())
                        .sessionLocks(stores[n].sessionLocks()).maxRecentEvents(10_000).build();
                SocketTransport transport = SocketTransport.start(nodes[n], new InetSocketAddress("127.0.0.1", 0));
                closing.add(transport);
                sims[n] = Simulator.builder(URI.create("http://127.0.0.1:" + transport.port() + "/"))
                        .scheduler(scheduler).threads(8).noConnectionRequests()
                        .periodicInform(Duration.ofSeconds(INTERVAL_SECONDS))
                        .listener(r -> sessions.add(new Session(copy, r))).build();
                closing.add(sims[n]);
            }
            List<List<SimulatedDevice>> copies = List.of(
                    sims[0].addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), devices(), "TM"),
                    sims[1].addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), devices(), "TM"));
            Set<String> submitted = new HashSet<>();

            for (int second = 0; second <= SECONDS; second++) {
                if (second > 0) {
                    scheduler.advance(Duration.ofSeconds(1)); // periodic informs and retries due now
                }
                for (int d = 0; d < devices(); d++) {
                    // Power-on spreads each copy's informs over the interval, the two copies at different
                    // seconds (d and 7d + 3 never meet modulo 10).
                    if (second < INTERVAL_SECONDS) {
                        if (d % INTERVAL_SECONDS == second) {
                            copies.get(0).get(d).powerOn();
                        }
                        if ((7 * d + 3) % INTERVAL_SECONDS == second) {
                            copies.get(1).get(d).powerOn();
                        }
                    }
                    // Now and then both copies of a device inform at once: one node refuses its copy.
                    if (second % 7 == 5 && d % 5 == second % 5) {
                        copies.get(0).get(d).informNow();
                        copies.get(1).get(d).informNow();
                    }
                }
                scheduler.runDue();
                // Tasks through both nodes while this second's sessions run.
                if (second <= LAST_TASK_SECOND) {
                    for (int d = second % 20; d < devices(); d += 20) {
                        String key = "s" + second + "-d" + d;
                        nodes[(second + d / 20) % 2].submit(DeviceId.of(copies.get(0).get(d).deviceId()),
                                new TaskAction.SetParameterValues(List.of(new ParameterValueStruct(PARAMETER,
                                        Long.toString(INTERVAL_SECONDS), XsdType.UNSIGNED_INT)), key),
                                TaskOptions.DEFAULT);
                        submitted.add(key);
                    }
                }
                settle();
            }
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;

            List<Session> all = List.copyOf(sessions);
            assertThat(all).allSatisfy(s -> assertThat(s.accepted()
                    || s.refused() && s.record().detail().contains("HTTP 503"))
                    .as("completed, or refused with 503: %s", s).isTrue());

            // The clock moved: each copy informed on its own every interval (five times at least in a minute).
            Map<String, Long> periodic = new HashMap<>();
            for (Session s : all) {
                if (s.record().hasEvent("2 PERIODIC")) {
                    periodic.merge(s.copy() + "/" + s.record().serialNumber(), 1L, Long::sum);
                }
            }
            assertThat(periodic).hasSize(2 * devices())
                    .allSatisfy((copy, count) -> assertThat(count).as("periodic informs of %s", copy)
                            .isGreaterThanOrEqualTo(SECONDS / INTERVAL_SECONDS - 1));

            // Every task ran, once, and none is left.
            Map<String, Integer> runs = new HashMap<>();
            for (Session s : all) {
                for (AcsMessage m : s.record().acsRequests()) {
                    if (m instanceof SetParameterValues spv) {
                        runs.merge(spv.parameterKey(), 1, Integer::sum);
                    }
                }
            }
            assertThat(runs.keySet()).isEqualTo(submitted);
            assertThat(runs).allSatisfy((key, count) -> assertThat(count).as("runs of task %s", key).isEqualTo(1));
            assertThat(stores[0].taskQueue().all()).isEmpty();

            // Refusals happened, and the simulators' own retries got the refused copies through.
            List<Session> refused = all.stream().filter(Session::refused).toList();
            List<Session> retries = all.stream().filter(s -> s.retryCount() > 0).toList();
            long retriedAccepted = retries.stream().filter(Session::accepted).count();
            assertThat(refused).as("sessions refused while the other node held the device").isNotEmpty();
            assertThat(retriedAccepted).as("retries accepted").isPositive();
            for (Session r : refused) {
                if (r.second() <= SECONDS - 2 * INTERVAL_SECONDS) {
                    // The retry carries RetryCount; it may start at the refusal's second (a session asked
                    // for while the refused one ran) or after (the retry timer, a periodic inform).
                    assertThat(all.stream().anyMatch(s -> s != r && s.copy() == r.copy()
                            && s.record().serialNumber().equals(r.record().serialNumber()) && s.accepted()
                            && s.retryCount() > 0 && !s.record().started().isBefore(r.record().started())))
                            .as("an accepted retry of copy %d of %s refused at %s", r.copy(),
                                    r.record().serialNumber(), r.record().started())
                            .isTrue();
                }
            }

            // No update lost: each device's history is the events of the sessions the nodes accepted.
            Map<String, List<DeviceEvent>> accepted = new HashMap<>();
            for (Session s : all) {
                if (s.accepted()) {
                    for (EventStruct e : s.record().events()) {
                        accepted.computeIfAbsent(s.record().serialNumber(), k -> new ArrayList<>())
                                .add(new DeviceEvent(s.record().started(), e.eventCode(), e.commandKey()));
                    }
                }
            }
            for (SimulatedDevice cpe : copies.get(0)) {
                DeviceRecord stored = stores[1].deviceStore().record(DeviceId.of(cpe.deviceId())).orElseThrow();
                assertThat(stored.recentEvents()).as("events of %s; its sessions: %s", cpe.serialNumber(),
                                all.stream().filter(s -> s.record().serialNumber().equals(cpe.serialNumber()))
                                        .map(s -> s.copy() + " " + s.record().started() + " " + s.record().outcome())
                                        .toList())
                        .isSortedAccordingTo(Comparator.comparing(DeviceEvent::receivedAt))
                        .containsExactlyInAnyOrderElementsOf(accepted.get(cpe.serialNumber()));
            }

            System.out.printf("TwoNodesOneMinuteTest %s: %d CPEs x 2 copies, %d s of simulator time: %d sessions"
                    + " (%d accepted, %d refused with 503), %d retries (%d accepted), %d tasks each run once;"
                    + " %.1f s wall time%n", name(), devices(), SECONDS, all.size(),
                    all.stream().filter(Session::accepted).count(), refused.size(), retries.size(), retriedAccepted,
                    submitted.size(), wallSeconds);
        }

        /** Waits until every session started so far has ended, and the timers they set for now have run. */
        private void settle() throws InterruptedException {
            do {
                for (Simulator sim : sims) {
                    assertThat(sim.awaitIdle(SETTLE_TIMEOUT)).as("sessions ended").isTrue();
                }
            } while (scheduler.runDue() > 0);
        }
    }

    /** 200 CPEs on PostgreSQL (skips without CWMP_PG_URL). */
    @Nested
    class On_postgres_200_cpes extends Scenario {
        @Override
        JdbcStore[] stores() {
            return new JdbcStore[] {databases.emptyPostgres(), databases.postgres()};
        }

        @Override
        int devices() {
            return 200;
        }

        @Override
        String name() {
            return "postgres";
        }
    }

    /** 40 CPEs on two pools on one H2 file in this JVM (H2 shares the open database), locks in the database. */
    @Nested
    class On_one_h2_file extends Scenario {
        @TempDir
        Path dir;

        @Override
        JdbcStore[] stores() {
            return new JdbcStore[] {databases.h2ByUrl(dir), databases.h2ByUrl(dir)};
        }

        @Override
        int devices() {
            return 40;
        }

        @Override
        String name() {
            return "h2 file";
        }
    }
}
