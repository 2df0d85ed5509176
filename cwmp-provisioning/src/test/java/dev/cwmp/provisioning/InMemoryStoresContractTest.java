package dev.cwmp.provisioning;

import dev.cwmp.provisioning.contract.PresetStoreContract;
import dev.cwmp.provisioning.contract.ProvisioningStoreContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The in-memory defaults pass the SPI contracts. */
class InMemoryStoresContractTest {

    @Nested
    class InMemoryProvisioningStore extends ProvisioningStoreContract {
        @Override
        protected ProvisioningStore newStore() {
            return ProvisioningStore.inMemory();
        }
    }

    @Nested
    class InMemoryPresetStore extends PresetStoreContract {
        @Override
        protected PresetStore newStore() {
            return PresetStore.inMemory(List.of());
        }
    }
}
