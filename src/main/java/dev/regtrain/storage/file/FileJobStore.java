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
import dev.regtrain.common.DamageLog;
import dev.regtrain.common.Owner;
import dev.regtrain.common.DamagedDataException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Jobs under {@code <data-dir>/jobs/<id>/}: {@code job.json} (replaced atomically), {@code metrics.jsonl} (one row
 * per line, appended; a torn last line from a crash is ignored), {@code model-meta.json} and
 * {@code initial-model.json}, each record and line with a checksum ({@link ChecksummedJson}) so that damage is found
 * on read and reported, never served as if whole. The folder's {@code checkpoints/} belongs to the checkpoint store.
 * The records are read once at start into an index that lists and pages ({@link StoredJobs}); the files stay the
 * truth.
 */
@Component
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileJobStore implements JobStore {

    private static final Logger log = LoggerFactory.getLogger(FileJobStore.class);
    private static final List<String> OWN_FILES = List.of("metrics.jsonl", "model-meta.json", "initial-model.json",
            "job.json" + StoredJobs.DAMAGED_SUFFIX);

    private final Path root;
    private final Map<String, JobRecord> index;
    private final Map<String, String> quarantined;
    private final DamageLog damage;

    FileJobStore(RegtrainProperties properties, DamageLog damage) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "jobs");
        this.damage = damage;
        StoredJobs stored = new StoredJobs(root, damage);
        this.index = stored.records;
        this.quarantined = stored.quarantined;
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
        AtomicFiles.write(dir.resolve("job.json"), ChecksummedJson.record(job));
        index.put(job.id(), job);
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        String problem = quarantined.get(jobId);
        if (problem != null) {
            throw new DamagedDataException("job " + jobId + " cannot be shown: " + problem + "; deleting the job "
                    + "removes them");
        }
        return Optional.ofNullable(index.get(jobId));
    }

    @Override
    public JobPage page(JobFilter filter, int limit, String cursor) {
        return JobPages.page(index.values().stream(), filter, limit, cursor);
    }

    @Override
    public List<String> idsOwnedBy(Owner owner) {
        return index.values().stream().filter(r -> owner.equals(r.owner())).map(JobRecord::id).toList();
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
            quarantined.remove(jobId);
            damage.forget("job", jobId);
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
        AtomicFiles.append(dir(jobId).resolve("metrics.jsonl"),
                ChecksummedJson.line(row).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void replaceMetrics(String jobId, List<EpochMetrics> rows) {
        StringBuilder all = new StringBuilder();
        for (EpochMetrics row : rows) {
            all.append(ChecksummedJson.line(row));
        }
        AtomicFiles.write(dir(jobId).resolve("metrics.jsonl"), all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The intact rows. A last line without its newline was torn by a crash during the append and is left out
     * quietly (the epoch is trained again on resume); any other damaged line is left out and reported.
     */
    @Override
    public List<EpochMetrics> loadMetrics(String jobId) {
        Path file = dir(jobId).resolve("metrics.jsonl");
        List<EpochMetrics> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        String text = new String(AtomicFiles.read(file), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                rows.add(ChecksummedJson.readLine(lines[i], EpochMetrics.class));
            } catch (ChecksummedJson.Damaged e) {
                if (i == lines.length - 1) {
                    log.warn("job {}: ignoring a torn metrics line after epoch {}", jobId, rows.size());
                } else {
                    damage.report("job", jobId, "metrics.jsonl line " + (i + 1) + " is damaged (" + e.getMessage()
                            + "); its row is left out of the metrics");
                }
            }
        }
        return rows;
    }

    @Override
    public void saveModelMeta(String jobId, ModelMeta meta) {
        AtomicFiles.write(dir(jobId).resolve("model-meta.json"), ChecksummedJson.record(meta));
    }

    @Override
    public Optional<ModelMeta> loadModelMeta(String jobId) {
        return readOptional(dir(jobId).resolve("model-meta.json"), ModelMeta.class);
    }

    @Override
    public void saveInitialModel(String jobId, ModelDocument model) {
        AtomicFiles.write(dir(jobId).resolve("initial-model.json"), ChecksummedJson.record(model));
    }

    @Override
    public Optional<ModelDocument> loadInitialModel(String jobId) {
        return readOptional(dir(jobId).resolve("initial-model.json"), ModelDocument.class);
    }

    private <T> Optional<T> readOptional(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChecksummedJson.readRecord(AtomicFiles.read(file), type));
        } catch (ChecksummedJson.Damaged e) {
            String job = file.getParent().getFileName().toString();
            String detail = file.getFileName() + " is damaged (" + e.getMessage() + ")";
            damage.report("job", job, detail);
            throw new DamagedDataException("job " + job + ": " + detail);
        }
    }
}
