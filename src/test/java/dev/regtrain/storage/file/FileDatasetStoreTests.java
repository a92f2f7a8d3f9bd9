package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Override
    protected DatasetStore newStore() {
        return new FileDatasetStore(FileCheckpointStoreTests.properties(dataDir));
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

    @Test
    void damagedDataIsNeverLoaded() throws Exception {
        DatasetRecord record = record(1);
        store.save(record, MOONS);
        Path bin = dataDir.resolve("datasets").resolve(record.id()).resolve("dataset.bin");
        byte[] bytes = Files.readAllBytes(bin);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(bin, bytes);

        assertThat(store.load(record.id())).isEmpty();
    }
}
