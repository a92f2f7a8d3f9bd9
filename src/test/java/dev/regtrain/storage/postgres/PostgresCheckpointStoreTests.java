package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.jobs.CheckpointKind;
import dev.regtrain.jobs.CheckpointStore;
import dev.regtrain.jobs.CheckpointStoreContract;
import dev.regtrain.storage.TestProperties;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The PostgreSQL adapter of the checkpoint store: the contract, and damage that is never served. */
class PostgresCheckpointStoreTests extends CheckpointStoreContract {

    private Database db;

    @Override
    protected CheckpointStore newStore() {
        db = PostgresStores.empty();
        return new PostgresCheckpointStore(db, new Fences(),
                PostgresStoreConfiguration.stateLimits(TestProperties.with().limits()), Clock.systemUTC());
    }

    @Test
    void aCheckpointThatDoesNotDecodeIsPassedOverForTheNextIntactOne() {
        store.save(job, CheckpointKind.PERIODIC, epoch(4), null);
        store.save(job, CheckpointKind.PERIODIC, epoch(5), null);
        db.jdbc.update("update checkpoints set state = set_byte(state, 40, get_byte(state, 40) # 255) where job_id = ? "
                + "and epoch = 5", job);

        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(4);
        assertThat(store.load(job, "5")).isEmpty();
    }
}
