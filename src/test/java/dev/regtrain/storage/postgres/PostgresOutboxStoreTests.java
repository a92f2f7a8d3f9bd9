package dev.regtrain.storage.postgres;

import dev.regtrain.webhooks.OutboxStore;
import dev.regtrain.webhooks.OutboxStoreContract;
import java.time.Duration;

/** The PostgreSQL adapter of the outbox keeps its entries as the file adapter does (the contract). */
class PostgresOutboxStoreTests extends OutboxStoreContract {

    private Database db;

    @Override
    protected OutboxStore newStore() {
        db = PostgresStores.empty();
        return reopen();
    }

    @Override
    protected OutboxStore reopen() {
        return new PostgresOutboxStore(db, Duration.ofMinutes(1), PostgresStores.notifications());
    }
}
