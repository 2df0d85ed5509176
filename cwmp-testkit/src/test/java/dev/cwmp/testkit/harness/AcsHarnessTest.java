package dev.cwmp.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.GetParameterValues;
import dev.cwmp.session.DeviceId;
import dev.cwmp.session.SessionContext;
import dev.cwmp.session.SessionDriver;
import dev.cwmp.session.auth.CpeAuthenticator;
import dev.cwmp.session.auth.CpeCredential;
import dev.cwmp.session.auth.CpeCredentials;
import dev.cwmp.session.auth.Secret;
import dev.cwmp.testkit.sim.DeviceProfile;
import dev.cwmp.testkit.sim.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AcsHarnessTest {

    private static final DeviceProfile MIKROTIK = DeviceProfile.mikrotikRb951Ui2HnD();
    private static final String SERIAL = "4AC7046131E4";
    private static final String UP_TIME = "Device.DeviceInfo.UpTime";

    @AutoClose
    private AcsHarness lab;

    /** Reads the uptime once in each session; closeable, as the provision engine is. */
    private static final class UpTimeReader implements SessionDriver, AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public Optional<AcsRequest<?>> nextRequest(SessionContext session) {
            return session.acsRequestCount() == 0 ? Optional.of(new GetParameterValues(List.of(UP_TIME)))
                    : Optional.empty();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void start_powers_the_device_on_and_its_bootstrap_session_runs_on_the_manual_clock() {
        lab = AcsHarness.builder().device(MIKROTIK, SERIAL).start();

        assertThat(lab.sessions()).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
            assertThat(s.hasEvent(EventStruct.BOOTSTRAP)).isTrue();
            assertThat(s.started()).isEqualTo(AcsHarness.DEFAULT_START);
            assertThat(s.acsRequests()).isEmpty();
        });
        assertThat(lab.url().toString()).startsWith("http://127.0.0.1:");
        assertThat(lab.deviceId()).isEqualTo(new DeviceId("E48D8C", "RB951Ui-2HnD", SERIAL));
        assertThat(lab.record().registered()).isEqualTo(AcsHarness.DEFAULT_START);
        assertThat(lab.acs().clock().instant()).isEqualTo(AcsHarness.DEFAULT_START);
    }

    @Test
    void the_drivers_requests_are_in_the_records_and_inform_now_returns_the_session_it_opened() {
        lab = AcsHarness.builder().startTime(Instant.parse("2027-03-01T08:00:00Z")).sessionDriver(new UpTimeReader())
                .device(MIKROTIK, SERIAL).start();
        assertThat(lab.lastSession().acsMethodNames()).containsExactly("GetParameterValues");
        assertThat(lab.parameters().value(ParameterPath.parse(UP_TIME))).isPresent();

        lab.advance(Duration.ofMinutes(3));
        SessionRecord next = lab.informNow();

        assertThat(next.hasEvent(EventStruct.PERIODIC)).isTrue();
        assertThat(next.started()).isEqualTo(Instant.parse("2027-03-01T08:03:00Z"));
        assertThat(next.acsRequestsOf(GetParameterValues.class)).singleElement()
                .satisfies(r -> assertThat(r.parameterNames()).containsExactly(UP_TIME));
        assertThat(lab.sessions()).hasSize(2).last().isSameAs(next);
    }

    @Test
    void advancing_the_clock_runs_the_periodic_informs_due_on_the_way() {
        lab = AcsHarness.builder().periodicInform(Duration.ofHours(1)).device(MIKROTIK, SERIAL).start();

        List<SessionRecord> periodic = lab.advance(Duration.ofMinutes(150));

        assertThat(periodic).extracting(SessionRecord::started).containsExactly(
                AcsHarness.DEFAULT_START.plus(Duration.ofHours(1)), AcsHarness.DEFAULT_START.plus(Duration.ofHours(2)));
        assertThat(periodic).allSatisfy(s -> assertThat(s.hasEvent(EventStruct.PERIODIC)).isTrue());
        assertThat(lab.sessions()).hasSize(3);
        assertThat(lab.advance(Duration.ofMinutes(29))).isEmpty();
    }

    @Test
    void devices_start_in_the_order_given_or_stay_off_until_powered_on() {
        lab = AcsHarness.builder().devices(MIKROTIK, "FIRST", "SECOND", "THIRD").start();
        assertThat(lab.sessions()).extracting(SessionRecord::serialNumber).containsExactly("FIRST", "SECOND", "THIRD");
        lab.close();

        lab = AcsHarness.builder().devices(MIKROTIK, "FIRST", "SECOND").poweredOff().start();
        assertThat(lab.sessions()).isEmpty();
        assertThatThrownBy(() -> lab.record()).isInstanceOf(AssertionError.class).hasMessageContaining("FIRST");

        List<SessionRecord> booted = lab.powerOn(lab.devices().get(1));

        assertThat(booted).singleElement().satisfies(s -> assertThat(s.serialNumber()).isEqualTo("SECOND"));
        assertThat(lab.sessions(lab.device())).isEmpty();
        assertThat(lab.sessions(lab.devices().get(1))).containsExactlyElementsOf(booted);
        assertThat(lab.record(lab.devices().get(1)).id().serialNumber()).isEqualTo("SECOND");
    }

    @Test
    void the_acs_and_simulator_customisations_apply_after_the_defaults() {
        CpeCredentials credentials = CpeCredentials.single(CpeCredential.of("cpe", Secret.of("s3cret")));
        lab = AcsHarness.builder().acs(b -> b.authenticator(CpeAuthenticator.basic(credentials)))
                .device(MIKROTIK, SERIAL).start();
        assertThat(lab.lastSession().outcome()).isNotEqualTo(SessionRecord.Outcome.COMPLETED);
        lab.close();

        lab = AcsHarness.builder().acs(b -> b.authenticator(CpeAuthenticator.basic(credentials)))
                .simulator(b -> b.acsCredentials("cpe", "s3cret")).device(MIKROTIK, SERIAL).start();
        assertThat(lab.lastSession().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
    }

    @Test
    void a_held_session_is_no_inform_and_runs_when_the_test_releases_it() {
        Queue<Runnable> held = new ArrayDeque<>();
        AtomicBoolean holding = new AtomicBoolean();
        List<SessionRecord> heard = new ArrayList<>();
        lab = AcsHarness.builder().device(MIKROTIK, SERIAL)
                .executor(task -> {
                    if (holding.get()) {
                        held.add(task);
                    } else {
                        task.run();
                    }
                })
                .listener(heard::add).start();
        holding.set(true);

        assertThatThrownBy(() -> lab.informNow()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no session of " + SERIAL);
        assertThat(held).hasSize(1);
        held.poll().run();

        assertThat(lab.sessions()).hasSize(2);
        assertThat(heard).containsExactlyElementsOf(lab.sessions());
    }

    @Test
    void closing_closes_the_driver_after_the_acs_and_a_failed_start_closes_it_too() {
        UpTimeReader driver = new UpTimeReader();
        lab = AcsHarness.builder().sessionDriver(driver).device(MIKROTIK, SERIAL).start();
        assertThat(driver.closed).isFalse();
        lab.close();
        assertThat(driver.closed).isTrue();
        driver.closed.set(false);
        lab.close();
        assertThat(driver.closed).as("closing again does nothing").isFalse();

        UpTimeReader second = new UpTimeReader();
        assertThatThrownBy(() -> AcsHarness.builder().sessionDriver(second)
                .acs(b -> b.maxRecentEvents(-1)).start()).isInstanceOf(IllegalArgumentException.class);
        assertThat(second.closed).isTrue();
    }

    @Test
    void a_serial_number_given_twice_and_a_backward_step_are_refused() {
        assertThatThrownBy(() -> AcsHarness.builder().device(MIKROTIK, "A").device(MIKROTIK, "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A");
        lab = AcsHarness.builder().poweredOff().start();
        assertThatThrownBy(() -> lab.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lab.device()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lab.lastSession()).isInstanceOf(AssertionError.class);
    }
}
