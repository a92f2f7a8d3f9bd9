package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LayerMetrics;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.request.DatasetRequest;
import dev.regtrain.jobs.request.JobRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJobStoreTests {

    @TempDir
    Path dataDir;

    private static EpochMetrics row(int epoch, double loss) {
        return new EpochMetrics(epoch, 0.01, 0.1, loss, loss, 0, 0, 0, 0.5, null, null, null, null,
                List.of(new LayerMetrics(1, 1, 2, 0, 0.1, 0.5, Double.NaN)));
    }

    private static JobRecord job(String id) {
        JobRequest request = new JobRequest("n", 1L, new DatasetRequest("moons", null, Map.of("samples", 10)), 0.2,
                true, null, null, null, null, null);
        return new JobRecord(id, "n", JobStatus.QUEUED, Instant.parse("2026-01-01T00:00:00Z"), null, null, request,
                "J", null, 0, 0, null, null, null, null, null, null);
    }

    @Test
    void jobsAndTheirMetricsSurviveARestartOfTheStore() {
        String id = UUID.randomUUID().toString();
        FileJobStore store = new FileJobStore(FileCheckpointStoreTests.properties(dataDir));
        store.save(job(id));
        store.appendMetrics(id, row(1, 0.9));
        store.appendMetrics(id, row(2, Double.POSITIVE_INFINITY));

        FileJobStore reopened = new FileJobStore(FileCheckpointStoreTests.properties(dataDir));

        assertThat(reopened.loadAll()).containsExactly(job(id));
        assertThat(reopened.loadMetrics(id)).containsExactly(row(1, 0.9), row(2, Double.POSITIVE_INFINITY));
    }

    @Test
    void aTornLastMetricsLineFromACrashIsIgnored() throws Exception {
        String id = UUID.randomUUID().toString();
        FileJobStore store = new FileJobStore(FileCheckpointStoreTests.properties(dataDir));
        store.save(job(id));
        store.appendMetrics(id, row(1, 0.9));
        Files.writeString(dataDir.resolve("jobs").resolve(id).resolve("metrics.jsonl"), "{\"epoch\":2,\"secon",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(store.loadMetrics(id)).containsExactly(row(1, 0.9));
    }

    @Test
    void leftoversOfInterruptedWritesAndDeletionsAreCleanedAtStart() throws Exception {
        String id = UUID.randomUUID().toString();
        FileJobStore store = new FileJobStore(FileCheckpointStoreTests.properties(dataDir));
        store.save(job(id));
        Path jobs = dataDir.resolve("jobs");
        Files.writeString(jobs.resolve(id).resolve(".job.json.123.tmp"), "half");
        Files.createDirectories(jobs.resolve(".deleted-x-1"));

        new FileJobStore(FileCheckpointStoreTests.properties(dataDir)).loadAll();

        assertThat(jobs.resolve(id).resolve(".job.json.123.tmp")).doesNotExist();
        assertThat(jobs.resolve(".deleted-x-1")).doesNotExist();
    }

    /** A crash in the middle of a checkpoint leaves its temporary file two levels down; it goes too. */
    @Test
    void leftoversDeeperInAJobAreCleanedAtStartToo() throws Exception {
        String id = UUID.randomUUID().toString();
        new FileJobStore(FileCheckpointStoreTests.properties(dataDir)).save(job(id));
        Path checkpoints = Files.createDirectories(dataDir.resolve("jobs").resolve(id).resolve("checkpoints"));
        Files.writeString(checkpoints.resolve(".epoch-00010.ckpt.77.tmp"), "torn");
        Files.createDirectories(checkpoints.resolve(".deleted-old").resolve("inner"));
        Files.writeString(checkpoints.resolve("epoch-00005.ckpt"), "kept");

        new FileJobStore(FileCheckpointStoreTests.properties(dataDir));

        assertThat(checkpoints.resolve(".epoch-00010.ckpt.77.tmp")).doesNotExist();
        assertThat(checkpoints.resolve(".deleted-old")).doesNotExist();
        assertThat(checkpoints.resolve("epoch-00005.ckpt")).hasContent("kept");
    }

    @Test
    void deletingAJobRemovesAllItsFiles() {
        String id = UUID.randomUUID().toString();
        FileJobStore store = new FileJobStore(FileCheckpointStoreTests.properties(dataDir));
        store.save(job(id));
        store.appendMetrics(id, row(1, 0.9));

        store.delete(id);

        assertThat(dataDir.resolve("jobs").resolve(id)).doesNotExist();
        assertThat(store.loadAll()).isEmpty();
    }
}
