package dev.cwmp.store.jdbc;

import dev.cwmp.session.DeviceStore;
import dev.cwmp.testkit.contract.DeviceStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class DeviceStoreContractTest {

    @Nested
    class On_h2 extends DeviceStoreContract {
        @TempDir
        Path dir;
        final TestDatabases databases = new TestDatabases();

        @Override
        protected DeviceStore newStore() {
            return databases.h2(dir).deviceStore();
        }

        @Override
        protected boolean exactCandidates() {
            return true;
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }

    @Nested
    class On_postgres extends DeviceStoreContract {
        final TestDatabases databases = new TestDatabases();

        @Override
        protected DeviceStore newStore() {
            return databases.emptyPostgres().deviceStore();
        }

        @Override
        protected boolean exactCandidates() {
            return true;
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }
}
