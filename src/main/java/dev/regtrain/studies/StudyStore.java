package dev.regtrain.studies;

import dev.regtrain.jobs.JobStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where studies are kept (each record with its status history); the storage adapters implement it and
 * {@code StudyStoreContract} holds every adapter to the same behaviour. A study's jobs are in the job store.
 */
public interface StudyStore {

    /** Writes the study's record, replacing the previous one atomically. */
    void save(StudyRecord study);

    Optional<StudyRecord> find(String studyId);

    /** Studies in one of {@code statuses} (all when empty), newest first, {@code limit} at most, after the cursor. */
    StudyPage page(Set<JobStatus> statuses, int limit, String cursor);

    /** Studies not in a final state, oldest first: what a start must continue. */
    List<StudyRecord> unfinished();

    void delete(String studyId);
}
