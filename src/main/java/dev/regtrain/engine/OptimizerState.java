package dev.regtrain.engine;

/** An optimizer's state: steps taken and its per-parameter slots (none, velocities, or Adam's m then v). */
public record OptimizerState(long step, double[][] slots) {

    public OptimizerState {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0");
        }
    }
}
