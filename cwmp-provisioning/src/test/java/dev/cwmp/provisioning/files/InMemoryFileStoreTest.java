package dev.cwmp.provisioning.files;

import dev.cwmp.provisioning.contract.FileStoreContract;
import java.time.InstantSource;

class InMemoryFileStoreTest extends FileStoreContract {

    @Override
    protected FileStore newStore(InstantSource clock) {
        return FileStore.inMemory(clock);
    }
}
