package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import dev.regtrain.common.DamagedDataException;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.studies.StudyPage;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyStore;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Studies under {@code <data-dir>/studies/<id>/study.json}, each replaced atomically and checksummed
 * ({@link ChecksummedJson}); read once at start into an index that lists and pages. A record that fails its checksum
 * or cannot be read is reported and answered as damaged; deleting the study removes it.
 */
@Component
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileStudyStore implements StudyStore {

    private static final String FILE = "study.json";

    private final Path root;
    private final Map<String, StudyRecord> index = new ConcurrentHashMap<>();
    private final Map<String, String> damaged = new ConcurrentHashMap<>();
    private final DamageLog damage;

    FileStudyStore(RegtrainProperties properties, DamageLog damage) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "studies");
        this.damage = damage;
        StorageJson.readAll(root, folder -> folder.resolve(FILE), StudyRecord.class, (file, problem) -> {
            String id = file.getParent().getFileName().toString();
            damaged.put(id, "its record (study.json) is damaged: " + problem);
            damage.report("study", id, damaged.get(id));
        }).forEach(study -> index.put(study.id(), study));
    }

    @Override
    public void save(StudyRecord study) {
        Path dir = StorageJson.directory(root, study.id());
        AtomicFiles.write(dir.resolve(FILE), ChecksummedJson.record(study));
        index.put(study.id(), study);
    }

    @Override
    public Optional<StudyRecord> find(String studyId) {
        if (studyId == null) {
            return Optional.empty();
        }
        String problem = damaged.get(studyId);
        if (problem != null) {
            throw new DamagedDataException("study " + studyId + " cannot be shown: " + problem + "; deleting the "
                    + "study removes it");
        }
        return Optional.ofNullable(index.get(studyId));
    }

    @Override
    public StudyPage page(Set<JobStatus> statuses, int limit, String cursor) {
        return StudyPage.of(index.values().stream(), statuses, limit, cursor);
    }

    @Override
    public List<StudyRecord> unfinished() {
        return index.values().stream().filter(s -> !s.status().isFinal())
                .sorted(Comparator.comparing(StudyRecord::createdAt).thenComparing(StudyRecord::id)).toList();
    }

    @Override
    public void delete(String studyId) {
        Path dir = StorageJson.directory(root, studyId);
        AtomicFiles.deleteTree(dir);
        index.remove(studyId);
        damaged.remove(studyId);
        damage.forget("study", studyId);
    }
}
