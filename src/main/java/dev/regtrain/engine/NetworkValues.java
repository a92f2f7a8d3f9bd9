package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's values in one precision, as a training step reads and writes them: every block of
 * {@link NetworkSpec#blocks()}, each an array of {@code A} ({@code double[]} or {@code float[]}). In double precision
 * the blocks are a {@link Network}'s own arrays ({@link #of(Network)}), so the step trains that network in place; in
 * single precision they are arrays of their own, loaded from and copied out to networks in double ({@link
 * #load(double[][])}, {@link #values()}), which holds every float exactly.
 */
final class NetworkValues<A> {

    /** One block: W[l] (n[l−1] × n[l], column-major), b[l], γ[l], β[l] or a running statistic (one row each). */
    record Block<A>(int layer, Parameter.Kind kind, A values, int rows, int columns) {

        boolean isWeights() {
            return kind == Parameter.Kind.WEIGHTS;
        }

        int size() {
            return rows * columns;
        }
    }

    private final NetworkSpec spec;
    private final Arithmetic<A> arithmetic;
    private final List<Block<A>> blocks;
    private final List<Block<A>> parameters;
    /** Per layer l (index l), the index in {@link #blocks} of W[l]; the layer's other blocks follow it. */
    private final int[] firstBlock;

    private NetworkValues(NetworkSpec spec, Arithmetic<A> arithmetic, List<Block<A>> blocks) {
        this.spec = spec;
        this.arithmetic = arithmetic;
        this.blocks = List.copyOf(blocks);
        this.parameters = blocks.stream().filter(b -> b.kind().trainable()).toList();
        this.firstBlock = new int[spec.layerCount() + 1];
        for (int i = blocks.size() - 1; i >= 0; i--) {
            firstBlock[blocks.get(i).layer()] = i;
        }
    }

    /** The values of {@code network} themselves (not a copy): what the step writes, the network holds. */
    static NetworkValues<double[]> of(Network network) {
        List<Block<double[]>> blocks = new ArrayList<>();
        for (Parameter p : network.blocks()) {
            blocks.add(new Block<>(p.layer(), p.kind(), p.values(), p.rows(), p.columns()));
        }
        return new NetworkValues<>(network.spec(), Arithmetic.DOUBLE, blocks);
    }

    /** Zeros in the given precision, for gradients, or to be loaded. */
    static <A> NetworkValues<A> zeros(NetworkSpec spec, Arithmetic<A> arithmetic) {
        List<Block<A>> blocks = new ArrayList<>();
        for (NetworkSpec.BlockShape shape : spec.blocks()) {
            blocks.add(new Block<>(shape.layer(), shape.kind(), arithmetic.allocate(shape.size()), shape.rows(),
                    shape.columns()));
        }
        return new NetworkValues<>(spec, arithmetic, blocks);
    }

    /** A network's values in the given precision: the network itself in double, a rounded copy in single. */
    @SuppressWarnings("unchecked")
    static <A> NetworkValues<A> of(Network network, Arithmetic<A> arithmetic) {
        if (arithmetic == Arithmetic.DOUBLE) {
            return (NetworkValues<A>) of(network);
        }
        NetworkValues<A> values = zeros(network.spec(), arithmetic);
        values.load(network.values());
        return values;
    }

    NetworkSpec spec() {
        return spec;
    }

    Arithmetic<A> arithmetic() {
        return arithmetic;
    }

    List<Block<A>> blocks() {
        return blocks;
    }

    List<Block<A>> parameters() {
        return parameters;
    }

    A weights(int layer) {
        return blocks.get(firstBlock[layer]).values();
    }

    /** b[l], or null for a batch-normalised layer. */
    A biases(int layer) {
        return spec.batchNorm(layer) ? null : blocks.get(firstBlock[layer] + 1).values();
    }

    A gamma(int layer) {
        return batchNormBlock(layer, 1);
    }

    A beta(int layer) {
        return batchNormBlock(layer, 2);
    }

    A runningMean(int layer) {
        return batchNormBlock(layer, 3);
    }

    A runningVariance(int layer) {
        return batchNormBlock(layer, 4);
    }

    /** The shift of layer l's units: b[l], or β[l] for a batch-normalised layer. */
    A shift(int layer) {
        return blocks.get(firstBlock[layer] + (spec.batchNorm(layer) ? 2 : 1)).values();
    }

    private A batchNormBlock(int layer, int offset) {
        if (!spec.batchNorm(layer)) {
            throw new IllegalArgumentException("layer " + layer + " is not batch-normalised");
        }
        return blocks.get(firstBlock[layer] + offset).values();
    }

    /** Overwrites every block with the given values, in {@link #blocks()} order (rounded in single precision). */
    void load(double[][] values) {
        if (values.length != blocks.size()) {
            throw new IllegalArgumentException("expected " + blocks.size() + " parameter blocks, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Block<A> block = blocks.get(i);
            if (values[i].length != block.size()) {
                throw new IllegalArgumentException("parameter block " + i + " has " + block.size() + " values, got "
                        + values[i].length);
            }
            arithmetic.load(values[i], block.values());
        }
    }

    /** Copies of every block's values in double precision, in {@link #blocks()} order. */
    double[][] values() {
        double[][] copy = new double[blocks.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = arithmetic.toDoubles(blocks.get(i).values());
        }
        return copy;
    }

    /** A network in double precision holding these values. */
    Network toNetwork() {
        return Network.of(spec, values());
    }
}
