package dev.regtrain.engine;

import java.util.List;

/**
 * Adam with bias correction: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ),
 * η = α/(√v̂ + ε) per weight, w ← w − η·m̂; proximal L1 soft-thresholds by η·λ₁/m per weight.
 */
final class AdamOptimizer<A> extends Optimizer<A> {

    private final int parameterCount;
    private double firstCorrection;
    private double secondCorrection;

    AdamOptimizer(OptimizerSpec spec, Arithmetic<A> arithmetic, List<NetworkValues.Block<A>> parameters) {
        super(spec, arithmetic, parameters);
        this.parameterCount = parameters.size();
    }

    @Override
    void beginStep() {
        super.beginStep();
        firstCorrection = 1.0 - Math.pow(spec.beta1(), step);
        secondCorrection = 1.0 - Math.pow(spec.beta2(), step);
    }

    @Override
    void update(int index, A w, A g, double threshold, int from, int to) {
        arithmetic.adam(w, g, slots[index], slots[parameterCount + index], learningRate, spec.beta1(), spec.beta2(),
                spec.epsilon(), firstCorrection, secondCorrection, threshold, from, to);
    }
}
