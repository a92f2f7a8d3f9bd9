package dev.regtrain.security;

/** The in-memory fake passes the same contract as the real adapters. */
class InMemoryKeyStoreTests extends KeyStoreContract {

    private InMemoryKeyStore shared;

    @Override
    protected KeyStore newStore() {
        shared = new InMemoryKeyStore();
        return shared;
    }

    @Override
    protected KeyStore reopen() {
        return shared;
    }
}
