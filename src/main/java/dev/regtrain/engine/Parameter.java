package dev.regtrain.engine;

/**
 * One block of a network's values: the weights W[l] (shape n[l−1] × n[l], column-major, so column j holds the
 * incoming weights of unit j), the biases b[l] (one row), or, for a batch-normalised layer, its scale γ[l], shift
 * β[l] and the running mean and variance used at inference (one row each). {@code values} aliases the network's own
 * storage. There is one way to enumerate trainable parameters ({@link Network#parameters()}); the optimizer, the
 * penalties and the gradient check all use it, and checkpoints use {@link Network#blocks()}, which adds the running
 * statistics.
 */
public record Parameter(int layer, Kind kind, double[] values, int rows, int columns) {

    /** What a block holds. */
    public enum Kind {
        WEIGHTS("W", true), BIASES("b", true), GAMMA("γ", true), BETA("β", true),
        RUNNING_MEAN("μ_r", false), RUNNING_VARIANCE("σ²_r", false);

        private final String symbol;
        private final boolean trainable;

        Kind(String symbol, boolean trainable) {
            this.symbol = symbol;
            this.trainable = trainable;
        }

        /** Whether gradient descent changes the block (the running statistics follow the batches instead). */
        public boolean trainable() {
            return trainable;
        }
    }

    public boolean isWeights() {
        return kind == Kind.WEIGHTS;
    }

    /** γ or β of a batch-normalised layer. */
    public boolean isBatchNorm() {
        return kind == Kind.GAMMA || kind == Kind.BETA;
    }

    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return kind.symbol + "[" + layer + "] " + rows + "x" + columns;
    }
}
