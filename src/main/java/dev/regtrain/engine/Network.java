package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.List;
import org.ojalgo.matrix.store.R064Store;

/**
 * The values of a dense network laid out as {@link NetworkSpec} says: per weight layer W[l] and b[l], or for a
 * batch-normalised layer W[l], γ[l], β[l] and the running mean and variance that inference uses.
 */
public final class Network {

    private final NetworkSpec spec;
    private final R064Store[] weights; // index l − 1 holds W[l]
    private final R064Store[] biases;  // index l − 1 holds b[l], 1 × n[l]; null for a batch-normalised layer
    private final double[][][] batchNorm; // index l − 1: γ, β, running mean, running variance; null without
    private final List<Parameter> blocks;
    private final List<Parameter> parameters;

    private Network(NetworkSpec spec) {
        this.spec = spec;
        int layers = spec.layerCount();
        this.weights = new R064Store[layers];
        this.biases = new R064Store[layers];
        this.batchNorm = new double[layers][][];
        List<Parameter> all = new ArrayList<>();
        for (NetworkSpec.BlockShape shape : spec.blocks()) {
            int l = shape.layer();
            double[] values;
            switch (shape.kind()) {
                case WEIGHTS -> {
                    weights[l - 1] = R064Store.FACTORY.make(shape.rows(), shape.columns());
                    values = weights[l - 1].data;
                }
                case BIASES -> {
                    biases[l - 1] = R064Store.FACTORY.make(1, shape.columns());
                    values = biases[l - 1].data;
                }
                default -> {
                    if (batchNorm[l - 1] == null) {
                        batchNorm[l - 1] = new double[4][];
                    }
                    values = new double[shape.size()];
                    batchNorm[l - 1][shape.kind().ordinal() - Parameter.Kind.GAMMA.ordinal()] = values;
                }
            }
            all.add(new Parameter(l, shape.kind(), values, shape.rows(), shape.columns()));
        }
        this.blocks = List.copyOf(all);
        this.parameters = all.stream().filter(p -> p.kind().trainable()).toList();
    }

    /** A zero network (every value 0). */
    public static Network zeros(NetworkSpec spec) {
        return new Network(spec);
    }

    /**
     * Initial values for training: weights by the layer's {@link NetworkSpec#initialization(int)} rule, biases and β
     * 0, γ 1, running mean 0 and running variance 1.
     */
    public static Network initialise(NetworkSpec spec, Rng rng) {
        Network network = new Network(spec);
        for (int l = 1; l <= spec.layerCount(); l++) {
            spec.initialization(l).fill(network.weights(l).data, spec.units(l - 1), spec.units(l), rng);
            if (spec.batchNorm(l)) {
                java.util.Arrays.fill(network.gamma(l), 1.0);
                java.util.Arrays.fill(network.runningVariance(l), 1.0);
            }
        }
        return network;
    }

    /** A network holding copies of the given values, in {@link #blocks()} order. */
    public static Network of(NetworkSpec spec, double[][] values) {
        Network network = new Network(spec);
        network.load(values);
        return network;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** W[l], 1 ≤ l ≤ L. */
    public R064Store weights(int layer) {
        return weights[layer - 1];
    }

    /** b[l], 1 ≤ l ≤ L; null for a batch-normalised layer, whose β takes its place. */
    public R064Store biases(int layer) {
        return biases[layer - 1];
    }

    /** γ[l] of a batch-normalised layer. */
    public double[] gamma(int layer) {
        return batchNorm[layer - 1][0];
    }

    /** β[l] of a batch-normalised layer. */
    public double[] beta(int layer) {
        return batchNorm[layer - 1][1];
    }

    /** The running mean of a batch-normalised layer's pre-activations, for inference. */
    public double[] runningMean(int layer) {
        return batchNorm[layer - 1][2];
    }

    /** The running variance of a batch-normalised layer's pre-activations, for inference. */
    public double[] runningVariance(int layer) {
        return batchNorm[layer - 1][3];
    }

    /** The shift of layer l's units: b[l], or β[l] for a batch-normalised layer. */
    public double[] shift(int layer) {
        return biases[layer - 1] != null ? biases[layer - 1].data : beta(layer);
    }

    /** The trainable blocks W[1], b[1], W[2], b[2], … (γ[l], β[l] for a batch-normalised layer). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Every block: the trainable ones and the running statistics of batch-normalised layers. */
    public List<Parameter> blocks() {
        return blocks;
    }

    /** Copies of every block's values, in {@link #blocks()} order. */
    public double[][] values() {
        double[][] copy = new double[blocks.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = blocks.get(i).values().clone();
        }
        return copy;
    }

    /** Overwrites every block with the given values (shapes must match). */
    public void load(double[][] values) {
        if (values.length != blocks.size()) {
            throw new IllegalArgumentException("expected " + blocks.size() + " parameter blocks, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            double[] target = blocks.get(i).values();
            if (values[i].length != target.length) {
                throw new IllegalArgumentException("parameter " + blocks.get(i) + " has " + target.length
                        + " values, got " + values[i].length);
            }
            System.arraycopy(values[i], 0, target, 0, target.length);
        }
    }

    public Network copy() {
        return of(spec, blocks.stream().map(Parameter::values).toArray(double[][]::new));
    }
}
