package dev.regtrain.engine;

import java.util.List;

/**
 * An update rule over the network's parameters. Each rule fuses the proximal L1 step into its loop, because the
 * soft-threshold must use that rule's effective step η for the weight (MATH.md): with it, the fixed point is the
 * minimiser of J; with plain α under momentum it would minimise a penalty (1 − μ) times too weak.
 * State: the number of steps taken and per-parameter slots (velocity, or Adam's two moments).
 */
abstract class Optimizer {

    protected final OptimizerSpec spec;
    protected final double[][] slots;
    protected long step;
    /** α of the current epoch (the schedule's), the spec's α₀ until set. */
    protected double learningRate;

    protected Optimizer(OptimizerSpec spec, List<Parameter> parameters) {
        this.spec = spec;
        this.learningRate = spec.learningRate();
        int slotsPerParameter = spec.kind().slots();
        this.slots = new double[slotsPerParameter * parameters.size()][];
        for (int s = 0; s < slotsPerParameter; s++) {
            for (int i = 0; i < parameters.size(); i++) {
                slots[s * parameters.size() + i] = new double[parameters.get(i).size()];
            }
        }
    }

    static Optimizer create(OptimizerSpec spec, List<Parameter> parameters) {
        return switch (spec.kind()) {
            case SGD -> new SgdOptimizer(spec, parameters);
            case MOMENTUM -> new MomentumOptimizer(spec, parameters, false);
            case NESTEROV -> new MomentumOptimizer(spec, parameters, true);
            case ADAM, ADAMW -> new AdamOptimizer(spec, parameters);
        };
    }

    /** Sets α for the steps that follow (the epoch's learning rate; momentum keeps α outside the velocity). */
    void setLearningRate(double alpha) {
        learningRate = alpha;
    }

    /** Starts step t + 1; called once per mini-batch before the parameters are updated. */
    void beginStep() {
        step++;
    }

    /**
     * Updates elements [from, to) of parameter {@code index} (values w, gradient g of the smooth part of J) in place;
     * with a threshold τ = λ₁/m &gt; 0, then soft-thresholds them by η·τ. Every rule is element-wise, so updating a
     * parameter in ranges (possibly at the same time, after {@link #beginStep()}) gives exactly the values of one
     * whole update.
     */
    abstract void update(int index, double[] w, double[] g, double threshold, int from, int to);

    long step() {
        return step;
    }

    double[][] slots() {
        return slots;
    }

    /** Copies the state out, for a checkpoint. */
    OptimizerState state() {
        double[][] copy = new double[slots.length][];
        for (int i = 0; i < slots.length; i++) {
            copy[i] = slots[i].clone();
        }
        return new OptimizerState(step, copy);
    }

    /** Loads a checkpoint's state (shapes must match). */
    void restore(OptimizerState state) {
        if (state.slots().length != slots.length) {
            throw new IllegalArgumentException("optimizer state has " + state.slots().length + " slots, expected "
                    + slots.length);
        }
        for (int i = 0; i < slots.length; i++) {
            if (state.slots()[i].length != slots[i].length) {
                throw new IllegalArgumentException("optimizer slot " + i + " has the wrong size");
            }
            System.arraycopy(state.slots()[i], 0, slots[i], 0, slots[i].length);
        }
        step = state.step();
    }
}
