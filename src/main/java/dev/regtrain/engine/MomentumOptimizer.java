package dev.regtrain.engine;

import java.util.List;

/**
 * Heavy-ball momentum, v ← μ·v + g, w ← w − α·v; Nesterov (the PyTorch form) w ← w − α·(g + μ·v).
 * Proximal L1 with η = α/(1 − μ), the step the velocity converges to.
 */
final class MomentumOptimizer<A> extends Optimizer<A> {

    private final boolean nesterov;

    MomentumOptimizer(OptimizerSpec spec, Arithmetic<A> arithmetic, List<NetworkValues.Block<A>> parameters,
                      boolean nesterov) {
        super(spec, arithmetic, parameters);
        this.nesterov = nesterov;
    }

    @Override
    void update(int index, A w, A g, double threshold, int from, int to) {
        double alpha = learningRate;
        double mu = spec.momentum();
        double tau = alpha / (1.0 - mu) * threshold;
        arithmetic.momentum(w, g, slots[index], alpha, mu, tau, nesterov, from, to);
    }
}
