package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.AcsMessage;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.Acs;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ACS nodes (each its own {@link Acs} on its own SocketTransport on loopback) on one database:
 * simulated CPEs alternate between the nodes, sometimes inform both at once, and tasks are queued
 * through either node. No session's update of a device is lost, no task runs twice, every task runs.
 * Here the simulators' clock stands still and the test asks for every session in rounds;
 * {@link TwoNodesOneMinuteTest} runs 200 CPEs for a minute of a moving clock (periodic informs,
 * refused sessions retried by the simulators).
 */
class TwoNodesTest {

    private static final String PARAMETER = "Device.ManagementServer.PeriodicInformInterval";
    /** How many CPEs (each with one copy behind each node). */
    private static final int DEVICES = 40;
    /** How many rounds of sessions after the first two. */
    private static final int ROUNDS = 8;

    abstract static class Scenario {
        final TestDatabases databases = new TestDatabases();
        final List<AutoCloseable> closing = new ArrayList<>();
        final ConcurrentLinkedQueue<SessionRecord> records = new ConcurrentLinkedQueue<>();
        final Semaphore ended = new Semaphore(0);
        /** The simulators' time: only sessions asked for now run (no periodic inform, no retry). */
        final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-25T12:00:00Z"));

        /** Two stores on one database. */
        abstract JdbcStore[] stores();

        @AfterEach
        void close() throws Exception {
            for (int i = closing.size() - 1; i >= 0; i--) {
                closing.get(i).close();
            }
            databases.close();
        }

        @Test
        void devices_alternating_between_two_nodes_lose_no_update_and_run_each_task_once() throws Exception {
            JdbcStore[] stores = stores();
            Acs[] nodes = new Acs[2];
            Simulator[] sims = new Simulator[2];
            for (int n = 0; n < 2; n++) {
                nodes[n] = Acs.builder().authenticator(CpeAuthenticator.none()).nodeName("node-" + n)
                        .deviceStore(stores[n].deviceStore()).taskQueue(stores[n].taskQueue())
                        .sessionLocks(stores[n].sessionLocks()).maxRecentEvents(10_000).build();
                SocketTransport transport = SocketTransport.start(nodes[n], new InetSocketAddress("127.0.0.1", 0));
                closing.add(transport);
                sims[n] = Simulator.builder(URI.create("http://127.0.0.1:" + transport.port() + "/"))
                        .scheduler(scheduler).threads(8).noConnectionRequests()
                        .listener(r -> {
                            records.add(r);
                            ended.release();
                        }).build();
                closing.add(sims[n]);
            }
            // The same CPEs, one copy behind each node: a device's sessions alternate between the nodes.
            List<List<SimulatedDevice>> copies = List.of(
                    sims[0].addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), DEVICES, "TN"),
                    sims[1].addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), DEVICES, "TN"));
            Set<String> submitted = new HashSet<>();

            copies.get(0).forEach(SimulatedDevice::powerOn);
            awaitSessions(DEVICES);
            copies.get(1).forEach(SimulatedDevice::powerOn);
            awaitSessions(DEVICES);
            for (int round = 0; round < ROUNDS; round++) {
                // Tasks queued through the node the device will NOT inform next.
                int next = round % 2;
                for (int d = 0; d < DEVICES; d += 3) {
                    String key = "r" + round + "-d" + d;
                    DeviceId id = DeviceId.of(copies.get(0).get(d).deviceId());
                    nodes[1 - next].submit(id, new TaskAction.SetParameterValues(
                            List.of(new ParameterValueStruct(PARAMETER, String.valueOf(300 + round), XsdType.UNSIGNED_INT)),
                            key), TaskOptions.DEFAULT);
                    submitted.add(key);
                }
                if (round == ROUNDS / 2) {
                    // Both copies of every device inform at once: one node serves, the other refuses (503).
                    for (int d = 0; d < DEVICES; d++) {
                        copies.get(0).get(d).informNow();
                        copies.get(1).get(d).informNow();
                    }
                    awaitSessions(2 * DEVICES);
                } else {
                    copies.get(next).forEach(SimulatedDevice::informNow);
                    awaitSessions(DEVICES);
                }
            }
            // A last round on both nodes in turn runs whatever a refused session left queued.
            copies.get(0).forEach(SimulatedDevice::informNow);
            awaitSessions(DEVICES);

            // Every task ran, once.
            Map<String, Integer> runs = new HashMap<>();
            for (SessionRecord r : records) {
                for (AcsMessage m : r.acsRequests()) {
                    if (m instanceof SetParameterValues spv) {
                        runs.merge(spv.parameterKey(), 1, Integer::sum);
                    }
                }
            }
            assertThat(runs.keySet()).isEqualTo(submitted);
            assertThat(runs.values()).allMatch(n -> n == 1);
            assertThat(stores[0].taskQueue().all()).isEmpty();

            // No update lost: each device's history holds the events of every session a node accepted.
            long refused = records.stream().filter(r -> r.outcome() == SessionRecord.Outcome.HTTP_ERROR).count();
            assertThat(refused).as("sessions refused while the other node held the device").isPositive();
            assertThat(records).allMatch(r -> r.outcome() == SessionRecord.Outcome.COMPLETED
                    || r.outcome() == SessionRecord.Outcome.HTTP_ERROR, "completed or refused");
            Map<String, Integer> eventsSent = new HashMap<>();
            for (SessionRecord r : records) {
                if (r.outcome() == SessionRecord.Outcome.COMPLETED) {
                    eventsSent.merge(r.serialNumber(), r.events().size(), Integer::sum);
                }
            }
            for (SimulatedDevice cpe : copies.get(0)) {
                DeviceRecord stored = stores[1].deviceStore().record(DeviceId.of(cpe.deviceId())).orElseThrow();
                assertThat(stored.recentEvents()).as("events of %s; its sessions: %s", cpe.serialNumber(),
                        records.stream().filter(r -> r.serialNumber().equals(cpe.serialNumber()))
                                .map(r -> r.started() + " " + r.outcome() + " " + r.detail()).toList())
                        .hasSize(eventsSent.get(cpe.serialNumber()));
            }
        }

        private void awaitSessions(int count) throws InterruptedException {
            scheduler.runDue();
            assertThat(ended.tryAcquire(count, 120, TimeUnit.SECONDS)).as("%d sessions ended", count).isTrue();
        }
    }

    @Nested
    class On_postgres extends Scenario {
        @Override
        JdbcStore[] stores() {
            return new JdbcStore[] {databases.emptyPostgres(), databases.postgres()};
        }
    }

    /** Two pools on one H2 file in this JVM (H2 shares the open database), locks in the database. */
    @Nested
    class On_one_h2_file extends Scenario {
        @TempDir
        Path dir;

        @Override
        JdbcStore[] stores() {
            return new JdbcStore[] {databases.h2ByUrl(dir), databases.h2ByUrl(dir)};
        }
    }
}
