package dev.regtrain.webhooks;

/** The in-memory fake passes the same contract as the file adapter. */
class InMemoryWebhookStoreTests extends WebhookStoreContract {

    private InMemoryWebhookStore shared;

    @Override
    protected WebhookStore newStore() {
        shared = new InMemoryWebhookStore();
        return shared;
    }

    @Override
    protected WebhookStore reopen() {
        return shared;
    }
}
