package dev.cwmp.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.session.Acs;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On manual time, one scheduler is the ACS's clock and the simulator's timers; sessions run when it is stepped. */
class ManualTimeTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @RegisterExtension
    static AcsExtension extension = AcsExtension.builder()
            .lifecycle(AcsExtension.Lifecycle.PER_TEST)
            .manualTime(T0)
            .simulator(b -> b.periodicInform(Duration.ofMinutes(5)))
            .build();

    @Test
    void the_acs_reads_the_schedulers_clock(ManualScheduler scheduler, Acs acs, TestAcs lab) {
        assertThat(lab.scheduler()).containsSame(scheduler);
        assertThat(acs.clock().instant()).isEqualTo(T0);
        scheduler.advance(Duration.ofHours(1));
        assertThat(acs.clock().instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void a_periodic_inform_comes_when_the_clock_is_advanced(ManualScheduler scheduler, TestAcs lab,
            @Device("PERIODIC1") SimulatedDevice cpe) {
        cpe.powerOn();
        SessionRecord boot = lab.awaitCompletedSession(cpe);
        assertThat(boot.started()).isEqualTo(T0);

        scheduler.advance(Duration.ofMinutes(5));
        SessionRecord periodic = lab.awaitCompletedSession(cpe);

        assertThat(periodic.hasEvent(EventStruct.PERIODIC)).isTrue();
        assertThat(periodic.started()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_task_with_a_connection_request_runs_when_awaited(TestAcs lab, @Device("MANUALCR1") SimulatedDevice cpe) {
        cpe.powerOn();
        lab.awaitCompletedSession(cpe);

        TaskHandle task = lab.submit(cpe, new TaskAction.Reboot("test"), TaskOptions.DEFAULT.withConnectionRequest());
        lab.awaitDone(task);

        assertThat(lab.awaitCompletedSession(cpe).hasEvent(EventStruct.CONNECTION_REQUEST)).isTrue();
        assertThat(lab.sessions(cpe)).extracting(SessionRecord::outcome)
                .containsOnly(SessionRecord.Outcome.COMPLETED);
    }
}
