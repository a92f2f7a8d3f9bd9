package dev.regtrain.engine;

/**
 * A preallocated copy of a network's values (every block, the running statistics of batch normalisation included), and optionally of the optimizer and random streams: the best
 * weights, and the state at the start of the current epoch that a cancelled or diverged epoch rolls back to.
 */
final class ParameterCopy {

    private final double[][] values;
    private final double[][] slots;
    private final long[] randomStates = new long[3];
    private long step;

    ParameterCopy(Network network) {
        this(network, null);
    }

    ParameterCopy(Network network, Optimizer optimizer) {
        this.values = allocateLike(network.blocks().stream().map(Parameter::values).toArray(double[][]::new));
        this.slots = optimizer == null ? null : allocateLike(optimizer.slots());
    }

    private static double[][] allocateLike(double[][] source) {
        double[][] copy = new double[source.length][];
        for (int i = 0; i < source.length; i++) {
            copy[i] = new double[source[i].length];
        }
        return copy;
    }

    private static void copy(double[][] from, double[][] to) {
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }

    void save(Network network) {
        for (int i = 0; i < values.length; i++) {
            double[] v = network.blocks().get(i).values();
            System.arraycopy(v, 0, values[i], 0, v.length);
        }
    }

    void save(Network network, Optimizer optimizer, Rng shuffle, Rng dropout, Rng augment) {
        save(network);
        copy(optimizer.slots(), slots);
        step = optimizer.step();
        randomStates[0] = shuffle.state();
        randomStates[1] = dropout.state();
        randomStates[2] = augment.state();
    }

    void restore(Network network, Optimizer optimizer, Rng shuffle, Rng dropout, Rng augment) {
        network.load(values);
        copy(slots, optimizer.slots());
        optimizer.step = step;
        shuffle.restore(randomStates[0]);
        dropout.restore(randomStates[1]);
        augment.restore(randomStates[2]);
    }

    void load(double[][] source) {
        copy(source, values);
    }

    /** The saved values of block i of {@link Network#blocks()} (read-only). */
    double[] block(int i) {
        return values[i];
    }

    /** The saved values themselves, not a copy: read them before the next save. */
    double[][] saved() {
        return values;
    }

    /** A network holding (a copy of) the saved values. */
    Network toNetwork(NetworkSpec spec) {
        return Network.of(spec, values);
    }

    /** A fresh copy of the saved parameter values. */
    double[][] values() {
        double[][] copy = allocateLike(values);
        copy(values, copy);
        return copy;
    }
}
