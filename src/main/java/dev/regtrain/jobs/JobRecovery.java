package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.TrainingState;
import java.util.List;

/**
 * At start: a job that was RUNNING when the service stopped (cleanly or not) continues from its latest intact
 * checkpoint, its history rewound to that epoch, so that it ends exactly as if it had never stopped; without a
 * checkpoint it starts over. QUEUED jobs are queued again, oldest first.
 */
final class JobRecovery {

    private final JobContext context;
    private final JobQueue queue;

    JobRecovery(JobContext context, JobQueue queue) {
        this.context = context;
        this.queue = queue;
    }

    void recover(List<JobEntry> entries) {
        for (JobEntry entry : entries) {
            if (entry.record().status() == JobStatus.RUNNING) {
                queue.execute(new JobRunner(entry, context, rewind(entry), true));
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
