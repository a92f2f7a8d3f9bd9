package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.List;

/** A listener that records everything a run publishes, for comparing runs. */
public final class Runs implements TrainingListener {

    final List<EpochMetrics> rows = new ArrayList<>();
    final List<TrainingState> bests = new ArrayList<>();
    public final List<TrainingState> states = new ArrayList<>();
    private final int keepStateAtEpoch;

    public Runs() {
        this(-1);
    }

    /** Also keeps a snapshot of the complete state after the given epoch. */
    public Runs(int keepStateAtEpoch) {
        this.keepStateAtEpoch = keepStateAtEpoch;
    }

    @Override
    public void onBest(LiveState best) {
        bests.add(best.copy());
    }

    @Override
    public void onEpoch(EpochMetrics row, LiveState state) {
        rows.add(row);
        if (row.epoch() == keepStateAtEpoch) {
            states.add(state.copy());
        }
    }

    /** A plan that exercises every piece of state: dropout, momentum, penalties, shuffling, a ragged last batch. */
    public static TrainingPlan richPlan(OptimizerKind optimizer, int epochs) {
        return Fixtures.aPlan(6, Output.SOFTMAX, 3).hidden(12, Activation.RELU).hidden(8, Activation.TANH)
                .dropout(0.1, 0.3)
                .penalty(new PenaltySpec(0.5, 2.0, false, L1Update.PROXIMAL, 0.01, 3.0, List.of()))
                .optimizer(OptimizerSpec.of(optimizer, optimizer == OptimizerKind.ADAM ? 0.01 : 0.05))
                .earlyStopping(new EarlyStoppingSpec(Monitor.VAL_LOSS, false, 1000, 0, false, 0, null, true, true))
                .batchSize(7).epochs(epochs).seed(2025).build();
    }

    public static final Examples TRAIN = Fixtures.classification(90, 6, 3, 0.8, 31);
    public static final Examples VALIDATION = Fixtures.classification(40, 6, 3, 0.8, 32);
}
