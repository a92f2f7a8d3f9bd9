package dev.regtrain.storage.postgres;

import dev.regtrain.datasets.DatasetStore;
import dev.regtrain.datasets.DatasetStoreContract;
import dev.regtrain.storage.TestProperties;

/** The PostgreSQL adapter of the dataset store holds to the contract. */
class PostgresDatasetStoreTests extends DatasetStoreContract {

    private Database db;

    @Override
    protected DatasetStore newStore() {
        db = PostgresStores.empty();
        return reopen();
    }

    @Override
    protected DatasetStore reopen() {
        return new PostgresDatasetStore(db, TestProperties.with().limits());
    }
}
