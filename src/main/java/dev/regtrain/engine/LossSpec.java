package dev.regtrain.engine;

import java.util.Objects;

/**
 * How targets and examples enter the data term of J: label smoothing ε, targets (1 − ε)·y + ε/K (MATH.md; the
 * validation loss keeps the plain labels), and class weights.
 */
public record LossSpec(double labelSmoothing, ClassWeights classWeights) {

    public static final LossSpec PLAIN = new LossSpec(0, ClassWeights.NONE);

    public LossSpec {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing ε lies in [0, 1)");
        }
        Objects.requireNonNull(classWeights, "classWeights");
    }
}
