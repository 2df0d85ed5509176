package dev.cwmp.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cwmp.session.Acs;
import dev.cwmp.testkit.sim.ManualScheduler;
import dev.cwmp.testkit.sim.SimulatedDevice;
import dev.cwmp.testkit.sim.Simulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's lifecycle, seen from outside: sample test classes (static nested, so surefire does
 * not run them on their own) run through the engine test kit and report the ports they saw.
 */
class AcsExtensionLifecycleTest {

    static final List<Integer> acsPorts = new CopyOnWriteArrayList<>();
    static final List<Integer> connectionRequestPorts = new CopyOnWriteArrayList<>();
    static final List<Object> instances = new CopyOnWriteArrayList<>();

    private static Events run(Class<?> sample) {
        acsPorts.clear();
        connectionRequestPorts.clear();
        instances.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
    }

    private static boolean listening(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    @CwmpTest
    static class PerClassSample {
        @Test
        void first(URI url, Acs acs, Simulator simulator) throws IOException {
            acsPorts.add(url.getPort());
            instances.add(acs);
            connectionRequestPorts.add(simulator.connectionRequestPort().orElseThrow());
            assertThat(listening(url.getPort())).isTrue();
        }

        @Test
        void second(URI url, Acs acs, Simulator simulator) {
            acsPorts.add(url.getPort());
            instances.add(acs);
            connectionRequestPorts.add(simulator.connectionRequestPort().orElseThrow());
        }
    }

    @Test
    void one_acs_and_port_per_class_closed_after_the_class() throws IOException {
        Events tests = run(PerClassSample.class);

        assertThat(tests.succeeded().count()).isEqualTo(2);
        assertThat(acsPorts).hasSize(2).containsOnly(acsPorts.get(0));
        assertThat(instances.get(0)).isSameAs(instances.get(1));
        assertThat(listening(acsPorts.get(0))).isFalse();
    }

    @Test
    void each_test_gets_its_own_simulator_closed_after_the_test() throws IOException {
        run(PerClassSample.class);

        assertThat(connectionRequestPorts).hasSize(2).doesNotHaveDuplicates();
        for (int port : connectionRequestPorts) {
            assertThat(listening(port)).as("connection-request port %d", port).isFalse();
        }
    }

    static class PerTestSample {
        @RegisterExtension
        static AcsExtension extension = AcsExtension.builder().lifecycle(AcsExtension.Lifecycle.PER_TEST).build();

        @Test
        void first(URI url, Acs acs) {
            acsPorts.add(url.getPort());
            instances.add(acs);
        }

        @Test
        void second(URI url, Acs acs) {
            acsPorts.add(url.getPort());
            instances.add(acs);
        }
    }

    @Test
    void per_test_lifecycle_starts_an_acs_on_a_new_port_for_each_test_and_stops_it() throws IOException {
        Events tests = run(PerTestSample.class);

        assertThat(tests.succeeded().count()).isEqualTo(2);
        assertThat(acsPorts).hasSize(2).doesNotHaveDuplicates();
        assertThat(instances.get(0)).isNotSameAs(instances.get(1));
        for (int port : acsPorts) {
            assertThat(listening(port)).isFalse();
        }
    }

    @CwmpTest
    static class UnannotatedDeviceSample {
        @Test
        void needs_a_serial(SimulatedDevice cpe) {
        }
    }

    @CwmpTest
    static class ManualSchedulerWithoutManualTimeSample {
        @Test
        void needs_manual_time(ManualScheduler scheduler) {
        }
    }

    @CwmpTest
    static class EmptySerialSample {
        @Test
        void needs_a_serial(@Device("") SimulatedDevice cpe) {
        }
    }

    private static void failsToResolve(Class<?> sample, String... messageParts) {
        Events tests = run(sample);
        assertThat(tests.failed().count()).isEqualTo(1);
        Throwable thrown = tests.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(thrown).isInstanceOf(ParameterResolutionException.class);
        assertThat(thrown.getMessage()).contains(messageParts);
    }

    @Test
    void a_device_parameter_without_device_annotation_is_a_clear_error() {
        failsToResolve(UnannotatedDeviceSample.class, "@Device(", "SimulatedDevice parameter #1", "UnannotatedDeviceSample.needs_a_serial");
    }

    @Test
    void a_device_annotation_without_serial_is_a_clear_error() {
        failsToResolve(EmptySerialSample.class, "@Device needs a serial number");
    }

    @Test
    void a_manual_scheduler_without_manual_time_is_a_clear_error() {
        failsToResolve(ManualSchedulerWithoutManualTimeSample.class, "manualTime(Instant)");
    }

    @Test
    void the_builder_refuses_a_timeout_that_is_not_positive() {
        assertThatThrownBy(() -> AcsExtension.builder().timeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static final java.util.concurrent.atomic.AtomicInteger sessionsStarted = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
    static class ManualTimePerClassSample {
        @RegisterExtension
        static AcsExtension extension = AcsExtension.builder()
                .manualTime(java.time.Instant.parse("2026-11-25T10:00:00Z"))
                .simulator(b -> b.periodicInform(java.time.Duration.ofMinutes(5)))
                .acs(b -> b.listener(new dev.cwmp.session.AcsListener() {
                    @Override
                    public void sessionStarted(dev.cwmp.session.DeviceId deviceId, String sessionId) {
                        sessionsStarted.incrementAndGet();
                    }
                }))
                .build();

        @Test
        @org.junit.jupiter.api.Order(1)
        void boots_a_device_that_informs_every_five_minutes(TestAcs lab, @Device("GHOST001") SimulatedDevice cpe) {
            cpe.powerOn();
            lab.awaitCompletedSession(cpe);
            assertThat(sessionsStarted.get()).isEqualTo(1);
        }

        @Test
        @org.junit.jupiter.api.Order(2)
        void the_closed_tests_device_stays_silent_when_time_moves(ManualScheduler scheduler) {
            scheduler.advance(java.time.Duration.ofMinutes(30));
            assertThat(sessionsStarted.get()).isEqualTo(1);
        }
    }

    @Test
    void on_shared_manual_time_a_finished_tests_devices_never_inform_again() {
        sessionsStarted.set(0);
        Events tests = run(ManualTimePerClassSample.class);

        assertThat(tests.succeeded().count()).isEqualTo(2);
        assertThat(sessionsStarted.get()).isEqualTo(1);
    }

    @CwmpTest
    static class BeforeAllSample {
        static Acs fromBeforeAll;

        @org.junit.jupiter.api.BeforeAll
        static void start(Acs acs, URI url) {
            fromBeforeAll = acs;
            acsPorts.add(url.getPort());
        }

        @Test
        void sees_the_same_acs(Acs acs, URI url) {
            assertThat(acs).isSameAs(fromBeforeAll);
            acsPorts.add(url.getPort());
        }
    }

    @Test
    void before_all_methods_get_the_classes_acs() {
        Events tests = run(BeforeAllSample.class);

        assertThat(tests.succeeded().count()).isEqualTo(1);
        assertThat(acsPorts).hasSize(2).containsOnly(acsPorts.get(0));
    }
}
