package dev.regtrain.webhooks;

/** The in-memory fake passes the same contract as the file adapter. */
class InMemoryOutboxStoreTests extends OutboxStoreContract {

    private InMemoryOutboxStore shared;

    @Override
    protected OutboxStore newStore() {
        shared = new InMemoryOutboxStore();
        return shared;
    }

    @Override
    protected OutboxStore reopen() {
        return shared;
    }
}
