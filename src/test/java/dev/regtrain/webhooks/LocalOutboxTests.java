package dev.regtrain.webhooks;

/** One instance's outbox, on the in-memory store, holds to the contract. */
class LocalOutboxTests extends OutboxContract {

    @Override
    protected Outbox newOutbox() {
        return new LocalOutbox(new InMemoryOutboxStore());
    }
}
