package dev.regtrain.idempotency;

/** The in-memory fake passes the same contract as the real adapters. */
class InMemoryIdempotencyStoreTests extends IdempotencyStoreContract {

    private InMemoryIdempotencyStore shared;

    @Override
    protected IdempotencyStore newStore() {
        shared = new InMemoryIdempotencyStore();
        return shared;
    }

    @Override
    protected IdempotencyStore reopen() {
        return shared;
    }
}
