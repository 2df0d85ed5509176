package dev.cwmp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.session.DeviceId;
import dev.cwmp.session.Task;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskQueue;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store answers "no tasks" for a device without a query; what it knows must follow
 * every add and removal, and a reopened file.
 */
class EmbeddedTaskQueueTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final DeviceId A = new DeviceId("TQ0001", "Box", "A");
    private static final DeviceId B = new DeviceId("TQ0001", "Box", "B");

    @TempDir
    Path dir;

    private static Task task(String id, DeviceId device, Instant expires) {
        return new Task(id, device, new TaskAction.Reboot(id), T0, expires);
    }

    @Test
    void pending_tasks_follow_adds_removals_duplicates_and_expiry() {
        try (JdbcStore store = JdbcStore.h2(dir)) {
            TaskQueue q = store.taskQueue();
            assertThat(q.pending(A, T0)).isEmpty();
            q.add(task("a1", A, T0.plusSeconds(60)));
            q.add(task("a2", A, T0.plusSeconds(1)));
            assertThatThrownBy(() -> q.add(task("a1", B, T0.plusSeconds(60))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(q.pending(B, T0)).isEmpty();
            assertThat(q.pending(A, T0)).extracting(Task::id).containsExactly("a1", "a2");
            assertThat(q.removeExpired(T0.plusSeconds(2))).extracting(Task::id).containsExactly("a2");
            assertThat(q.remove("a1")).isTrue();
            assertThat(q.remove("a1")).isFalse();
            assertThat(q.pending(A, T0)).isEmpty();
            q.add(task("a3", A, T0.plusSeconds(60)));
            assertThat(q.pending(A, T0)).extracting(Task::id).containsExactly("a3");
        }
    }

    @Test
    void a_reopened_file_knows_the_devices_with_tasks() {
        try (JdbcStore store = JdbcStore.h2(dir)) {
            store.taskQueue().add(task("b1", B, T0.plusSeconds(60)));
        }
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThat(store.taskQueue().pending(B, T0)).extracting(Task::id).containsExactly("b1");
            assertThat(store.taskQueue().pending(A, T0)).isEmpty();
        }
    }
}
