package dev.cwmp.store.jdbc;

import dev.cwmp.session.TaskQueue;
import dev.cwmp.testkit.contract.TaskQueueContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class TaskQueueContractTest {

    @Nested
    class On_h2 extends TaskQueueContract {
        @TempDir
        Path dir;
        final TestDatabases databases = new TestDatabases();

        @Override
        protected TaskQueue newQueue() {
            return databases.h2(dir).taskQueue();
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }

    @Nested
    class On_postgres extends TaskQueueContract {
        final TestDatabases databases = new TestDatabases();

        @Override
        protected TaskQueue newQueue() {
            return databases.emptyPostgres().taskQueue();
        }

        @AfterEach
        void close() {
            databases.close();
        }
    }
}
