package dev.regtrain.engine;

import java.util.Objects;

/** One hidden layer: its number of units and its activation. */
public record LayerSpec(int units, Activation activation) {

    public LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a layer needs at least one unit");
        }
        Objects.requireNonNull(activation, "activation");
    }
}
