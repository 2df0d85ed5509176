package dev.cwmp.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwmp.protocol.rpc.EventStruct;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.session.Acs;
import dev.cwmp.session.TaskAction;
import dev.cwmp.session.TaskHandle;
import dev.cwmp.session.TaskOptions;
import dev.cwmp.session.TaskOutcome;
import dev.cwmp.testkit.sim.SessionRecord;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link CwmpTest @CwmpTest} injects, and the simulated MikroTik against the in-process ACS. */
@CwmpTest
class CwmpTestInjectionTest {

    private static final String SOFTWARE_VERSION = "Device.DeviceInfo.SoftwareVersion";

    @Test
    void injects_one_acs_its_loopback_url_and_the_tests_simulator(TestAcs lab, Acs acs, URI url, Simulator simulator) {
        assertThat(acs).isSameAs(lab.acs());
        assertThat(simulator).isSameAs(lab.simulator());
        assertThat(url).isEqualTo(lab.url());
        assertThat(url.getScheme()).isEqualTo("http");
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isPositive();
        assertThat(lab.scheduler()).isEmpty();
    }

    @Test
    void a_device_parameter_is_a_powered_off_mikrotik_with_that_serial(@Device("4AC7046131E4") SimulatedDevice cpe,
            @Device("4AC7046131E4") SimulatedDevice again, TestAcs lab) {
        assertThat(cpe.serialNumber()).isEqualTo("4AC7046131E4");
        assertThat(cpe.deviceId().oui()).isEqualTo("E48D8C");
        assertThat(cpe.profile().name()).isEqualTo("MikroTik RB951Ui-2HnD");
        assertThat(cpe.boots()).isZero();
        assertThat(again).isSameAs(cpe);
        assertThat(lab.device("4AC7046131E4")).isSameAs(cpe);
        assertThat(lab.simulator().devices()).containsExactly(cpe);
        assertThat(TestAcs.idOf(cpe).toString()).isEqualTo("E48D8C-RB951Ui%2D2HnD-4AC7046131E4");
    }

    @Test
    void a_task_queued_before_boot_runs_in_the_first_session(TestAcs lab, @Device("BOOT0001") SimulatedDevice cpe) {
        TaskHandle task = lab.submit(cpe, new TaskAction.GetParameterValues(List.of(SOFTWARE_VERSION)));
        cpe.powerOn();

        TaskOutcome.Done done = lab.awaitDone(task);
        SessionRecord first = lab.awaitCompletedSession(cpe);

        assertThat(((GetParameterValuesResponse) done.responses().get(0)).value(SOFTWARE_VERSION)).contains("6.40.5");
        assertThat(first.hasEvent(EventStruct.BOOTSTRAP)).isTrue();
        assertThat(first.hasEvent(EventStruct.BOOT)).isTrue();
        assertThat(lab.acs().devices().record(TestAcs.idOf(cpe))).isPresent();
    }

    @Test
    void a_connection_request_brings_a_registered_device_in_for_its_task(TestAcs lab,
            @Device("CR000001") SimulatedDevice cpe) {
        cpe.powerOn();
        lab.awaitCompletedSession(cpe);

        TaskHandle task = lab.submit(cpe, new TaskAction.SetParameterValues(List.of(
                new dev.cwmp.protocol.rpc.ParameterValueStruct("Device.DeviceInfo.X_MIKROTIK_SystemIdentity", "edge-1",
                        dev.cwmp.protocol.rpc.XsdType.STRING)), "key-1"), TaskOptions.DEFAULT.withConnectionRequest());
        lab.awaitDone(task);
        SessionRecord second = lab.awaitCompletedSession(cpe);

        assertThat(second.hasEvent(EventStruct.CONNECTION_REQUEST)).isTrue();
        assertThat(cpe.value("Device.DeviceInfo.X_MIKROTIK_SystemIdentity")).contains("edge-1");
        assertThat(lab.sessions(cpe)).hasSize(2);
    }

    @Test
    void a_faulted_task_fails_await_done_with_the_fault(TestAcs lab, @Device("FAULT001") SimulatedDevice cpe) {
        TaskHandle task = lab.submit(cpe, new TaskAction.SetParameterValues(List.of(
                new dev.cwmp.protocol.rpc.ParameterValueStruct(SOFTWARE_VERSION, "7.0",
                        dev.cwmp.protocol.rpc.XsdType.STRING)), "k"));
        cpe.powerOn();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.awaitDone(task))
                .isInstanceOf(AssertionError.class).hasMessageContaining("faulted").hasMessageContaining("9003");
        assertThat(lab.awaitOutcome(task)).isInstanceOf(TaskOutcome.Faulted.class);
    }

    @Test
    void waiting_for_a_session_that_never_comes_fails_with_what_happened(TestAcs lab,
            @Device("IDLE0001") SimulatedDevice cpe) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.awaitSession(cpe, java.time.Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("IDLE0001").hasMessageContaining("none");
    }
}
