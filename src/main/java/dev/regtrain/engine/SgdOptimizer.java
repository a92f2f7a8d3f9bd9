package dev.regtrain.engine;

import java.util.List;

/** Plain SGD: w ← w − α·g; proximal L1 with η = α. */
final class SgdOptimizer extends Optimizer {

    SgdOptimizer(OptimizerSpec spec, List<Parameter> parameters) {
        super(spec, parameters);
    }

    @Override
    void update(int index, double[] w, double[] g, double threshold, int from, int to) {
        double alpha = learningRate;
        double tau = alpha * threshold;
        for (int i = from; i < to; i++) {
            double next = w[i] - alpha * g[i];
            w[i] = tau > 0 ? Norms.softThreshold(next, tau) : next;
        }
    }
}
