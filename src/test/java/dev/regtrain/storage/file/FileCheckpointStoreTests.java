package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;

import dev.regtrain.storage.TestProperties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Sha256;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.CheckpointKind;
import dev.regtrain.jobs.CheckpointStore;
import dev.regtrain.jobs.CheckpointStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the checkpoint store: the contract, and what only files can go through (damage, crashes). */
class FileCheckpointStoreTests extends CheckpointStoreContract {

    @TempDir
    Path dataDir;

    final DamageLog damage = new DamageLog(Clock.systemUTC());

    static RegtrainProperties properties(Path dataDir) {
        return TestProperties.with("regtrain.data-dir", dataDir.toString());
    }

    @Override
    protected CheckpointStore newStore() {
        return new FileCheckpointStore(properties(dataDir), Clock.systemUTC(), damage);
    }

    private Path checkpoints() {
        return dataDir.resolve("jobs").resolve(job).resolve("checkpoints");
    }

    /** What the disk holds: a state linked under two roles once, the previous best kept as a fallback too. */
    @Test
    void storedBytesCountALinkedStateOnceAndTheFallbackBest() throws Exception {
        store.saveAs(job, List.of(CheckpointKind.PERIODIC, CheckpointKind.BEST), epoch(2), 0.9);
        long second = Files.size(checkpoints().resolve("periodic-00000002.ckpt"));
        assertThat(store.storedBytes(List.of(job))).isEqualTo(second);

        store.save(job, CheckpointKind.BEST, epoch(4), 0.7);
        long fourth = Files.size(checkpoints().resolve("best-00000004.ckpt"));
        assertThat(store.storedBytes(List.of(job))).isEqualTo(second + fourth);
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

    @Test
    void aDamagedBestIsLeftOutOfTheListAndTheListAndTheLoadAgreeOnTheIntactOne() throws Exception {
        store.save(job, CheckpointKind.BEST, epoch(2), 0.9);
        store.save(job, CheckpointKind.BEST, epoch(4), 0.7);
        store.save(job, CheckpointKind.PERIODIC, epoch(4), null);
        assertThat(store.list(job)).extracting(CheckpointInfo::epoch).containsExactly(4, 4);
        flipAByte(checkpoints().resolve("best-00000004.ckpt"));

        List<CheckpointInfo> list = store.list(job);

        assertThat(list).extracting(CheckpointInfo::ref).containsExactly("best", "4");
        assertThat(list.get(0).epoch()).isEqualTo(2);
        assertThat(store.load(job, "best").orElseThrow().info().epoch()).isEqualTo(list.get(0).epoch());
        assertThat(damage.about("job", job)).singleElement().asString()
                .contains("best checkpoint of epoch 4 is damaged");
    }

    /** A best checkpoint that is also a periodic one is written once: the second name is a hard link. */
    @Test
    void oneStateInTwoRolesIsWrittenOnceUnderTwoNames() throws Exception {
        List<CheckpointInfo> saved = store.saveAs(job, List.of(CheckpointKind.BEST, CheckpointKind.PERIODIC),
                epoch(3), 0.4);

        Path best = checkpoints().resolve("best-00000003.ckpt");
        Path periodic = checkpoints().resolve("periodic-00000003.ckpt");
        assertThat(Files.isSameFile(best, periodic)).isTrue();
        assertThat(saved).extracting(CheckpointInfo::ref).containsExactly("best", "3");
        assertThat(saved.get(0).monitorValue()).isEqualTo(0.4);
        assertThat(saved.get(1).monitorValue()).as("a periodic checkpoint carries its monitored value too")
                .isEqualTo(0.4);
        store.prune(job, 0);
        assertThat(store.load(job, "best").orElseThrow().state().epoch()).as("the other name survives a prune")
                .isEqualTo(3);
    }

    @Test
    void aCheckpointStreamsToItsFileWithTheSizeAndSha256OfWhatWasWritten() throws Exception {
        CheckpointInfo info = store.save(job, CheckpointKind.PERIODIC, epoch(5), null);

        byte[] file = Files.readAllBytes(checkpoints().resolve("periodic-00000005.ckpt"));
        assertThat(file).isEqualTo(StateCodec.encode(epoch(5)));
        assertThat(info.sizeBytes()).isEqualTo(file.length);
        assertThat(info.sha256()).isEqualTo(Sha256.hex(file));
        assertThat(store.list(job)).containsExactly(info);
        List<CheckpointInfo> twoRoles = store.saveAs(job, List.of(CheckpointKind.BEST, CheckpointKind.PERIODIC),
                epoch(6), 0.3);
        assertThat(twoRoles).extracting(CheckpointInfo::sha256).as("both roles describe the one file")
                .containsExactly(Sha256.hex(StateCodec.encode(epoch(6))), Sha256.hex(StateCodec.encode(epoch(6))));
    }

    private static void flipAByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
    }
}
