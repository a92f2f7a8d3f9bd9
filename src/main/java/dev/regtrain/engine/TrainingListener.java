package dev.regtrain.engine;

import java.util.function.Supplier;

/** Receives a run's progress on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    /** A new best monitored value: {@code best} is the complete state at that epoch (a copy, safe to keep). */
    default void onBest(TrainingState best) {
    }

    /**
     * An epoch finished and was judged; {@code state} makes a copy of the complete state on demand (for a periodic
     * checkpoint).
     */
    default void onEpoch(EpochMetrics row, Supplier<TrainingState> state) {
    }
}
