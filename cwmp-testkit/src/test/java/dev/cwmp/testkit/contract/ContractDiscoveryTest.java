package dev.cwmp.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cwmp.session.TaskQueue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A subclass in another package (as a user's store is) runs every test of a contract: each is public,
 * so none is lost to package-private visibility.
 */
class ContractDiscoveryTest {

    private static long testsDeclaredBy(Class<?> contract) {
        return Arrays.stream(contract.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .peek(m -> assertThat(Modifier.isPublic(m.getModifiers())).as(m.getName() + " is public").isTrue())
                .count();
    }

    private static Events run(Class<?> testClass) {
        return run(testClass.getName());
    }

    private static Events run(String testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    @Test
    void a_device_store_in_another_package_runs_every_contract_test() {
        Events tests = run("dev.cwmp.testkit.contract.inmemory.InMemoryDeviceStoreContractTest");
        long declared = testsDeclaredBy(DeviceStoreContract.class);
        assertThat(declared).isGreaterThanOrEqualTo(8);
        assertThat(tests.started().count()).isEqualTo(declared);
        assertThat(tests.succeeded().count()).isEqualTo(declared);
    }

    @Test
    void a_task_queue_in_another_package_runs_every_contract_test() {
        Events tests = run("dev.cwmp.testkit.contract.inmemory.InMemoryTaskQueueContractTest");
        long declared = testsDeclaredBy(TaskQueueContract.class);
        assertThat(declared).isGreaterThanOrEqualTo(6);
        assertThat(tests.succeeded().count()).isEqualTo(declared);
    }

    @Test
    void lifecycle_methods_are_public_too() {
        for (Class<?> contract : List.of(DeviceStoreContract.class, TaskQueueContract.class)) {
            Method create = Arrays.stream(contract.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(org.junit.jupiter.api.BeforeEach.class)).findFirst().orElseThrow();
            assertThat(Modifier.isPublic(create.getModifiers())).as(contract.getSimpleName()).isTrue();
        }
    }

    /** A broken store fails the contract: the tests assert something. */
    @Test
    void a_store_that_forgets_everything_fails_the_contract() {
        Events tests = run(ForgetfulQueueTest.class);
        assertThat(tests.failed().count()).isPositive();
    }

    /** A task queue that drops what it is given (a nested class: surefire runs it only through {@link #run}). */
    static class ForgetfulQueueTest extends TaskQueueContract {
        @Override
        protected TaskQueue newQueue() {
            TaskQueue real = TaskQueue.inMemory();
            return new TaskQueue() {
                @Override
                public void add(dev.cwmp.session.Task task) {
                }

                @Override
                public java.util.Optional<dev.cwmp.session.Task> get(String id) {
                    return real.get(id);
                }

                @Override
                public List<dev.cwmp.session.Task> pending(dev.cwmp.session.DeviceId deviceId, java.time.Instant now) {
                    return real.pending(deviceId, now);
                }

                @Override
                public boolean remove(String id) {
                    return real.remove(id);
                }

                @Override
                public List<dev.cwmp.session.Task> removeExpired(java.time.Instant now) {
                    return real.removeExpired(now);
                }

                @Override
                public List<dev.cwmp.session.Task> all() {
                    return real.all();
                }
            };
        }
    }
}
