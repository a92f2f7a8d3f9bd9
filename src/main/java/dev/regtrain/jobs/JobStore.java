package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelMeta;
import java.util.List;
import java.util.Optional;

/** Where jobs, their metrics and their model context are kept. Implemented by the storage adapters. */
public interface JobStore {

    /** Writes the job's record, replacing the previous one atomically. */
    void save(JobRecord job);

    /** Every stored job, for the start of the service. */
    List<JobRecord> loadAll();

    /** Removes the job and everything stored for it. */
    void delete(String jobId);

    void appendMetrics(String jobId, EpochMetrics row);

    /** Replaces the stored metrics with these rows (after a resume from a checkpoint). */
    void replaceMetrics(String jobId, List<EpochMetrics> rows);

    List<EpochMetrics> loadMetrics(String jobId);

    void saveModelMeta(String jobId, ModelMeta meta);

    Optional<ModelMeta> loadModelMeta(String jobId);

    void saveInitialModel(String jobId, ModelDocument model);

    Optional<ModelDocument> loadInitialModel(String jobId);
}
