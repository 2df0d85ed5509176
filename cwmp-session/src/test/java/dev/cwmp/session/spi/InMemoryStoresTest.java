package dev.cwmp.session.spi;

import dev.cwmp.session.DeviceStore;
import dev.cwmp.session.TaskQueue;
import org.junit.jupiter.api.Nested;

/** The in-memory defaults pass the SPI contracts. */
class InMemoryStoresTest {

    @Nested
    class InMemoryDeviceStore extends DeviceStoreContract {
        @Override
        protected DeviceStore newStore() {
            return DeviceStore.inMemory();
        }
    }

    @Nested
    class InMemoryTaskQueue extends TaskQueueContract {
        @Override
        protected TaskQueue newQueue() {
            return TaskQueue.inMemory();
        }
    }
}
