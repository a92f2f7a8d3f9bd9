package dev.regtrain.engine;

import java.util.List;

/**
 * An update rule over the network's parameters, in the network's precision. Each rule fuses the proximal L1 step into
 * its loop, because the soft-threshold must use that rule's effective step η for the weight (MATH.md): with it, the
 * fixed point is the minimiser of J; with plain α under momentum it would minimise a penalty (1 − μ) times too weak.
 * State: the number of steps taken and per-parameter slots (velocity, or Adam's two moments), in the same precision
 * as the parameters.
 */
abstract class Optimizer<A> {

    protected final OptimizerSpec spec;
    protected final Arithmetic<A> arithmetic;
    protected final A[] slots;
    protected long step;
    /** α of the current epoch (the schedule's), the spec's α₀ until set. */
    protected double learningRate;

    protected Optimizer(OptimizerSpec spec, Arithmetic<A> arithmetic, List<NetworkValues.Block<A>> parameters) {
        this.spec = spec;
        this.arithmetic = arithmetic;
        this.learningRate = spec.learningRate();
        int slotsPerParameter = spec.kind().slots();
        this.slots = arithmetic.allocateArrays(slotsPerParameter * parameters.size());
        for (int s = 0; s < slotsPerParameter; s++) {
            for (int i = 0; i < parameters.size(); i++) {
                slots[s * parameters.size() + i] = arithmetic.allocate(parameters.get(i).size());
            }
        }
    }

    static <A> Optimizer<A> create(OptimizerSpec spec, NetworkValues<A> network) {
        List<NetworkValues.Block<A>> parameters = network.parameters();
        Arithmetic<A> arithmetic = network.arithmetic();
        return switch (spec.kind()) {
            case SGD -> new SgdOptimizer<>(spec, arithmetic, parameters);
            case MOMENTUM -> new MomentumOptimizer<>(spec, arithmetic, parameters, false);
            case NESTEROV -> new MomentumOptimizer<>(spec, arithmetic, parameters, true);
            case ADAM, ADAMW -> new AdamOptimizer<>(spec, arithmetic, parameters);
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
    abstract void update(int index, A w, A g, double threshold, int from, int to);

    long step() {
        return step;
    }

    A[] slots() {
        return slots;
    }

    /** Copies the state out, in double precision, for a checkpoint. */
    OptimizerState state() {
        double[][] copy = new double[slots.length][];
        for (int i = 0; i < slots.length; i++) {
            copy[i] = arithmetic.toDoubles(slots[i]);
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
            if (state.slots()[i].length != arithmetic.length(slots[i])) {
                throw new IllegalArgumentException("optimizer slot " + i + " has the wrong size");
            }
            arithmetic.load(state.slots()[i], slots[i]);
        }
        step = state.step();
    }
}
