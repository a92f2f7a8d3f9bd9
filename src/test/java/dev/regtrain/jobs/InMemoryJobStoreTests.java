package dev.regtrain.jobs;

/** The in-memory fake the lifecycle's unit tests use passes the same contract as the real adapters. */
class InMemoryJobStoreTests extends JobStoreContract {

    private InMemoryJobStore shared;

    @Override
    protected JobStore newStore() {
        shared = new InMemoryJobStore();
        return shared;
    }

    @Override
    protected JobStore reopen() {
        return shared;
    }
}
