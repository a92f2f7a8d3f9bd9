package dev.regtrain.engine;

import java.util.List;
import java.util.Objects;

/**
 * The architecture of a dense network: n[0] = inputs, one {@link LayerSpec} per hidden layer, then the output layer.
 * Weight layers are numbered 1..L; W[l] has shape (n[l−1], n[l]).
 */
public record NetworkSpec(int inputs, List<LayerSpec> hidden, Output output, int outputs,
                          Initialization initialization) {

    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input");
        }
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(initialization, "initialization");
        if (outputs < 1 || (output == Output.SIGMOID && outputs != 1)) {
            throw new IllegalArgumentException("a sigmoid output has one unit; other outputs at least one");
        }
    }

    /** L: the number of weight layers (hidden layers plus the output layer). */
    public int layerCount() {
        return hidden.size() + 1;
    }

    /** n[l] for l in 0..L. */
    public int units(int layer) {
        if (layer == 0) {
            return inputs;
        }
        return layer == layerCount() ? outputs : hidden.get(layer - 1).units();
    }

    /** The activation of hidden layer l, 1 ≤ l < L. */
    public Activation activation(int layer) {
        return hidden.get(layer - 1).activation();
    }

    /** The number of values of each parameter block, in {@link Network#parameters()} order: W[1], b[1], W[2], …. */
    public int[] parameterSizes() {
        int[] sizes = new int[2 * layerCount()];
        for (int l = 1; l <= layerCount(); l++) {
            sizes[2 * (l - 1)] = units(l - 1) * units(l);
            sizes[2 * (l - 1) + 1] = units(l);
        }
        return sizes;
    }

    /** Total number of trainable values, weights and biases. */
    public long parameterCount() {
        long count = 0;
        for (int l = 1; l <= layerCount(); l++) {
            count += (long) units(l - 1) * units(l) + units(l);
        }
        return count;
    }
}
