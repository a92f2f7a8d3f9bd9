package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.jobs.request.JobRequest;
import java.util.function.Supplier;

/**
 * Keeps a running job's record, metrics and checkpoints up to date: the best checkpoint on every improvement, a
 * periodic one every {@code everyEpochs} (pruned to {@code keepLast}), and one metrics row per epoch.
 */
final class CheckpointingListener implements TrainingListener {

    private final JobEntry entry;
    private final JobContext context;
    private final int everyEpochs;
    private final int keepLast;
    private final int trainingExamples;
    private final String monitor;
    private BestValue best;

    CheckpointingListener(JobEntry entry, JobContext context, JobRequest request, int trainingExamples,
                          String monitor) {
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
        double value = state.earlyStopping().best();
        context.checkpoints().save(entry.id(), CheckpointKind.BEST, state, value);
        best = new BestValue(state.epoch(), monitor, value);
    }

    @Override
    public void onEpoch(EpochMetrics row, Supplier<TrainingState> state) {
        context.store().appendMetrics(entry.id(), row);
        BestValue current = best;
        entry.addEpoch(row, r -> r.afterEpoch(row, current, r.modelRef()));
        context.metrics().epochDone(entry.id(), trainingExamples, row.seconds());
        if (everyEpochs > 0 && row.epoch() % everyEpochs == 0 && Double.isFinite(row.trainLoss())) {
            context.checkpoints().save(entry.id(), CheckpointKind.PERIODIC, state.get(), null);
            context.checkpoints().prune(entry.id(), keepLast);
            context.store().save(entry.record());
        }
    }
}
