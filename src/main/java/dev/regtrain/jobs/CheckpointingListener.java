package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.jobs.request.JobRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps a running job's record, metrics and checkpoints up to date: one metrics row per epoch, a periodic checkpoint
 * every {@code everyEpochs} (pruned to {@code keepLast}, each with its epoch's monitored value), and the best
 * checkpoint. The best is kept in memory on every
 * improvement and written at most every {@link #BEST_WRITE_INTERVAL_NANOS} (always with a periodic checkpoint and when
 * the job ends or is suspended): early in training the monitor improves almost every epoch, and a checkpoint costs
 * several fsyncs. Nothing is lost by the delay: every checkpoint's state carries the best weights so far, so a resumed
 * job finds the same best again.
 */
final class CheckpointingListener implements TrainingListener {

    private final JobEntry entry;
    private final JobContext context;
    private final int everyEpochs;
    private final int keepLast;
    private final int trainingExamples;
    private final Monitor monitor;
    private BestValue best;
    private TrainingState unwrittenBest;
    private long lastBestWrite = System.nanoTime();

    /** Two seconds. */
    static final long BEST_WRITE_INTERVAL_NANOS = 2_000_000_000L;

    CheckpointingListener(JobEntry entry, JobContext context, JobRequest request, int trainingExamples,
                          Monitor monitor) {
        this.entry = entry;
        this.context = context;
        this.everyEpochs = request.checkpoints().everyEpochs();
        this.keepLast = request.checkpoints().keepLast();
        this.trainingExamples = trainingExamples;
        this.monitor = monitor;
        this.best = entry.record().best();
    }

    BestValue best() {
        return best;
    }

    @Override
    public void onBest(TrainingState state) {
        unwrittenBest = state;
        best = new BestValue(state.epoch(), monitor.label(), state.earlyStopping().best());
    }

    /** Writes the best checkpoint if it changed since it was last written. */
    void writeBest() {
        if (unwrittenBest != null) {
            context.checkpoints().save(entry.id(), CheckpointKind.BEST, unwrittenBest,
                    unwrittenBest.earlyStopping().best());
            unwrittenBest = null;
            lastBestWrite = System.nanoTime();
        }
    }

    @Override
    public void onEpoch(EpochMetrics row, Supplier<TrainingState> state) {
        context.store().appendMetrics(entry.id(), row);
        BestValue current = best;
        entry.addEpoch(row, r -> r.afterEpoch(row, current, r.modelRef()));
        context.metrics().epochDone(entry.id(), trainingExamples, row.seconds());
        if (everyEpochs > 0 && row.epoch() % everyEpochs == 0 && Double.isFinite(row.trainLoss())) {
            if (unwrittenBest != null && unwrittenBest.epoch() == row.epoch()) { // one state, both roles, one write
                context.checkpoints().saveAs(entry.id(), List.of(CheckpointKind.BEST, CheckpointKind.PERIODIC),
                        unwrittenBest, unwrittenBest.earlyStopping().best());
                unwrittenBest = null;
                lastBestWrite = System.nanoTime();
            } else {
                writeBest();
                context.checkpoints().save(entry.id(), CheckpointKind.PERIODIC, state.get(), monitor.valueOf(row));
            }
            context.checkpoints().prune(entry.id(), keepLast);
            context.store().save(entry.record());
        } else if (System.nanoTime() - lastBestWrite >= BEST_WRITE_INTERVAL_NANOS) {
            writeBest();
        }
    }
}
