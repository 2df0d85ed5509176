package dev.cwmp.testkit.contract.inmemory;

import dev.cwmp.session.TaskQueue;
import dev.cwmp.testkit.contract.TaskQueueContract;

/** The in-memory default passes the task queue contract. */
class InMemoryTaskQueueContractTest extends TaskQueueContract {
    @Override
    protected TaskQueue newQueue() {
        return TaskQueue.inMemory();
    }
}
