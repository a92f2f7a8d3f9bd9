package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.jobs.CheckpointKind;
import dev.regtrain.jobs.CheckpointStore;
import dev.regtrain.jobs.CheckpointStoreContract;
import dev.regtrain.storage.TestProperties;
import java.time.Clock;
import java.util.List;
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
        db.jdbc.update("update checkpoint_chunks set data = set_byte(data, 40, get_byte(data, 40) # 255) where job_id "
                + "= ? and epoch = 5", job);

        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(4);
        assertThat(store.load(job, "5")).isEmpty();
    }

    private int chunks() {
        return db.jdbc.queryForObject("select count(*) from checkpoint_chunks where job_id = ?", Integer.class, job);
    }

    @Test
    void aStateInTwoRolesIsWrittenOnceAndCopiedAndItsChunksGoWithTheirCheckpoints() {
        var infos = store.saveAs(job, List.of(CheckpointKind.PERIODIC, CheckpointKind.BEST), epoch(3), 0.5);
        store.save(job, CheckpointKind.PERIODIC, epoch(4), null);

        assertThat(infos.get(0).sha256()).isEqualTo(infos.get(1).sha256());
        assertThat(db.jdbc.queryForObject("select count(distinct md5(data)) from checkpoint_chunks where job_id = ? "
                + "and epoch = 3", Integer.class, job)).isEqualTo(1);
        assertThat(store.load(job, "best").orElseThrow().state().epoch()).isEqualTo(3);
        assertThat(chunks()).isEqualTo(3);

        store.prune(job, 1);
        assertThat(chunks()).as("epoch 3's periodic copy pruned, its best copy kept").isEqualTo(2);
        store.deleteAll(job);
        assertThat(chunks()).isZero();
    }
}
