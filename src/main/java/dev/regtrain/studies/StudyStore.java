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

    /**
     * The unfinished studies this instance moves on, oldest first. Alone, every unfinished study. With a store shared
     * by several instances: those it created and still coordinates, and those whose coordinating instance died (no
     * heartbeat within the lease timeout), which it takes over by this call; not those another live instance
     * coordinates, nor those taken over from this instance while it could not renew its heartbeat.
     */
    default List<StudyRecord> coordinatedHere() {
        return unfinished();
    }

    /** Whether other instances share this store (then a study may be coordinated by another instance). */
    default boolean shared() {
        return false;
    }

    /**
     * Asks for a study to be cancelled by whichever instance coordinates it: from then on {@link #find} and {@link
     * #coordinatedHere} answer it with {@code cancelRequested}, whatever its coordinator saves.
     */
    default void requestCancel(String studyId) {
        find(studyId).ifPresent(study -> save(study.cancelling()));
    }

    void delete(String studyId);
}
