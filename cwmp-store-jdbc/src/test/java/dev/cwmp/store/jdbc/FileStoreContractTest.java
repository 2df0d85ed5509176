package dev.cwmp.store.jdbc;

import dev.cwmp.provisioning.contract.FileStoreContract;
import dev.cwmp.provisioning.files.FileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class FileStoreContractTest {

    @Nested
    class On_h2 extends FileStoreContract {
        @TempDir
        Path dir;
        final TestDatabases databases = new TestDatabases();

        @Override
        protected FileStore newStore(InstantSource clock) {
            return databases.h2(dir).fileStore(clock);
        }

        /** After the contract's clean-up, which needs the store open (subclasses' @AfterEach run first). */
        @AfterEach
        @Override
        public void deleteAll() throws IOException {
            super.deleteAll();
            databases.close();
        }
    }

    @Nested
    class On_postgres extends FileStoreContract {
        final TestDatabases databases = new TestDatabases();

        @Override
        protected FileStore newStore(InstantSource clock) {
            return databases.emptyPostgres().fileStore(clock);
        }

        /** After the contract's clean-up, which needs the store open (subclasses' @AfterEach run first). */
        @AfterEach
        @Override
        public void deleteAll() throws IOException {
            super.deleteAll();
            databases.close();
        }
    }
}
