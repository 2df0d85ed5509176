package dev.cwmp.store.jdbc;

import dev.cwmp.provisioning.ProvisioningStore;
import dev.cwmp.provisioning.contract.ProvisioningStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningStoreContractTest {

    @Nested
    class On_h2 extends ProvisioningStoreContract {
        @TempDir
        Path dir;
        final TestDatabases databases = new TestDatabases();

        @Override
        protected ProvisioningStore newStore() {
            return databases.h2(dir).provisioningStore();
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }

    @Nested
    class On_postgres extends ProvisioningStoreContract {
        final TestDatabases databases = new TestDatabases();

        @Override
        protected ProvisioningStore newStore() {
            return databases.emptyPostgres().provisioningStore();
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }
}
