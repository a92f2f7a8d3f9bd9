package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.TrainingState;
import java.util.List;
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

    JobRecovery(JobContext context, JobQueue queue, Later later) {
        this.context = context;
        this.queue = queue;
        this.later = later;
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
                queue.execute(new JobRunner(entry, context, null, false));
            }
        }
    }

    /**
     * Rewinds a RUNNING job and queues it; when the store cannot take the rewind (its disk is full), the job stays
     * RUNNING as it is and the resume is tried again later: a full disk never stops the service from starting.
     */
    private void resume(JobEntry entry) {
        try {
            queue.execute(new JobRunner(entry, context, rewind(entry), true));
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

    /** Rewinds the job to its latest intact checkpoint; null when it has none and must start over. */
    private TrainingState rewind(JobEntry entry) {
        TrainingState state = context.checkpoints().load(entry.id(), "latest")
                .map(CheckpointStore.Loaded::state).orElse(null);
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
        return state;
    }
}
