package dev.regtrain.engine;

import java.util.List;

/**
 * Heavy-ball momentum, v ← μ·v + g, w ← w − α·v; Nesterov (the PyTorch form) w ← w − α·(g + μ·v).
 * Proximal L1 with η = α/(1 − μ), the step the velocity converges to.
 */
final class MomentumOptimizer extends Optimizer {

    private final boolean nesterov;

    MomentumOptimizer(OptimizerSpec spec, List<Parameter> parameters, boolean nesterov) {
        super(spec, parameters);
        this.nesterov = nesterov;
    }

    @Override
    void update(int index, double[] w, double[] g, double threshold, int from, int to) {
        double alpha = learningRate;
        double mu = spec.momentum();
        double tau = alpha / (1.0 - mu) * threshold;
        double[] v = slots[index];
        for (int i = from; i < to; i++) {
            v[i] = mu * v[i] + g[i];
            double next = w[i] - alpha * (nesterov ? g[i] + mu * v[i] : v[i]);
            w[i] = tau > 0 ? Norms.softThreshold(next, tau) : next;
        }
    }
}
