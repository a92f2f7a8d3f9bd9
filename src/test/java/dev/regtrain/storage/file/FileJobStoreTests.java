package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStore;
import dev.regtrain.jobs.JobStoreContract;
import static dev.regtrain.jobs.JobRecords.aJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the job store: the contract, and what only files can go through (torn lines, leftovers). */
class FileJobStoreTests extends JobStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected JobStore newStore() {
        return new FileJobStore(FileCheckpointStoreTests.properties(dataDir));
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
