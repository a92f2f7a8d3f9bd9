package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.List;
import org.ojalgo.matrix.store.R064Store;

/** The weights and biases of a dense network laid out as {@link NetworkSpec} says. */
public final class Network {

    private final NetworkSpec spec;
    private final R064Store[] weights; // index l − 1 holds W[l]
    private final R064Store[] biases;  // index l − 1 holds b[l], 1 × n[l]
    private final List<Parameter> parameters;

    private Network(NetworkSpec spec) {
        this.spec = spec;
        int layers = spec.layerCount();
        this.weights = new R064Store[layers];
        this.biases = new R064Store[layers];
        List<Parameter> params = new ArrayList<>(2 * layers);
        for (int l = 1; l <= layers; l++) {
            int in = spec.units(l - 1);
            int out = spec.units(l);
            weights[l - 1] = R064Store.FACTORY.make(in, out);
            biases[l - 1] = R064Store.FACTORY.make(1, out);
            params.add(new Parameter(l, false, weights[l - 1].data, in, out));
            params.add(new Parameter(l, true, biases[l - 1].data, 1, out));
        }
        this.parameters = List.copyOf(params);
    }

    /** A zero network (all weights and biases 0). */
    public static Network zeros(NetworkSpec spec) {
        return new Network(spec);
    }

    /** Initial weights for training: He or Xavier per {@link NetworkSpec#initialization()}, biases 0. */
    public static Network initialise(NetworkSpec spec, Rng rng) {
        Network network = new Network(spec);
        for (int l = 1; l <= spec.layerCount(); l++) {
            spec.initialization().fill(network.weights(l).data, spec.units(l - 1), spec.units(l), rng);
        }
        return network;
    }

    /** A network holding copies of the given values, in {@link #parameters()} order. */
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

    /** b[l], 1 ≤ l ≤ L. */
    public R064Store biases(int layer) {
        return biases[layer - 1];
    }

    /** W[1], b[1], W[2], b[2], …: the one enumeration of trainable values. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Copies of every parameter's values, in {@link #parameters()} order. */
    public double[][] values() {
        double[][] copy = new double[parameters.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = parameters.get(i).values().clone();
        }
        return copy;
    }

    /** Overwrites every parameter with the given values (shapes must match). */
    public void load(double[][] values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException("expected " + parameters.size() + " parameter blocks, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            double[] target = parameters.get(i).values();
            if (values[i].length != target.length) {
                throw new IllegalArgumentException("parameter " + parameters.get(i) + " has " + target.length
                        + " values, got " + values[i].length);
            }
            System.arraycopy(values[i], 0, target, 0, target.length);
        }
    }

    public Network copy() {
        return of(spec, values());
    }
}
