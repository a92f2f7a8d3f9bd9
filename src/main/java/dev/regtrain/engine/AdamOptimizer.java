package dev.regtrain.engine;

import java.util.List;

/**
 * Adam with bias correction: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ),
 * η = α/(√v̂ + ε) per weight, w ← w − η·m̂; proximal L1 soft-thresholds by η·λ₁/m per weight.
 */
final class AdamOptimizer extends Optimizer {

    private final int parameterCount;
    private double firstCorrection;
    private double secondCorrection;

    AdamOptimizer(OptimizerSpec spec, List<Parameter> parameters) {
        super(spec, parameters);
        this.parameterCount = parameters.size();
    }

    @Override
    void beginStep() {
        super.beginStep();
        firstCorrection = 1.0 - Math.pow(spec.beta1(), step);
        secondCorrection = 1.0 - Math.pow(spec.beta2(), step);
    }

    @Override
    void update(int index, double[] w, double[] g, double threshold, int from, int to) {
        double alpha = learningRate;
        double beta1 = spec.beta1();
        double beta2 = spec.beta2();
        double epsilon = spec.epsilon();
        double[] m = slots[index];
        double[] v = slots[parameterCount + index];
        for (int i = from; i < to; i++) {
            m[i] = beta1 * m[i] + (1.0 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1.0 - beta2) * g[i] * g[i];
            double eta = alpha / (Math.sqrt(v[i] / secondCorrection) + epsilon);
            double next = w[i] - eta * (m[i] / firstCorrection);
            w[i] = threshold > 0 ? Norms.softThreshold(next, eta * threshold) : next;
        }
    }
}
