package dev.regtrain.engine;

import java.util.Objects;

/**
 * One hidden layer: its number of units, its activation, and whether it normalises its pre-activations over each
 * mini-batch (batch normalisation before the activation, MATH.md; such a layer has γ and β instead of a bias).
 */
public record LayerSpec(int units, Activation activation, boolean batchNorm) {

    public LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a layer needs at least one unit");
        }
        Objects.requireNonNull(activation, "activation");
    }

    /** A layer without batch normalisation. */
    public LayerSpec(int units, Activation activation) {
        this(units, activation, false);
    }
}
