package dev.cwmp.store.jdbc;

import dev.cwmp.provisioning.PresetStore;
import dev.cwmp.provisioning.contract.PresetStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class PresetStoreContractTest {

    @Nested
    class On_h2 extends PresetStoreContract {
        @TempDir
        Path dir;
        final TestDatabases databases = new TestDatabases();

        @Override
        protected PresetStore newStore() {
            return databases.h2(dir).presetStore();
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }

    @Nested
    class On_postgres extends PresetStoreContract {
        final TestDatabases databases = new TestDatabases();

        @Override
        protected PresetStore newStore() {
            return databases.emptyPostgres().presetStore();
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }
}
