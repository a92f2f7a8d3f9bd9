package dev.regtrain.engine;

/** Receives a run's progress on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    /** A new best monitored value: {@code best} is the complete state at that epoch (copy it to keep it). */
    default void onBest(LiveState best) {
    }

    /**
     * An epoch finished and was judged; {@code state} is the complete state after it (a view to write a periodic
     * checkpoint from during this call, or a copy to keep).
     */
    default void onEpoch(EpochMetrics row, LiveState state) {
    }
}
