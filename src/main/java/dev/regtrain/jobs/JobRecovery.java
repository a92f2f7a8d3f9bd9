package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.TrainingState;
import java.util.List;
import java.util.function.ToLongFunction;
import dev.regtrain.common.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start: a job that was RUNNING when the service stopped (cleanly or not) continues from its latest intact
 * checkpoint, its history rewound to that epoch, so that it ends exactly as if it had never stopped; without a
 * checkpoint it starts over. QUEUED jobs are queued again, oldest first.
 */
final class JobRecovery {

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    private final JobContext context;
    private final JobQueue queue;
    private final Later later;
    private final MemoryGate memory;
    private final ToLongFunction<JobRecord> estimate;

    /** @param estimate the memory a job needs (its request resolved again) */
    JobRecovery(JobContext context, JobQueue queue, Later later, MemoryGate memory,
                ToLongFunction<JobRecord> estimate) {
        this.context = context;
        this.queue = queue;
        this.later = later;
        this.memory = memory;
        this.estimate = estimate;
    }

    /** The memory a job needs, by its request's estimate. */
    long memoryOf(JobRecord record) {
        return estimate.applyAsLong(record);
    }

    void recover(List<JobEntry> entries) {
        for (JobEntry entry : entries) {
            if (entry.record().status() == JobStatus.RUNNING) {
                resume(entry);
            }
        }
        for (JobEntry entry : entries) {
            if (entry.record().status() == JobStatus.QUEUED) {
                queue.admitAccepted();
                entry.takeQueueSlot();
                memory.submit(entry, estimate.applyAsLong(entry.record()), new JobRunner(entry, context, null, false));
            }
        }
    }

    /**
     * Rewinds a RUNNING job and queues it; when the store cannot take the rewind (its disk is full), the job stays
     * RUNNING as it is and the resume is tried again later: a full disk never stops the service from starting. The
     * checkpoint is read again when the job has its memory and starts: no job waiting for memory holds one.
     */
    private void resume(JobEntry entry) {
        try {
            String ref = rewind(entry);
            memory.submit(entry, estimate.applyAsLong(entry.record()), () -> continueFrom(entry, ref));
        } catch (StorageException e) {
            log.warn("job {} cannot resume now ({}); it is tried again in {} s", entry.id(), e.getMessage(),
                    PendingSaves.RETRY.toSeconds());
            later.run(() -> {
                if (!context.lifecycle().stopping()) {
                    resume(entry);
                }
            }, PendingSaves.RETRY);
        }
    }

    /** On a worker: trains the job on from checkpoint {@code ref} (from the beginning when null). */
    void continueFrom(JobEntry entry, String ref) {
        JobRunner runner;
        try {
            runner = new JobRunner(entry, context, ref == null ? null : context.checkpoints().load(entry.id(), ref)
                    .orElseThrow(() -> new IllegalStateException("checkpoint " + ref + " can no longer be read"))
                    .state(), true);
        } catch (RuntimeException e) {
            log.warn("job {} cannot resume from its checkpoint {}", entry.id(), ref, e);
            context.lifecycle().fail(entry, e);
            return;
        }
        runner.run();
    }

    /**
     * Rewinds the job to its latest intact checkpoint and returns that checkpoint's ref; null when it has none and
     * must start over.
     */
    String rewind(JobEntry entry) {
        CheckpointStore.Loaded loaded = context.checkpoints().load(entry.id(), "latest").orElse(null);
        TrainingState state = loaded == null ? null : loaded.state();
        List<EpochMetrics> rows = state == null ? List.of() : state.history();
        double seconds = rows.stream().mapToDouble(EpochMetrics::seconds).sum();
        EpochMetrics last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        BestValue best = null;
        if (state != null && state.earlyStopping().best() != null) {
            String monitor = entry.record().best() != null ? entry.record().best().monitor() : null;
            best = new BestValue(state.earlyStopping().bestEpoch(), monitor, state.earlyStopping().best());
        }
        BestValue rewoundBest = best;
        context.store().replaceMetrics(entry.id(), rows);
        entry.resetMetrics(rows, r -> r.rewoundTo(rows.size(), seconds, last, rewoundBest, null));
        return loaded == null ? null : loaded.info().ref();
    }
}
