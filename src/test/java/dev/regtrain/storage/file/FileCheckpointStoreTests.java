package dev.regtrain.storage.file;

import dev.regtrain.storage.TestProperties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.CheckpointKind;
import dev.regtrain.jobs.CheckpointStore;
import dev.regtrain.jobs.CheckpointStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the checkpoint store: the contract, and what only files can go through (damage, crashes). */
class FileCheckpointStoreTests extends CheckpointStoreContract {

    @TempDir
    Path dataDir;

    static RegtrainProperties properties(Path dataDir) {
        return TestProperties.with("regtrain.data-dir", dataDir.toString());
    }

    @Override
    protected CheckpointStore newStore() {
        return new FileCheckpointStore(properties(dataDir), Clock.systemUTC());
    }

    private Path checkpoints() {
        return dataDir.resolve("jobs").resolve(job).resolve("checkpoints");
    }

    @Test
    void aDamagedCheckpointIsNeverLoadedAndThePreviousIntactOneIsUsed() throws Exception {
        store.save(job, CheckpointKind.PERIODIC, epoch(4), null);
        store.save(job, CheckpointKind.PERIODIC, epoch(5), null);
        store.save(job, CheckpointKind.BEST, epoch(2), 0.9);
        store.save(job, CheckpointKind.BEST, epoch(4), 0.7);
        flipAByte(checkpoints().resolve("periodic-00000005.ckpt"));
        flipAByte(checkpoints().resolve("best-00000004.ckpt"));

        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(4);
        assertThat(store.load(job, "5")).isEmpty();
        assertThat(store.load(job, "best").orElseThrow().state().epoch()).isEqualTo(2);
    }

    @Test
    void aTornCheckpointFromACrashIsDetected() throws Exception {
        store.save(job, CheckpointKind.PERIODIC, epoch(2), null);
        store.save(job, CheckpointKind.PERIODIC, epoch(3), null);
        Path newest = checkpoints().resolve("periodic-00000003.ckpt");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(2);
    }

    @Test
    void aCheckpointWhoseDescriptionWasLostStillCounts() throws Exception {
        store.save(job, CheckpointKind.PERIODIC, epoch(3), null);
        Files.delete(checkpoints().resolve("periodic-00000003.json"));

        assertThat(store.list(job)).extracting(CheckpointInfo::epoch).containsExactly(3);
        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(3);
    }

    /** A damaged description does not hide an intact checkpoint: it is rebuilt from the checkpoint file. */
    @Test
    void aCheckpointWhoseDescriptionIsDamagedStillCounts() throws Exception {
        store.save(job, CheckpointKind.PERIODIC, epoch(2), null);
        store.save(job, CheckpointKind.PERIODIC, epoch(3), null);
        Files.writeString(checkpoints().resolve("periodic-00000003.json"), "{\"ref\": ");

        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(3);
        assertThat(store.list(job)).extracting(CheckpointInfo::epoch).contains(3);
    }

    private static void flipAByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
    }
}
