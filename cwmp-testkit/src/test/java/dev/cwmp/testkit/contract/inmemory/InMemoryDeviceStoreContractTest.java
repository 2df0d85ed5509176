package dev.cwmp.testkit.contract.inmemory;

import dev.cwmp.session.DeviceStore;
import dev.cwmp.testkit.contract.DeviceStoreContract;

/** The in-memory default passes the device store contract (from another package than the contract's). */
class InMemoryDeviceStoreContractTest extends DeviceStoreContract {
    @Override
    protected DeviceStore newStore() {
        return DeviceStore.inMemory();
    }

    @Override
    protected boolean exactCandidates() {
        return true;
    }
}
