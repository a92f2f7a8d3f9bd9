package dev.regtrain.storage.file;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.JobFilter;
import dev.regtrain.jobs.JobPage;
import dev.regtrain.jobs.JobPages;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.JobStore;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelMeta;
import java.io.IOException;
import dev.regtrain.common.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Jobs under {@code <data-dir>/jobs/<id>/}: {@code job.json} (replaced atomically), {@code metrics.jsonl} (one row
 * per line, appended; a torn last line from a crash is ignored), {@code model-meta.json} and
 * {@code initial-model.json}. The folder's {@code checkpoints/} belongs to the checkpoint store. The records are
 * read once at start into an index that lists and pages; the files stay the truth.
 */
@Component
class FileJobStore implements JobStore {

    private static final Logger log = LoggerFactory.getLogger(FileJobStore.class);
    private static final List<String> OWN_FILES = List.of("metrics.jsonl", "model-meta.json", "initial-model.json");

    private final Path root;
    private final Map<String, JobRecord> index = new ConcurrentHashMap<>();

    FileJobStore(RegtrainProperties properties) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "jobs");
        for (JobRecord record : StorageJson.readAll(root, dir -> dir.resolve("job.json"), JobRecord.class, log)) {
            index.put(record.id(), record);
        }
    }

    private Path dir(String id) {
        return StorageJson.directory(root, id);
    }

    @Override
    public void save(JobRecord job) {
        Path dir = dir(job.id());
        if (job.status().isFinal()) {
            AtomicFiles.force(dir.resolve("metrics.jsonl"));
        }
        AtomicFiles.write(dir.resolve("job.json"), StorageJson.MAPPER.writeValueAsBytes(job));
        index.put(job.id(), job);
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return jobId == null ? Optional.empty() : Optional.ofNullable(index.get(jobId));
    }

    @Override
    public JobPage page(JobFilter filter, int limit, String cursor) {
        return JobPages.page(index.values().stream(), filter, limit, cursor);
    }

    @Override
    public List<JobRecord> unfinished() {
        return index.values().stream().filter(r -> !r.status().isFinal())
                .sorted(Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::id)).toList();
    }

    @Override
    public Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        index.values().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    /** The job's own files, its record last (until then the job still exists), then its folder if nothing is left. */
    @Override
    public void delete(String jobId) {
        Path dir = dir(jobId);
        try {
            for (String file : OWN_FILES) {
                Files.deleteIfExists(dir.resolve(file));
            }
            Files.deleteIfExists(dir.resolve("job.json"));
            index.remove(jobId);
            AtomicFiles.forceDirectory(dir);
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            log.warn("job {}: its folder still holds files other than the job's own; they are left", jobId);
        } catch (IOException e) {
            throw new StorageException("could not delete job " + jobId, e);
        }
    }

    @Override
    public void appendMetrics(String jobId, EpochMetrics row) {
        byte[] line = (StorageJson.MAPPER.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.append(dir(jobId).resolve("metrics.jsonl"), line);
    }

    @Override
    public void replaceMetrics(String jobId, List<EpochMetrics> rows) {
        StringBuilder all = new StringBuilder();
        for (EpochMetrics row : rows) {
            all.append(StorageJson.MAPPER.writeValueAsString(row)).append('\n');
        }
        AtomicFiles.write(dir(jobId).resolve("metrics.jsonl"), all.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<EpochMetrics> loadMetrics(String jobId) {
        Path file = dir(jobId).resolve("metrics.jsonl");
        List<EpochMetrics> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        String[] lines = new String(AtomicFiles.read(file), StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(StorageJson.MAPPER.readValue(line, EpochMetrics.class));
            } catch (JacksonException e) {
                log.warn("job {}: ignoring a torn metrics line after epoch {}", jobId, rows.size());
                break;
            }
        }
        return rows;
    }

    @Override
    public void saveModelMeta(String jobId, ModelMeta meta) {
        AtomicFiles.write(dir(jobId).resolve("model-meta.json"), StorageJson.MAPPER.writeValueAsBytes(meta));
    }

    @Override
    public Optional<ModelMeta> loadModelMeta(String jobId) {
        return readOptional(dir(jobId).resolve("model-meta.json"), ModelMeta.class);
    }

    @Override
    public void saveInitialModel(String jobId, ModelDocument model) {
        AtomicFiles.write(dir(jobId).resolve("initial-model.json"), StorageJson.MAPPER.writeValueAsBytes(model));
    }

    @Override
    public Optional<ModelDocument> loadInitialModel(String jobId) {
        return readOptional(dir(jobId).resolve("initial-model.json"), ModelDocument.class);
    }

    private <T> Optional<T> readOptional(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(StorageJson.MAPPER.readValue(AtomicFiles.read(file), type));
    }
}
