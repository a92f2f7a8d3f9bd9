package dev.regtrain.engine;

import java.util.Objects;

/** An optimizer and its hyper-parameters (α, μ, β₁, β₂, ε); unused ones are ignored by the rule. */
public record OptimizerSpec(OptimizerKind kind, double learningRate, double momentum, double beta1, double beta2,
                            double epsilon) {

    public OptimizerSpec {
        Objects.requireNonNull(kind, "kind");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite");
        }
        if (!(momentum >= 0 && momentum < 1) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("momentum, beta1 and beta2 must lie in [0, 1)");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite");
        }
    }

    public static OptimizerSpec sgd(double learningRate) {
        return new OptimizerSpec(OptimizerKind.SGD, learningRate, 0.9, 0.9, 0.999, 1e-8);
    }

    public static OptimizerSpec of(OptimizerKind kind, double learningRate) {
        return new OptimizerSpec(kind, learningRate, 0.9, 0.9, 0.999, 1e-8);
    }
}
