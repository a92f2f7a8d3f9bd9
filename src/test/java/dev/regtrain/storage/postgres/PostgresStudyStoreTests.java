package dev.regtrain.storage.postgres;

import dev.regtrain.studies.StudyStore;
import dev.regtrain.studies.StudyStoreContract;

/** The PostgreSQL adapter of the study store holds to the contract. */
class PostgresStudyStoreTests extends StudyStoreContract {

    private StudyStore store;

    @Override
    protected StudyStore store() {
        if (store == null) {
            store = new PostgresStudyStore(PostgresStores.empty());
        }
        return store;
    }

    @Override
    protected StudyStore reopened() {
        store();
        return new PostgresStudyStore(PostgresStores.database());
    }
}
