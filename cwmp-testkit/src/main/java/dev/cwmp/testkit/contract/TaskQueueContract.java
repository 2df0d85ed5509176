package dev.cwmp.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TaskQueue}: every implementation runs it by extending this class and
 * returning a fresh, empty queue from {@link #newQueue()}.
 */
public abstract class TaskQueueContract {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final DeviceId A = new DeviceId("E48D8C", "RB951Ui-2HnD", "A1");
    private static final DeviceId B = new DeviceId("E48D8C", "RB951Ui-2HnD", "B2");

    protected TaskQueue queue;

    /** A fresh, empty queue. */
    protected abstract TaskQueue newQueue();

    /** Takes a fresh instance before each test. */
    @BeforeEach
    public void create() {
        queue = newQueue();
    }

    private static Task task(String id, DeviceId device, Instant created, Duration lifetime) {
        return new Task(id, device, new TaskAction.Reboot(id), created, created.plus(lifetime));
    }

    @Test
    public void pending_lists_a_devices_tasks_oldest_first_and_no_others() {
        queue.add(task("1", A, T0, Duration.ofHours(1)));
        queue.add(task("2", B, T0.plusSeconds(1), Duration.ofHours(1)));
        queue.add(task("3", A, T0.plusSeconds(2), Duration.ofHours(1)));
        assertThat(queue.pending(A, T0.plusSeconds(3))).extracting(Task::id).containsExactly("1", "3");
        assertThat(queue.pending(B, T0.plusSeconds(3))).extracting(Task::id).containsExactly("2");
        assertThat(queue.all()).extracting(Task::id).containsExactly("1", "2", "3");
    }

    @Test
    public void reading_does_not_consume_a_task() {
        queue.add(task("1", A, T0, Duration.ofHours(1)));
        queue.pending(A, T0);
        queue.pending(A, T0);
        assertThat(queue.get("1")).isPresent();
        assertThat(queue.pending(A, T0)).hasSize(1);
    }

    @Test
    public void remove_takes_a_task_out_once() {
        queue.add(task("1", A, T0, Duration.ofHours(1)));
        assertThat(queue.remove("1")).isTrue();
        assertThat(queue.remove("1")).isFalse();
        assertThat(queue.get("1")).isEmpty();
        assertThat(queue.pending(A, T0)).isEmpty();
        assertThat(queue.all()).isEmpty();
    }

    @Test
    public void expired_tasks_are_not_pending_and_are_removed_on_request() {
        queue.add(task("short", A, T0, Duration.ofMinutes(1)));
        queue.add(task("long", A, T0, Duration.ofHours(1)));
        Instant later = T0.plus(Duration.ofMinutes(2));
        assertThat(queue.pending(A, later)).extracting(Task::id).containsExactly("long");
        assertThat(queue.get("short")).isPresent();
        assertThat(queue.removeExpired(later)).extracting(Task::id).containsExactly("short");
        assertThat(queue.get("short")).isEmpty();
        assertThat(queue.removeExpired(later)).isEmpty();
    }

    @Test
    public void a_duplicate_id_is_refused_and_the_first_task_kept() {
        queue.add(task("1", A, T0, Duration.ofHours(1)));
        assertThatThrownBy(() -> queue.add(task("1", B, T0, Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.get("1").orElseThrow().deviceId()).isEqualTo(A);
        assertThat(queue.pending(B, T0)).isEmpty();
    }

    @Test
    public void concurrent_adds_and_removes_lose_nothing() throws Exception {
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        queue.add(task(thread + "-" + i, i % 2 == 0 ? A : B, T0, Duration.ofHours(1)));
                        if (i % 4 == 3) {
                            queue.remove(thread + "-" + (i - 1));
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int expected = threads * (perThread - perThread / 4);
        assertThat(queue.all()).hasSize(expected);
        assertThat(queue.pending(A, T0).size() + queue.pending(B, T0).size()).isEqualTo(expected);
    }
}
