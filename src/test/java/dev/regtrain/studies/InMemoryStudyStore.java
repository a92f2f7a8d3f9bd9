package dev.regtrain.studies;

import dev.regtrain.jobs.JobStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The study store in memory: the fake that service tests run on, held to the contract like the file adapter. */
public final class InMemoryStudyStore implements StudyStore {

    private final Map<String, StudyRecord> studies = new ConcurrentHashMap<>();
    private int saves;

    @Override
    public synchronized void save(StudyRecord study) {
        studies.put(study.id(), study);
        saves++;
    }

    /** How many times a record was saved. */
    public synchronized int saves() {
        return saves;
    }

    @Override
    public Optional<StudyRecord> find(String studyId) {
        return studyId == null ? Optional.empty() : Optional.ofNullable(studies.get(studyId));
    }

    @Override
    public StudyPage page(Set<JobStatus> statuses, int limit, String cursor) {
        return StudyPage.of(studies.values().stream(), statuses, limit, cursor);
    }

    @Override
    public List<StudyRecord> unfinished() {
        return studies.values().stream().filter(s -> !s.status().isFinal())
                .sorted(Comparator.comparing(StudyRecord::createdAt).thenComparing(StudyRecord::id)).toList();
    }

    @Override
    public void delete(String studyId) {
        studies.remove(studyId);
    }
}
