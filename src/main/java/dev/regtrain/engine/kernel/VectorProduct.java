package dev.regtrain.engine.kernel;

import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import java.util.function.IntConsumer;

/**
 * One bound product C (m × n) = op(A) (m × k) · op(B) (k × n) of {@link VectorKernel}, for the layouts NN, TN and NT,
 * on the column-major arrays of the stores, in the precision of its {@link VectorLanes} ({@code A} is
 * {@code double[]} or {@code float[]}; MR below is two of its vectors). The packing buffers are allocated here, once;
 * a compute allocates nothing.
 *
 * <p>A compute packs op(A) into row panels, then walks C in blocks, the order of the GotoBLAS papers: the inner
 * dimension in depth blocks of at most {@link #DEPTH_BLOCK} and the rows of A in row blocks, so that one block of
 * packed A (at most {@link #A_BLOCK_DOUBLES} values) stays in the core's L2 cache while every column panel of C
 * passes it. For each depth block a column panel of op(B) is packed (then hot in L1) and multiplied with each row
 * panel of the A block, MR × NR tile by tile (NR the kernel's tile width). Without the blocks, a large product
 * streams all of A once per column panel, from L3 as soon as the second core does the same, and two threads gain
 * little over one. Full tiles are read and written in C directly; tiles that stick out of C go through a small
 * buffer. The packed copies are refreshed on every compute because the operands are the trainer's buffers and change
 * between mini-batches.
 *
 * <p>With a parallel {@link TaskRunner} and enough work, the row panels of A are packed in parts, and then the column
 * panels of C are divided into contiguous ranges, up to a few per thread (so that the runner can balance them when
 * one thread starts late or runs slower), each with its own edge buffer. Every element is the same chain of fused
 * multiply-adds whatever the blocks and parts (a tile continues the chain of its previous depth block from the
 * partial sums in C, which are stored exactly), so the result is bit-identical to the sequential, unblocked one.
 *
 * <p>A TN product (a weight gradient out[l−1]ᵀ·δ[l]) whose B is at most half non-zero, as δ is behind relu and
 * dropout, takes the sparse path ({@link VectorSparseProduct}): work in proportion to the non-zero entries, the
 * tiles' bits. An NN product (a forward pass) multiplies over the live columns of A only (those holding a non-zero).
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

    /** The longest depth block: a packed B panel of NR × 256 doubles is 12 KB at most, well inside a 32 KB L1. */
    static final int DEPTH_BLOCK = 256;
    /** The most values of packed A one block holds: 256 KB of doubles (128 KB of floats), a quarter of an L2 cache. */
    static final int A_BLOCK_DOUBLES = 32_768;

    private final VectorLanes<A> lanes;
    /** The tile's rows, MR. */
    private final int mr;
    private final A c;
    private final A a;
    private final A b;
    private final boolean transposeLeft;
    private final boolean transposeRight;
    private final int nr;
    private final int m;
    private final int n;
    private final int k;
    private final int rowPanels;
    private final int columnPanels;
    /** The depth this compute multiplies over: k, or for an NN product the live columns of A (see {@link #live}). */
    private int depth;
    private int depthBlocks;
    private int rowBlocks;
    /**
     * For an NN product, the columns of A that hold a non-zero, {@code live[0..depth)}; null for TN and NT. A column
     * of zeros (a unit that is dropped or flat for the whole batch) adds only exact zeros to every chain, so the product skips it and the rows of B it would meet.
     */
    private final int[] live;
    /** Whether this product skips zeros at all (not with {@link Sparsity#NEVER}). */
    private final boolean skipsZeros;
    /**
     * During {@link #computeColumns}, the columns of C to compute, {@code selected[0..selectedCount)}; null otherwise.
     * Column panels then hold selected columns ({@link #panels()}).
     */
    private int[] selected;
    private int selectedCount;
    private final A packedA;
    private final A packedB;
    private final Object[] edges;
    private final TaskRunner runner;
    private final int parts;
    private final IntConsumer packRowPart;
    private final IntConsumer columnPart;
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
        this.mr = lanes.tileRows();
        this.nr = nr;
        this.c = c;
        this.a = a;
        this.b = b;
        this.transposeLeft = transposeLeft;
        this.transposeRight = transposeRight;
        this.m = m;
        this.n = n;
        this.k = k;
        this.rowPanels = (m + mr - 1) / mr;
        this.columnPanels = (n + nr - 1) / nr;
        plan(k);
        this.skipsZeros = sparsity.skipsZeros();
        this.live = !transposeLeft && !transposeRight && skipsZeros ? new int[k] : null;
        this.packedA = lanes.allocate(rowPanels * mr * k);
        this.packedB = lanes.allocate(columnPanels * nr * k);
        this.runner = runner;
        double flops = 2.0 * m * k * n;
        int threads = runner.parallelism();
        int wanted = (int) Math.min(threads * MAX_PARTS_PER_THREAD, Math.max(threads, flops / FLOPS_PER_PART));
        this.parts = flops < PARALLEL_MIN_FLOPS || threads <= 1 ? 1
                : Math.min(wanted, Math.min(rowPanels, columnPanels));
        this.edges = new Object[parts];
        for (int part = 0; part < parts; part++) {
            edges[part] = lanes.allocate(mr * nr);
        }
        this.packRowPart = part -> packRowPanels(split(part, rowPanels), split(part + 1, rowPanels));
        this.columnPart = part -> multiplyColumnPanels(split(part, panels()), split(part + 1, panels()), edge(part));
        this.sparse = transposeLeft && !transposeRight && sparsity.applies(m, k)
                ? new VectorSparseProduct<>(lanes, c, a, b, m, k, n, parts, runner, sparsity.maxDensity()) : null;
    }

    @SuppressWarnings("unchecked")
    private A edge(int part) {
        return (A) edges[part];
    }

    /** Blocks the product for a depth of {@code depth} (k, or fewer live columns). */
    private void plan(int depth) {
        this.depth = depth;
        this.depthBlocks = Math.max(1, (depth + DEPTH_BLOCK - 1) / DEPTH_BLOCK);
        int longestDepth = (depth + depthBlocks - 1) / depthBlocks;
        int panelsPerBlock = Math.max(1, A_BLOCK_DOUBLES / (mr * Math.max(1, longestDepth)));
        this.rowBlocks = (rowPanels + panelsPerBlock - 1) / panelsPerBlock;
    }

    /** Finds A's live columns (NN) and plans for them; returns false if there are none, when C is zero. */
    private boolean planLiveDepth() {
        int count = 0;
        for (int p = 0; p < k; p++) {
            live[count] = p;
            count += lanes.anyNonZero(a, p * m, (p + 1) * m) ? 1 : 0;
        }
        plan(count);
        return count > 0;
    }

    private void packRowPanels(int from, int to) {
        if (depth < k) {
            lanes.rowPanelsOfColumns(a, m, live, depth, packedA, from, to);
        } else {
            lanes.rowPanels(a, transposeLeft, m, k, mr, packedA, from, to);
        }
    }

    /** The first of {@code total} panels that belongs to {@code part} (or the end, for part = parts). */
    private int split(int part, int total) {
        return TaskRunner.firstOf(part, parts, total);
    }

    @Override
    public void compute() {
        if (k == 0) {
            lanes.fillZeros(c, 0, m * n);
            return;
        }
        if (sparse != null && sparse.compute()) {
            return;
        }
        if (live != null && !planLiveDepth()) {
            lanes.fillZeros(c, 0, m * n);
            return;
        }
        packAndMultiply();
    }

    /** Packs op(A) and multiplies the column panels, each in parts (a runner runs a lone part on the caller). */
    private void packAndMultiply() {
        runner.run(parts, packRowPart);
        runner.run(parts, columnPart);
    }

    /** The column panels of this compute: all of C's, or those of the selected columns. */
    private int panels() {
        return selected == null ? columnPanels : (selectedCount + nr - 1) / nr;
    }

    /**
     * For an NT product (the backward pass's δ[l]·W[l]ᵀ, whose columns the caller then multiplies by the dropout mask
     * and the activation's derivative), only the columns {@code columns[0..count)} (increasing), and zeros in the
     * others: the caller passes the units whose mask and derivative are not zero for the whole batch, and every other
     * column would become zeros anyway. Other layouts, and a kernel that skips no zeros, compute every column.
     */
    @Override
    public void computeColumns(int[] columns, int count) {
        if (!transposeRight || !skipsZeros || count == n || k == 0) {
            compute();
            return;
        }
        lanes.fillZeros(c, 0, m * n);
        if (count == 0) {
            return;
        }
        selected = columns;
        selectedCount = count;
        try {
            packAndMultiply();
        } finally {
            selected = null;
        }
    }

    /** For tests: the depth the last compute's tiles multiplied over (k, or the live columns of A). */
    int lastDepth() {
        return depth;
    }

    /** For tests: the live rows of op(A) the last compute's sparse path multiplied; whether it took that path. */
    int lastLiveRows() {
        return sparse.liveRows();
    }

    boolean tookSparsePath() {
        return sparse != null && sparse.taken();
    }

    /** Column panels [from, to) of C, block by block; B is packed during the first row block, then reused. */
    private void multiplyColumnPanels(int from, int to, A edge) {
        for (int rowBlock = 0; rowBlock < rowBlocks; rowBlock++) {
            int firstRowPanel = TaskRunner.firstOf(rowBlock, rowBlocks, rowPanels);
            int endRowPanel = TaskRunner.firstOf(rowBlock + 1, rowBlocks, rowPanels);
            for (int depthBlock = 0; depthBlock < depthBlocks; depthBlock++) {
                int p0 = TaskRunner.firstOf(depthBlock, depthBlocks, depth);
                int blockDepth = TaskRunner.firstOf(depthBlock + 1, depthBlocks, depth) - p0;
                boolean accumulate = depthBlock > 0;
                for (int panel = from; panel < to; panel++) {
                    if (rowBlock == 0 && selected != null) {
                        lanes.columnPanelOfColumns(b, k, n, nr, selected, selectedCount, packedB, panel, p0,
                                p0 + blockDepth);
                    } else if (rowBlock == 0 && depth < k) {
                        lanes.columnPanelOfRows(b, k, n, nr, live, depth, packedB, panel, p0, p0 + blockDepth);
                    } else if (rowBlock == 0) {
                        lanes.columnPanel(b, transposeRight, k, n, nr, packedB, panel, p0, p0 + blockDepth);
                    }
                    multiplyPanel(panel, firstRowPanel, endRowPanel, p0, blockDepth, accumulate, edge);
                }
            }
        }
    }

    /**
     * Column panel {@code panel} of C, rows of the row panels [fromRowPanel, toRowPanel), packed depth
     * p0..p0+blockDepth.
     */
    private void multiplyPanel(int panel, int fromRowPanel, int toRowPanel, int p0, int blockDepth,
                               boolean accumulate, A edge) {
        int j0 = panel * nr;
        int columns = Math.min(nr, (selected == null ? n : selectedCount) - j0);
        int bOffset = panel * nr * depth + p0 * nr;
        for (int rowPanel = fromRowPanel; rowPanel < toRowPanel; rowPanel++) {
            int i0 = rowPanel * mr;
            int rows = Math.min(mr, m - i0);
            int aOffset = rowPanel * mr * depth + p0 * mr;
            if (rows == mr && columns == nr && selected == null) {
                int cOffset = i0 + j0 * m;
                if (accumulate) {
                    lanes.tile(nr, packedA, aOffset, packedB, bOffset, blockDepth, c, cOffset, m, c, cOffset, m);
                } else {
                    lanes.tile(nr, packedA, aOffset, packedB, bOffset, blockDepth, lanes.zeros(), 0, mr, c,
                            cOffset, m);
                }
            } else {
                if (accumulate) {
                    for (int q = 0; q < columns; q++) {
                        System.arraycopy(c, i0 + column(j0 + q) * m, edge, q * mr, rows);
                    }
                }
                lanes.tile(nr, packedA, aOffset, packedB, bOffset, blockDepth, accumulate ? edge : lanes.zeros(), 0,
                        mr, edge, 0, mr);
                for (int q = 0; q < columns; q++) {
                    System.arraycopy(edge, q * mr, c, i0 + column(j0 + q) * m, rows);
                }
            }
        }
    }

    /** The column of C that packed column j stands for. */
    private int column(int j) {
        return selected == null ? j : selected[j];
    }
}
