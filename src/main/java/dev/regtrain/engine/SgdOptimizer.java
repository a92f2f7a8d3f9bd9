package dev.regtrain.engine;

import java.util.List;

/** Plain SGD: w ← w − α·g; proximal L1 with η = α. */
final class SgdOptimizer<A> extends Optimizer<A> {

    SgdOptimizer(OptimizerSpec spec, Arithmetic<A> arithmetic, List<NetworkValues.Block<A>> parameters) {
        super(spec, arithmetic, parameters);
    }

    @Override
    void update(int index, A w, A g, double threshold, int from, int to) {
        double alpha = learningRate;
        arithmetic.sgd(w, g, alpha, alpha * threshold, from, to);
    }
}
