package dev.regtrain.engine.kernel;

/**
 * When products skip zeros: a TN product takes the sparse path when B is at most {@code maxDensity} non-zero and
 * op(A) has at least {@code minRows} rows; NN products multiply over the live columns of A unless the policy is
 * {@link #NEVER}.
 */
public record Sparsity(double maxDensity, int minRows) {

    /**
     * The engine's policy: at most half non-zero, and a full group of rows (docs/performance.md has the measurements
     * behind the threshold).
     */
    public static final Sparsity DEFAULT = new Sparsity(0.5, VectorSparseColumns.GROUP);
    /** Never sparse, and NN products over all of k: the plain dense kernel. */
    public static final Sparsity NEVER = new Sparsity(-1, 0);
    /** Always sparse, whatever the shape (for tests). */
    public static final Sparsity ALWAYS = new Sparsity(1, 0);

    /** Whether products skip zeros at all: TN products by the sparse path, NN ones by their live columns. */
    boolean skipsZeros() {
        return maxDensity >= 0;
    }

    boolean applies(int m, int k) {
        return skipsZeros() && m >= minRows && k > 0;
    }
}
