package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import dev.regtrain.common.DamagedDataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStore;
import dev.regtrain.jobs.JobStoreContract;
import static dev.regtrain.jobs.JobRecords.aJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the job store: the contract, and what only files can go through (torn lines, leftovers). */
class FileJobStoreTests extends JobStoreContract {

    @TempDir
    Path dataDir;

    final DamageLog damage = new DamageLog(Clock.systemUTC());

    @Override
    protected JobStore newStore() {
        return new FileJobStore(FileCheckpointStoreTests.properties(dataDir), damage);
    }

    @Override
    protected JobStore reopen() {
        return newStore();
    }

    @Test
    void aTornLastMetricsLineFromACrashIsIgnored() throws Exception {
        JobRecord job = aJob().running().build();
        store.save(job);
        store.appendMetrics(job.id(), row(1, 0.9));
        Files.writeString(dataDir.resolve("jobs").resolve(job.id()).resolve("metrics.jsonl"), "{\"epoch\":2,\"secon",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(store.loadMetrics(job.id())).containsExactly(row(1, 0.9));
    }

    @Test
    void leftoversOfInterruptedWritesAndDeletionsAreCleanedAtStart() throws Exception {
        JobRecord job = aJob().build();
        store.save(job);
        Path jobs = dataDir.resolve("jobs");
        Files.writeString(jobs.resolve(job.id()).resolve(".job.json.123.tmp"), "half");
        Files.createDirectories(jobs.resolve(".deleted-x-1"));

        reopen();

        assertThat(jobs.resolve(job.id()).resolve(".job.json.123.tmp")).doesNotExist();
        assertThat(jobs.resolve(".deleted-x-1")).doesNotExist();
    }

    /** A crash in the middle of a checkpoint leaves its temporary file two levels down; it goes too. */
    @Test
    void leftoversDeeperInAJobAreCleanedAtStartToo() throws Exception {
        JobRecord job = aJob().build();
        store.save(job);
        Path checkpoints = Files.createDirectories(dataDir.resolve("jobs").resolve(job.id()).resolve("checkpoints"));
        Files.writeString(checkpoints.resolve(".epoch-00010.ckpt.77.tmp"), "torn");
        Files.createDirectories(checkpoints.resolve(".deleted-old").resolve("inner"));
        Files.writeString(checkpoints.resolve("epoch-00005.ckpt"), "kept");

        reopen();

        assertThat(checkpoints.resolve(".epoch-00010.ckpt.77.tmp")).doesNotExist();
        assertThat(checkpoints.resolve(".deleted-old")).doesNotExist();
        assertThat(checkpoints.resolve("epoch-00005.ckpt")).hasContent("kept");
    }

    private Path file(JobRecord job, String name) {
        return dataDir.resolve("jobs").resolve(job.id()).resolve(name);
    }

    private static void flipAByteAt(Path file, int index) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[index] ^= 0x04;
        Files.write(file, bytes);
    }

    @Test
    void aRecordWithAFlippedByteIsQuarantinedAtStartAndAnsweredAsDamagedUntilDeleted() throws Exception {
        JobRecord damaged = aJob().succeeded().build();
        JobRecord intact = aJob().succeeded().build();
        store.save(damaged);
        store.save(intact);
        store.appendMetrics(damaged.id(), row(1, 0.5));
        flipAByteAt(file(damaged, "job.json"), 30);

        JobStore restarted = reopen();

        assertThat(restarted.page(dev.regtrain.jobs.JobFilter.ALL, 10, null).jobs()).containsExactly(intact);
        assertThatThrownBy(() -> restarted.find(damaged.id())).isInstanceOf(DamagedDataException.class)
                .hasMessageContaining("checksum").hasMessageContaining("job.json.damaged");
        assertThat(file(damaged, "job.json.damaged")).exists();
        assertThat(file(damaged, "metrics.jsonl")).exists();
        assertThat(damage.about("job", damaged.id())).singleElement().asString().contains("job.json");
        assertThatThrownBy(() -> reopen().find(damaged.id())).as("still damaged after another start")
                .isInstanceOf(DamagedDataException.class);

        restarted.delete(damaged.id());
        assertThat(restarted.find(damaged.id())).isEmpty();
        assertThat(dataDir.resolve("jobs").resolve(damaged.id())).doesNotExist();
        assertThat(damage.about("job", damaged.id())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"status\":\"SUCCEEDED\"", "\"createdAt\":\"2026-01-01T00:00:00Z\"",
            "\"request\":{"})
    void aReadableRecordThatLacksWhatEveryJobHasIsQuarantined(String removed) throws Exception {
        JobRecord job = aJob().succeeded().build();
        String json = new String(ChecksummedJson.record(job), StandardCharsets.UTF_8).split("\n")[0];
        String broken = removed.endsWith("{") ? json.replace(removed, "\"request\":null,\"x\":{")
                : json.replace(removed, removed.substring(0, removed.indexOf(':') + 1) + "null");
        Files.createDirectories(file(job, "job.json").getParent());
        Files.writeString(file(job, "job.json"), broken); // as a version without checksums wrote it

        JobStore restarted = reopen();

        assertThatThrownBy(() -> restarted.find(job.id())).isInstanceOf(DamagedDataException.class);
        assertThat(restarted.page(dev.regtrain.jobs.JobFilter.ALL, 10, null).jobs()).isEmpty();
    }

    @Test
    void aDamagedMetricsLineIsLeftOutAndReportedWhileATornLastLineIsQuiet() throws Exception {
        JobRecord job = aJob().running().build();
        store.save(job);
        for (int e = 1; e <= 3; e++) {
            store.appendMetrics(job.id(), row(e, 1.0 / e));
        }
        Path metrics = file(job, "metrics.jsonl");
        String secondLine = Files.readAllLines(metrics).get(1);
        flipAByteAt(metrics, Files.readAllLines(metrics).get(0).length() + 1 + secondLine.indexOf("trainLoss") + 14);

        assertThat(store.loadMetrics(job.id())).containsExactly(row(1, 1.0), row(3, 1.0 / 3));
        assertThat(damage.about("job", job.id())).singleElement().asString().contains("metrics.jsonl line 2");
    }

    @Test
    void aDamagedModelContextIsSaidNotServed() throws Exception {
        JobRecord job = aJob().succeeded().build();
        store.save(job);
        store.saveModelMeta(job.id(), new dev.regtrain.models.document.ModelMeta("regression", 3, null, null));
        flipAByteAt(file(job, "model-meta.json"), 12);

        assertThatThrownBy(() -> store.loadModelMeta(job.id())).isInstanceOf(DamagedDataException.class)
                .hasMessageContaining("model-meta.json");
    }

    /** The folder's checkpoints belong to the checkpoint store: deleting the job's record leaves them. */
    @Test
    void deletingAJobRemovesItsOwnFilesButNotTheCheckpointStoresData() throws Exception {
        JobRecord job = aJob().succeeded().build();
        store.save(job);
        store.appendMetrics(job.id(), row(1, 0.9));
        Path dir = dataDir.resolve("jobs").resolve(job.id());
        Path checkpoint = Files.createDirectories(dir.resolve("checkpoints")).resolve("final-00000001.ckpt");
        Files.writeString(checkpoint, "the checkpoint store's");

        store.delete(job.id());

        assertThat(dir.resolve("job.json")).doesNotExist();
        assertThat(dir.resolve("metrics.jsonl")).doesNotExist();
        assertThat(checkpoint).hasContent("the checkpoint store's");

        Files.delete(checkpoint);
        Files.delete(checkpoint.getParent());
        store.delete(job.id());
        assertThat(dir).doesNotExist();
    }
}
