package dev.regtrain.engine;

import java.util.ArrayList;
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

    /** The activation of hidden layer l, 1 ≤ l &lt; L. */
    public Activation activation(int layer) {
        return hidden.get(layer - 1).activation();
    }

    /** Whether weight layer l (1 ≤ l ≤ L) is batch-normalised; the output layer never is. */
    public boolean batchNorm(int layer) {
        return layer < layerCount() && hidden.get(layer - 1).batchNorm();
    }

    /** Whether any hidden layer is batch-normalised. */
    public boolean hasBatchNorm() {
        return hidden.stream().anyMatch(LayerSpec::batchNorm);
    }

    /**
     * The rule that draws W[l]: the network's, or with {@link Initialization#AUTO} the one for the layer's own
     * activation (He for relu-like, Xavier otherwise), the output layer by the output's activation (Xavier).
     */
    public Initialization initialization(int layer) {
        if (initialization != Initialization.AUTO) {
            return initialization;
        }
        return layer < layerCount() ? activation(layer).defaultInitialization() : Initialization.XAVIER;
    }

    /**
     * Every block of values in {@link Network#blocks()} order, per layer W[l] then b[l], or for a batch-normalised
     * layer W[l], γ[l], β[l], running mean, running variance.
     */
    public List<BlockShape> blocks() {
        List<BlockShape> blocks = new ArrayList<>();
        for (int l = 1; l <= layerCount(); l++) {
            int in = units(l - 1);
            int out = units(l);
            blocks.add(new BlockShape(l, Parameter.Kind.WEIGHTS, in, out));
            if (batchNorm(l)) {
                for (Parameter.Kind kind : List.of(Parameter.Kind.GAMMA, Parameter.Kind.BETA,
                        Parameter.Kind.RUNNING_MEAN, Parameter.Kind.RUNNING_VARIANCE)) {
                    blocks.add(new BlockShape(l, kind, 1, out));
                }
            } else {
                blocks.add(new BlockShape(l, Parameter.Kind.BIASES, 1, out));
            }
        }
        return blocks;
    }

    /** The shape of one block of values: rows × columns, column-major. */
    public record BlockShape(int layer, Parameter.Kind kind, int rows, int columns) {

        public int size() {
            return rows * columns;
        }
    }

    /** The number of values of every block, in {@link Network#blocks()} order. */
    public int[] blockSizes() {
        return blocks().stream().mapToInt(BlockShape::size).toArray();
    }

    /** The number of values of each trainable block, in {@link Network#parameters()} order: W[1], b[1], W[2], …. */
    public int[] parameterSizes() {
        return blocks().stream().filter(b -> b.kind().trainable()).mapToInt(BlockShape::size).toArray();
    }

    /** Total number of trainable values: weights and biases (γ and β for a batch-normalised layer). */
    public long parameterCount() {
        long count = 0;
        for (int l = 1; l <= layerCount(); l++) {
            count += (long) units(l - 1) * units(l) + (batchNorm(l) ? 2L : 1L) * units(l);
        }
        return count;
    }
}
