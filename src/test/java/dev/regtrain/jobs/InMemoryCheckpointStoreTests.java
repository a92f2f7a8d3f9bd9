package dev.regtrain.jobs;

import java.time.Clock;

/** The in-memory fake the lifecycle's unit tests use passes the same contract as the real adapters. */
class InMemoryCheckpointStoreTests extends CheckpointStoreContract {

    @Override
    protected CheckpointStore newStore() {
        return new InMemoryCheckpointStore(Clock.systemUTC());
    }
}
