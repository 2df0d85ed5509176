package dev.cwmp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> ran = new ArrayList<>();

    @Test
    void runs_timers_in_time_order_with_the_clock_at_their_time() {
        scheduler.schedule(Duration.ofSeconds(20), () -> ran.add("b@" + scheduler.instant()));
        scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("a@" + scheduler.instant()));
        assertThat(scheduler.advance(Duration.ofSeconds(15))).isEqualTo(1);
        assertThat(ran).containsExactly("a@2026-01-01T00:00:10Z");
        assertThat(scheduler.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:15Z"));
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("a@2026-01-01T00:00:10Z", "b@2026-01-01T00:00:20Z");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void run_due_runs_what_tasks_schedule_for_now_but_not_later() {
        scheduler.schedule(Duration.ZERO, () -> {
            ran.add("first");
            scheduler.schedule(Duration.ZERO, () -> ran.add("second"));
            scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("later"));
        });
        assertThat(scheduler.runDue()).isEqualTo(2);
        assertThat(ran).containsExactly("first", "second");
        assertThat(scheduler.nextDue()).contains(Instant.parse("2026-01-01T00:00:01Z"));
    }

    @Test
    void timers_at_the_same_instant_run_in_the_order_scheduled() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            scheduler.schedule(Duration.ofSeconds(3), () -> ran.add("t" + n));
        }
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(ran).containsExactly("t0", "t1", "t2", "t3", "t4");
    }
}
