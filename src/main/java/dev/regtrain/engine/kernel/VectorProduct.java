package dev.regtrain.engine.kernel;

import dev.regtrain.engine.kernel.MatrixKernel.ColumnWork;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;

/**
 * One bound product C (m × n) = op(A) (m × k) · op(B) (k × n) of {@link VectorKernel}, for the layouts NN, TN and NT,
 * on the column-major arrays of the stores, in the precision of its {@link VectorLanes} ({@code A} is
 * {@code double[]} or {@code float[]}). It chooses the path of each compute and splits it into parts; the dense path
 * packs and blocks ({@link BlockedMultiply}).
 *
 * <p>With a parallel {@link TaskRunner} and enough work, a product is split into parts, up to a few per thread (so
 * that the runner can balance them when one thread starts late or runs slower). Every element is the same chain of
 * fused multiply-adds whatever the path, blocks and parts, so the result is bit-identical to the sequential,
 * unblocked one.
 *
 * <p>A TN product (a weight gradient out[l−1]ᵀ·δ[l]) whose B is at most half non-zero, as δ is behind relu and
 * dropout, takes the sparse path ({@link VectorSparseProduct}): work in proportion to the non-zero entries, the
 * tiles' bits. An NN product (a forward pass) multiplies over the live columns of A only (those holding a non-zero);
 * an NT product, asked for some columns, computes only those. A kernel with {@link Sparsity#NEVER} does neither.
 *
 * <p>Column work handed over with {@link #computeThen} runs in the part that computed those columns, on every path.
 */
final class VectorProduct<A> implements MatrixProduct {

    /** Below this many flops (2·m·k·n) a product runs on the calling thread: handing it over would cost more. */
    static final double PARALLEL_MIN_FLOPS = 2e6;

    /**
     * A split aims at parts of this many flops (a fraction of a millisecond on one core), 1 to {@link
     * #MAX_PARTS_PER_THREAD} per thread, so that the runner can balance threads that start late or share their core.
     */
    static final double FLOPS_PER_PART = 6e6;
    static final int MAX_PARTS_PER_THREAD = 4;

    private final VectorLanes<A> lanes;
    private final A c;
    private final boolean transposeRight;
    private final int m;
    private final int n;
    private final int k;
    /** Whether this product skips zeros at all (not with {@link Sparsity#NEVER}). */
    private final boolean skipsZeros;
    private final BlockedMultiply<A> blocked;
    /** Null unless this product may take the sparse path. */
    private final VectorSparseProduct<A> sparse;

    /**
     * @param c the target, m × n; {@code a} m × k (k × m when transposed), {@code b} k × n (n × k when transposed)
     * @param nr the tile's width, {@link VectorMicroKernel#WIDE} or {@link VectorMicroKernel#NARROW}
     * @param sparsity when a TN product takes the sparse path
     */
    VectorProduct(VectorLanes<A> lanes, A c, A a, boolean transposeLeft, A b, boolean transposeRight, int m, int k,
                  int n, TaskRunner runner, int nr, Sparsity sparsity) {
        this.lanes = lanes;
        this.c = c;
        this.transposeRight = transposeRight;
        this.m = m;
        this.n = n;
        this.k = k;
        this.skipsZeros = sparsity.skipsZeros();
        int mr = lanes.tileRows();
        int panels = Math.min((m + mr - 1) / mr, (n + nr - 1) / nr);
        double flops = 2.0 * m * k * n;
        int threads = runner.parallelism();
        int wanted = (int) Math.min(threads * MAX_PARTS_PER_THREAD, Math.max(threads, flops / FLOPS_PER_PART));
        int parts = flops < PARALLEL_MIN_FLOPS || threads <= 1 ? 1 : Math.min(wanted, panels);
        this.blocked = new BlockedMultiply<>(lanes, c, a, transposeLeft, b, transposeRight, m, k, n, runner, nr,
                parts, skipsZeros);
        this.sparse = transposeLeft && !transposeRight && sparsity.applies(m, k)
                ? new VectorSparseProduct<>(lanes, c, a, b, m, k, n, parts, runner, sparsity.maxDensity()) : null;
    }

    @Override
    public void compute() {
        compute(null);
    }

    /** Computes C, with {@code work} on each part's columns; this product always can. */
    @Override
    public boolean computeThen(ColumnWork work) {
        compute(work);
        return true;
    }

    /**
     * For an NT product (the backward pass's δ[l]·W[l]ᵀ, whose columns the caller then multiplies by the dropout mask
     * and the activation's derivative), only the columns {@code columns[0..count)} (increasing), and zeros in the
     * others: the caller passes the units whose mask and derivative are not zero for the whole batch, and every other
     * column would become zeros anyway. Other layouts, and a kernel that skips no zeros, compute every column.
     */
    @Override
    public void computeColumns(int[] columns, int count) {
        computeColumns(columns, count, null);
    }

    @Override
    public boolean computesChosenColumns() {
        return transposeRight && skipsZeros;
    }

    @Override
    public boolean computeColumnsThen(int[] columns, int count, ColumnWork work) {
        computeColumns(columns, count, work);
        return true;
    }

    /**
     * An NN product reads the live columns of A from {@code ofLeft} for its depth, and a TN product that may take the
     * sparse path reads op(A)'s live rows from it; an NT product, or one that skips no zeros, reads nothing.
     */
    @Override
    public boolean readLiveColumns(LiveColumns ofLeft) {
        if (!skipsZeros) {
            return false;
        }
        // both offered the list (not a short-circuit): a product may have the dense path and the sparse one
        return blocked.readLiveColumns(ofLeft) | (sparse != null && sparse.readLiveRows(ofLeft));
    }

    /** C, then {@code work} (if not null) on each part's columns. */
    private void compute(ColumnWork work) {
        if (k == 0) {
            zeros(work);
            return;
        }
        if (sparse != null && sparse.compute(work)) {
            return;
        }
        if (!blocked.planDepth()) {
            zeros(work);
            return;
        }
        blocked.multiply(null, 0, work);
    }

    private void computeColumns(int[] columns, int count, ColumnWork work) {
        if (!transposeRight || !skipsZeros || count == n || k == 0) {
            compute(work);
            return;
        }
        if (count == 0) {
            zeros(work);
            return;
        }
        lanes.fillZeros(c, 0, m * n);
        blocked.multiply(columns, count, work);
    }

    /** C = 0, and then the column work (if any) on all of it. */
    private void zeros(ColumnWork work) {
        lanes.fillZeros(c, 0, m * n);
        if (work != null) {
            work.apply(0, n);
        }
    }

    /** For tests: the depth the last compute's tiles multiplied over (k, or the live columns of A). */
    int lastDepth() {
        return blocked.depth();
    }

    /** For tests: the live rows of op(A) the last compute's sparse path multiplied; whether it took that path. */
    int lastLiveRows() {
        return sparse.liveRows();
    }

    boolean tookSparsePath() {
        return sparse != null && sparse.taken();
    }
}
