package dev.regtrain.engine;

/**
 * One trainable block: the weights W[l] (shape n[l−1] × n[l], column-major, so column j holds the incoming weights of
 * unit j) or the biases b[l] (one row). {@code values} aliases the network's own storage. There is one way to
 * enumerate parameters ({@link Network#parameters()}); the optimizer, the penalties and checkpoints all use it.
 */
public record Parameter(int layer, boolean bias, double[] values, int rows, int columns) {

    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return (bias ? "b" : "W") + "[" + layer + "] " + rows + "x" + columns;
    }
}
