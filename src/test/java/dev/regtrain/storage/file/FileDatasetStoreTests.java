package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.StorageException;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetStore;
import dev.regtrain.datasets.DatasetStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the dataset store: the contract, and a damaged data file. */
class FileDatasetStoreTests extends DatasetStoreContract {

    @TempDir
    Path dataDir;

    final DamageLog damage = new DamageLog(Clock.systemUTC());

    @Override
    protected DatasetStore newStore() {
        return new FileDatasetStore(FileCheckpointStoreTests.properties(dataDir), damage);
    }

    @Override
    protected DatasetStore reopen() {
        return newStore();
    }

    /** The record cannot be written (here its name is taken by a folder): the data written before it goes too. */
    @Test
    void aDatasetWhoseWriteFailsLeavesNothingBehind() throws Exception {
        DatasetRecord record = record(1);
        Path dir = dataDir.resolve("datasets").resolve(record.id());
        Files.createDirectories(dir.resolve("dataset.json").resolve("in the way"));

        assertThatThrownBy(() -> store.save(record, MOONS)).isInstanceOf(StorageException.class);

        assertThat(dir).doesNotExist();
        assertThat(store.find(record.id())).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    private static void flip(Path file, int index) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[index < 0 ? bytes.length / 2 : index] ^= 0x10;
        Files.write(file, bytes);
    }

    @Test
    void damagedDataIsListedAsDamagedAndNeverLoaded() throws Exception {
        DatasetRecord record = record(1);
        store.save(record, MOONS);
        flip(dataDir.resolve("datasets").resolve(record.id()).resolve("dataset.bin"), -1);

        assertThat(store.list()).singleElement().extracting(DatasetRecord::damaged).asString()
                .contains("does not read back intact");
        assertThat(store.find(record.id()).orElseThrow().damaged()).isNotNull();
        assertThatThrownBy(() -> store.load(record.id())).isInstanceOf(DamagedDataException.class);
        assertThat(damage.about("dataset", record.id())).hasSize(1);
    }

    @Test
    void aDamagedRecordIsSetAsideAtStartAndReported() throws Exception {
        DatasetRecord damagedRecord = record(1);
        DatasetRecord intact = record(2);
        store.save(damagedRecord, MOONS);
        store.save(intact, MOONS);
        Path json = dataDir.resolve("datasets").resolve(damagedRecord.id()).resolve("dataset.json");
        flip(json, 20);

        DatasetStore restarted = reopen();

        assertThat(restarted.list()).containsExactly(intact);
        assertThat(restarted.find(damagedRecord.id())).isEmpty();
        assertThat(json.resolveSibling("dataset.json.damaged")).exists();
        assertThat(damage.about("dataset", damagedRecord.id())).singleElement().asString().contains("checksum");
    }
}
