package dev.regtrain.engine;

/**
 * A preallocated copy of a network's values (every block, the running statistics of batch normalisation included),
 * in the network's precision, and optionally of the optimizer and random streams: the best weights, and the state at
 * the start of the current epoch that a cancelled or diverged epoch rolls back to.
 */
final class ParameterCopy<A> {

    private final Arithmetic<A> arithmetic;
    private final A[] values;
    private final A[] slots;
    private final long[] randomStates = new long[3];
    private long step;

    ParameterCopy(NetworkValues<A> network) {
        this(network, null);
    }

    ParameterCopy(NetworkValues<A> network, Optimizer<A> optimizer) {
        this.arithmetic = network.arithmetic();
        this.values = allocateLike(network.blocks().stream().map(NetworkValues.Block::values).toList());
        this.slots = optimizer == null ? null : allocateLike(java.util.Arrays.asList(optimizer.slots()));
    }

    private A[] allocateLike(java.util.List<A> source) {
        A[] copy = arithmetic.allocateArrays(source.size());
        for (int i = 0; i < copy.length; i++) {
            copy[i] = arithmetic.allocate(arithmetic.length(source.get(i)));
        }
        return copy;
    }

    private void copy(A[] from, A[] to) {
        for (int i = 0; i < from.length; i++) {
            arithmetic.copy(from[i], to[i]);
        }
    }

    void save(NetworkValues<A> network) {
        for (int i = 0; i < values.length; i++) {
            arithmetic.copy(network.blocks().get(i).values(), values[i]);
        }
    }

    void save(NetworkValues<A> network, Optimizer<A> optimizer, Rng shuffle, Rng dropout, Rng augment) {
        save(network);
        copy(optimizer.slots(), slots);
        step = optimizer.step();
        randomStates[0] = shuffle.state();
        randomStates[1] = dropout.state();
        randomStates[2] = augment.state();
    }

    void restore(NetworkValues<A> network, Optimizer<A> optimizer, Rng shuffle, Rng dropout, Rng augment) {
        for (int i = 0; i < values.length; i++) {
            arithmetic.copy(values[i], network.blocks().get(i).values());
        }
        copy(slots, optimizer.slots());
        optimizer.step = step;
        shuffle.restore(randomStates[0]);
        dropout.restore(randomStates[1]);
        augment.restore(randomStates[2]);
    }

    /** Loads values given in double precision (a checkpoint's best values). */
    void load(double[][] source) {
        for (int i = 0; i < values.length; i++) {
            arithmetic.load(source[i], values[i]);
        }
    }

    /** The saved values of block i of {@link NetworkValues#blocks()} (read-only). */
    A block(int i) {
        return values[i];
    }

    /**
     * The saved values in double precision, not copied where they already are (read them before the next save); a
     * float32 copy's are widened into new arrays.
     */
    double[][] saved() {
        double[][] doubles = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = arithmetic.asDoubles(values[i]);
        }
        return doubles;
    }

    /** A network holding (a copy of) the saved values. */
    Network toNetwork(NetworkSpec spec) {
        return Network.of(spec, saved());
    }

    /** A copy of the saved values in double precision. */
    double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = arithmetic.toDoubles(values[i]);
        }
        return copy;
    }
}
