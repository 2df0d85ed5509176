package dev.cwmp.store.jdbc;

import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.XsdType;
import dev.cwmp.session.Acs;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.TaskQueue;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.http.SocketTransport;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process {@link CrashSafetyTest} kills: an ACS on an H2 file with simulated CPEs informing every
 * second, a new task queued at the end of each session. It logs {@code ADDED <id>} once a task is
 * queued and {@code REMOVING <id>} before a task leaves the queue, and prints {@code sessions=<n>}.
 */
public final class CrashChild {

    static final int DEVICES = 20;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Log log = new Log(Path.of(args[1]));
        JdbcStore store = JdbcStore.h2(dir);
        TaskQueue queue = new LoggingQueue(store.taskQueue(), log);
        Acs acs = Acs.builder().authenticator(CpeAuthenticator.none()).deviceStore(store.deviceStore())
                .taskQueue(queue).sessionLocks(store.sessionLocks()).build();
        SocketTransport transport = SocketTransport.start(acs, new InetSocketAddress("127.0.0.1", 0));
        AtomicInteger sessions = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        Simulator sim = Simulator.builder(URI.create("http://127.0.0.1:" + transport.port() + "/")).threads(8)
                .noConnectionRequests().periodicInform(Duration.ofSeconds(1))
                .listener((SessionRecord r) -> {
                    if (r.outcome() != SessionRecord.Outcome.COMPLETED) {
                        return;
                    }
                    DeviceId id = DeviceId.of(r.inform().orElseThrow().deviceId());
                    String key = "t" + tasks.incrementAndGet();
                    TaskHandle handle = acs.submit(id, new TaskAction.SetParameterValues(List.of(new ParameterValueStruct(
                            "Device.ManagementServer.PeriodicInformInterval", "1", XsdType.UNSIGNED_INT)), key),
                            TaskOptions.DEFAULT.withLifetime(Duration.ofDays(1)));
                    log.line("ADDED " + handle.task().id());
                    System.out.println("sessions=" + sessions.incrementAndGet());
                    System.out.flush();
                }).build();
        sim.addDevices(DeviceProfile.mikrotikRb951Ui2HnD(), DEVICES, "CR");
        sim.powerOnAll();
        new CountDownLatch(1).await(); // until killed
    }

    /** An append-only log of lines. */
    static final class Log {
        private final FileChannel channel;

        Log(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }

        synchronized void line(String line) {
            try {
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A queue that logs a task's removal before removing it. */
    static final class LoggingQueue implements TaskQueue {
        private final TaskQueue delegate;
        private final Log log;

        LoggingQueue(TaskQueue delegate, Log log) {
            this.delegate = delegate;
            this.log = log;
        }

        @Override
        public void add(Task task) {
            delegate.add(task);
        }

        @Override
        public List<Task> pending(DeviceId deviceId, Instant now) {
            return delegate.pending(deviceId, now);
        }

        @Override
        public Optional<Task> get(String taskId) {
            return delegate.get(taskId);
        }

        @Override
        public List<Task> all() {
            return delegate.all();
        }

        @Override
        public boolean remove(String taskId) {
            log.line("REMOVING " + taskId);
            return delegate.remove(taskId);
        }

        @Override
        public List<Task> removeExpired(Instant now) {
            return delegate.removeExpired(now);
        }
    }
}
