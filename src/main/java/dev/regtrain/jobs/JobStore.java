package dev.regtrain.jobs;

import dev.regtrain.common.Owner;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where jobs, their metrics and their model context are kept; the storage adapters implement it and
 * {@code JobStoreContract} holds every adapter to the same behaviour. Checkpoints have their own port
 * ({@link CheckpointStore}), which owns their data.
 */
public interface JobStore {

    /** Writes the job's record, replacing the previous one atomically. */
    void save(JobRecord job);

    Optional<JobRecord> find(String jobId);

    /** Jobs that match, newest first (by creation time, then id), {@code limit} at most, after the cursor's job. */
    JobPage page(JobFilter filter, int limit, String cursor);

    /** The ids of every job of {@code owner} (a record stored before owners belongs to {@code anonymous}). */
    List<String> idsOwnedBy(Owner owner);

    /** QUEUED and RUNNING jobs, oldest first: what a start must continue. */
    List<JobRecord> unfinished();

    /** How many jobs are in each status (statuses without jobs may be absent). */
    Map<JobStatus, Long> countByStatus();

    /** Removes the job's record, metrics and model context (not its checkpoints). */
    void delete(String jobId);

    void appendMetrics(String jobId, EpochMetrics row);

    /**
     * Several epochs' rows, in epoch order, as {@link #appendMetrics(String, EpochMetrics)} each: a store with
     * transactions writes them in one (a shared store's commit is as long as a small job's epoch).
     */
    default void appendMetrics(String jobId, List<EpochMetrics> rows) {
        rows.forEach(row -> appendMetrics(jobId, row));
    }

    /** Replaces the stored metrics with these rows (after a resume from a checkpoint). */
    void replaceMetrics(String jobId, List<EpochMetrics> rows);

    List<EpochMetrics> loadMetrics(String jobId);

    void saveModelMeta(String jobId, ModelMeta meta);

    Optional<ModelMeta> loadModelMeta(String jobId);

    void saveInitialModel(String jobId, ModelDocument model);

    Optional<ModelDocument> loadInitialModel(String jobId);
}
