package dev.regtrain.storage.file;

import dev.regtrain.idempotency.IdempotencyStore;
import dev.regtrain.idempotency.IdempotencyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the idempotency store passes the contract. */
class FileIdempotencyStoreTests extends IdempotencyStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected IdempotencyStore newStore() {
        return new FileIdempotencyStore(FileCheckpointStoreTests.properties(dataDir));
    }

    @Override
    protected IdempotencyStore reopen() {
        return newStore();
    }
}
