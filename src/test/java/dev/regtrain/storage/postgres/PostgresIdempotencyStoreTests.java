package dev.regtrain.storage.postgres;

import dev.regtrain.idempotency.IdempotencyStore;
import dev.regtrain.idempotency.IdempotencyStoreContract;

/** The PostgreSQL adapter of the idempotency store holds to the contract. */
class PostgresIdempotencyStoreTests extends IdempotencyStoreContract {

    private Database db;

    @Override
    protected IdempotencyStore newStore() {
        db = PostgresStores.empty();
        return reopen();
    }

    @Override
    protected IdempotencyStore reopen() {
        return new PostgresIdempotencyStore(db);
    }
}
