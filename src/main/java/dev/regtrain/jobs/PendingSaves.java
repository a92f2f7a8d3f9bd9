package dev.regtrain.jobs;

import dev.regtrain.common.StorageException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Final records the store could not take (its disk was full, its database was away): the job has ended all the same,
 * in memory, and the record is saved again (with what its end announces) every {@link #RETRY} until the store takes
 * it. Until then the store still holds the job's previous status, so a restart in between resumes the job from its
 * last checkpoint, which is also an end it can leave.
 */
final class PendingSaves {

    static final Duration RETRY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(PendingSaves.class);

    private final JobStore store;
    private final Later later;
    private final Consumer<String> saved;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** A record to save, and the step that saves it (with what its end announces). */
    private record Pending(JobRecord record, Runnable save) {
    }

    /** @param saved told of each job whose pending record the store finally took */
    PendingSaves(JobStore store, Later later, Consumer<String> saved) {
        this.store = store;
        this.later = later;
        this.saved = saved;
    }

    /**
     * Runs {@code save}, which saves the record (and what goes with it), now, or keeps it to run again later; never
     * throws for a store failure.
     */
    void save(JobRecord record, Runnable save) {
        try {
            save.run();
            pending.remove(record.id());
        } catch (StorageException e) {
            boolean first = pending.put(record.id(), new Pending(record, save)) == null;
            log.warn("job {}: its record could not be saved ({}); it is kept in memory and saved again every {} s",
                    record.id(), e.getMessage(), RETRY.toSeconds());
            if (first && pending.size() == 1) {
                later.run(this::retry, RETRY);
            }
        }
    }

    boolean contains(String jobId) {
        return pending.containsKey(jobId);
    }

    /** The stored statuses these records will replace: what the store's counts are off by. */
    List<JobRecord> records() {
        return pending.values().stream().map(Pending::record).toList();
    }

    /** The store's counts by status, corrected for the records it has not taken yet. */
    Map<JobStatus, Long> corrected(Map<JobStatus, Long> stored) {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        counts.putAll(stored);
        for (JobRecord record : records()) {
            store.find(record.id()).ifPresent(before -> counts.merge(before.status(), -1L, Long::sum));
            counts.merge(record.status(), 1L, Long::sum);
        }
        return counts;
    }

    /** A deleted job's record is not saved any more. */
    void discard(String jobId) {
        pending.remove(jobId);
    }

    private void retry() {
        for (Pending waiting : List.copyOf(pending.values())) {
            JobRecord record = waiting.record();
            try {
                waiting.save().run();
                if (pending.remove(record.id(), waiting)) {
                    log.info("job {}: its {} record is saved now", record.id(), record.status());
                    saved.accept(record.id());
                }
            } catch (StorageException e) {
                // still full; try again below
            }
        }
        if (!pending.isEmpty()) {
            later.run(this::retry, RETRY);
        }
    }
}
