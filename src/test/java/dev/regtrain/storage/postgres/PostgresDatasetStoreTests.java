package dev.regtrain.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.Owner;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetStore;
import dev.regtrain.datasets.DatasetStoreContract;
import dev.regtrain.storage.TestProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PostgreSQL adapter of the dataset store: the contract, and data kept as chunks of at most 1 MiB. */
class PostgresDatasetStoreTests extends DatasetStoreContract {

    /** 4,000 × 100 doubles: about 3.2 MB encoded, four chunks. */
    private static final Dataset LARGE = BuiltinDatasets.generate("blobs",
            Map.of("samples", 4000.0, "features", 100.0, "classes", 3.0), 11);

    private Database db;

    @Override
    protected DatasetStore newStore() {
        db = PostgresStores.empty();
        return reopen();
    }

    @Override
    protected DatasetStore reopen() {
        return new PostgresDatasetStore(db, TestProperties.with().limits());
    }

    private int chunks(String id) {
        return db.jdbc.queryForObject("select count(*) from dataset_chunks where dataset_id = ?", Integer.class, id);
    }

    @Test
    void aDatasetLargerThanAChunkIsStoredInChunksAndReadBackExactly() {
        DatasetRecord record = record(1, new Owner("team-a"));
        long encoded = DatasetCodec.encodedSize(LARGE);

        store.save(record, LARGE);

        assertThat(chunks(record.id())).isEqualTo((int) ((encoded + Chunks.CHUNK_BYTES - 1) / Chunks.CHUNK_BYTES))
                .isGreaterThan(1);
        assertThat(db.jdbc.queryForObject("select max(octet_length(data)) from dataset_chunks", Integer.class))
                .isEqualTo(Chunks.CHUNK_BYTES);
        assertThat(reopen().load(record.id())).contains(LARGE);
        assertThat(store.storedBytes(new Owner("team-a"))).isEqualTo(encoded);
    }

    @Test
    void savingADatasetAgainReplacesItsChunksAndDeletingItRemovesThem() {
        DatasetRecord record = record(1);
        store.save(record, LARGE);
        store.save(record, MOONS);

        assertThat(chunks(record.id())).isEqualTo(1);
        assertThat(store.load(record.id())).contains(MOONS);

        store.delete(record.id());
        assertThat(chunks(record.id())).isZero();
    }

    @Test
    void aDatasetWithAChunkMissingIsDamagedNotServed() {
        DatasetRecord record = record(1);
        store.save(record, LARGE);
        db.jdbc.update("delete from dataset_chunks where dataset_id = ? and seq = 1", record.id());

        assertThatThrownBy(() -> store.load(record.id())).isInstanceOf(DamagedDataException.class);
    }
}
