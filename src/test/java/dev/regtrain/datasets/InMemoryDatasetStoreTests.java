package dev.regtrain.datasets;

/** The in-memory fake passes the same contract as the real adapters. */
class InMemoryDatasetStoreTests extends DatasetStoreContract {

    private InMemoryDatasetStore shared;

    @Override
    protected DatasetStore newStore() {
        shared = new InMemoryDatasetStore();
        return shared;
    }

    @Override
    protected DatasetStore reopen() {
        return shared;
    }
}
