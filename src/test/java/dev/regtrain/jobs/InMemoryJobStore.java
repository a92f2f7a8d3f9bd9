package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link JobStore} in memory, for unit tests of the lifecycle; it passes the same contract as the real adapters
 * ({@code InMemoryJobStoreTests}). {@link #onAppend} lets a test act at an exact point of a job's training.
 */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, JobRecord> records = new ConcurrentHashMap<>();
    private final Map<String, List<EpochMetrics>> metrics = new ConcurrentHashMap<>();
    private final Map<String, ModelMeta> metas = new ConcurrentHashMap<>();
    private final Map<String, ModelDocument> initialModels = new ConcurrentHashMap<>();
    private volatile Consumer<EpochMetrics> onAppend = row -> { };
    private final FullDisk disk;

    public InMemoryJobStore() {
        this(new FullDisk());
    }

    /** A store whose writes fail while {@code disk} is full. */
    public InMemoryJobStore(FullDisk disk) {
        this.disk = disk;
    }

    /** Runs {@code action} after each metrics row is stored (on the training thread). */
    public void onAppend(Consumer<EpochMetrics> action) {
        this.onAppend = action;
    }

    @Override
    public void save(JobRecord job) {
        disk.write("job.json");
        records.put(job.id(), job);
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return jobId == null ? Optional.empty() : Optional.ofNullable(records.get(jobId));
    }

    @Override
    public JobPage page(JobFilter filter, int limit, String cursor) {
        return JobPages.page(records.values().stream(), filter, limit, cursor);
    }

    @Override
    public List<String> idsOwnedBy(dev.regtrain.common.Owner owner) {
        return records.values().stream().filter(r -> owner.equals(r.owner())).map(JobRecord::id).toList();
    }

    @Override
    public List<JobRecord> unfinished() {
        return records.values().stream().filter(r -> !r.status().isFinal())
                .sorted(Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::id)).toList();
    }

    @Override
    public Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        records.values().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public void delete(String jobId) {
        metrics.remove(jobId);
        metas.remove(jobId);
        initialModels.remove(jobId);
        records.remove(jobId);
    }

    @Override
    public void appendMetrics(String jobId, EpochMetrics row) {
        disk.write("metrics.jsonl");
        metrics.computeIfAbsent(jobId, id -> new ArrayList<>()).add(row);
        onAppend.accept(row);
    }

    @Override
    public void replaceMetrics(String jobId, List<EpochMetrics> rows) {
        disk.write("metrics.jsonl");
        metrics.put(jobId, new ArrayList<>(rows));
    }

    @Override
    public List<EpochMetrics> loadMetrics(String jobId) {
        return List.copyOf(metrics.getOrDefault(jobId, List.of()));
    }

    @Override
    public void saveModelMeta(String jobId, ModelMeta meta) {
        disk.write("model-meta.json");
        metas.put(jobId, meta);
    }

    @Override
    public Optional<ModelMeta> loadModelMeta(String jobId) {
        return Optional.ofNullable(metas.get(jobId));
    }

    @Override
    public void saveInitialModel(String jobId, ModelDocument model) {
        disk.write("initial-model.json");
        initialModels.put(jobId, model);
    }

    @Override
    public Optional<ModelDocument> loadInitialModel(String jobId) {
        return Optional.ofNullable(initialModels.get(jobId));
    }
}
