package dev.regtrain.engine.kernel;

import dev.regtrain.engine.kernel.MatrixKernel.ColumnWork;
import java.util.function.IntConsumer;

/**
 * The dense path of a {@link VectorProduct}: C (m × n) = op(A) (m × k) · op(B) (k × n), packed and blocked, in parts.
 * The packing buffers are allocated here, once; a multiply allocates nothing.
 *
 * <p>A multiply packs op(A) into row panels, then walks C in blocks, the order of the GotoBLAS papers: the inner
 * dimension in depth blocks of at most {@link #DEPTH_BLOCK} and the rows of A in row blocks, so that one block of
 * packed A (at most {@link #A_BLOCK_DOUBLES} values) stays in the core's L2 cache while every column panel of C
 * passes it. For each depth block a column panel of op(B) is packed (then hot in L1) and multiplied with each row
 * panel of the A block, MR × NR tile by tile (MR two vectors, NR the kernel's tile width). Without the blocks, a large
 * product streams all of A once per column panel, from L3 as soon as the second core does the same, and two threads
 * gain little over one. Full tiles are read and written in C directly; tiles that stick out of C go through a small
 * buffer. The packed copies are refreshed on every multiply because the operands are the trainer's buffers and
 * change between mini-batches.
 *
 * <p>With several parts, the row panels of A are packed in parts, and then the column panels of C are divided into
 * contiguous ranges, one per part, each with its own edge buffer; a part then runs the caller's column work on its
 * columns. Every element is the same chain of fused multiply-adds whatever the blocks and parts (a tile continues the
 * chain of its previous depth block from the partial sums in C, which are stored exactly), so the result is
 * bit-identical to the sequential, unblocked one.
 */
final class BlockedMultiply<A> {

    /** The longest depth block: a packed B panel of NR × 256 doubles is 12 KB at most, well inside a 32 KB L1. */
    static final int DEPTH_BLOCK = 256;
    /** The most values of packed A one block holds: 256 KB of doubles (128 KB of floats), a quarter of an L2 cache. */
    static final int A_BLOCK_DOUBLES = 32_768;

    private final VectorLanes<A> lanes;
    /** The tile's rows, MR. */
    private final int mr;
    private final int nr;
    private final A c;
    private final A a;
    private final A b;
    private final boolean transposeLeft;
    private final boolean transposeRight;
    private final int m;
    private final int n;
    private final int k;
    private final int rowPanels;
    private final int columnPanels;
    /** The depth this multiply runs over: k, or for an NN product the live columns of A (see {@link #live}). */
    private int depth;
    private int depthBlocks;
    private int rowBlocks;
    /**
     * For an NN product that skips zeros, the columns of A that hold a non-zero (their first {@code depth}); null
     * otherwise. A column of zeros (a unit that is dropped or flat for the whole batch) adds only exact zeros to every
     * chain, so the product skips it and the rows of B it would meet. This multiply's own list, which it finds, or
     * the caller's ({@link #readLiveColumns}), which it reads.
     */
    private LiveColumns live;
    /** Whether {@link #live} is the caller's, kept current by it. */
    private boolean liveGiven;
    /**
     * During a multiply of chosen columns, those columns of C, {@code selected[0..selectedCount)}; null otherwise.
     * Column panels then hold selected columns ({@link #panels()}).
     */
    private int[] selected;
    private int selectedCount;
    /** During a multiply, the work on each part's columns once they are written, or null. */
    private ColumnWork then;
    private final A packedA;
    private final A packedB;
    private final Object[] edges;
    private final TaskRunner runner;
    private final int parts;
    private final IntConsumer packRowPart;
    private final IntConsumer columnPart;

    /**
     * @param c the target, m × n; {@code a} m × k (k × m when transposed), {@code b} k × n (n × k when transposed)
     * @param nr the tile's width, {@link VectorMicroKernel#WIDE} or {@link VectorMicroKernel#NARROW}
     * @param parts how many parts a multiply is split into on {@code runner} (at most the row and column panels)
     * @param skipLiveColumns whether an NN product multiplies over the live columns of A only
     */
    BlockedMultiply(VectorLanes<A> lanes, A c, A a, boolean transposeLeft, A b, boolean transposeRight, int m, int k,
                    int n, TaskRunner runner, int nr, int parts, boolean skipLiveColumns) {
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
        this.live = !transposeLeft && !transposeRight && skipLiveColumns ? new LiveColumns(k) : null;
        this.packedA = lanes.allocate(rowPanels * mr * k);
        this.packedB = lanes.allocate(columnPanels * nr * k);
        this.runner = runner;
        this.parts = parts;
        this.edges = new Object[parts];
        for (int part = 0; part < parts; part++) {
            edges[part] = lanes.allocate(mr * nr);
        }
        this.packRowPart = part -> packRowPanels(split(part, rowPanels), split(part + 1, rowPanels));
        this.columnPart = this::multiplyPart;
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

    /**
     * For an NN product that skips zeros, finds A's live columns and plans for them; returns false if there are
     * none, when C is zero. True otherwise.
     */
    boolean planDepth() {
        return live == null || planLiveDepth();
    }

    private boolean planLiveDepth() {
        if (!liveGiven) {
            lanes.findLiveColumns(a, m, live);
        }
        int count = live.count();
        plan(count);
        return count > 0;
    }

    /**
     * For an NN product that skips zeros: from now on A's live columns are read from {@code ofA} (kept current by the
     * caller) instead of found; returns false, reading nothing, for any other product or a list of another width.
     */
    boolean readLiveColumns(LiveColumns ofA) {
        if (live == null || ofA.width() != k) {
            return false;
        }
        live = ofA;
        liveGiven = true;
        return true;
    }

    /** The depth the last multiply ran over (k, or the live columns of A). */
    int depth() {
        return depth;
    }

    private void packRowPanels(int from, int to) {
        if (depth < k) {
            lanes.rowPanelsOfColumns(a, m, live.columns(), depth, packedA, from, to);
        } else {
            lanes.rowPanels(a, transposeLeft, m, k, mr, packedA, from, to);
        }
    }

    /** The first of {@code total} panels that belongs to {@code part} (or the end, for part = parts). */
    private int split(int part, int total) {
        return TaskRunner.firstOf(part, parts, total);
    }

    /**
     * Packs op(A) and multiplies the column panels, each in parts (a runner runs a lone part on the caller): all of
     * C, or with {@code columns} not null only its columns {@code columns[0..count)} (the others are left as they
     * are); then {@code work}, if not null, on each part's columns.
     */
    void multiply(int[] columns, int count, ColumnWork work) {
        selected = columns;
        selectedCount = count;
        then = work;
        try {
            runner.run(parts, packRowPart);
            runner.run(parts, columnPart);
        } finally {
            selected = null;
            then = null;
        }
    }

    /** The column panels of this multiply: all of C's, or those of the selected columns. */
    private int panels() {
        return selected == null ? columnPanels : (selectedCount + nr - 1) / nr;
    }

    /** Part {@code part}'s column panels, then the column work on the columns they hold (and those between them). */
    private void multiplyPart(int part) {
        int from = split(part, panels());
        int to = split(part + 1, panels());
        multiplyColumnPanels(from, to, edge(part));
        if (then != null) {
            then.apply(firstColumn(from), firstColumn(to));
        }
    }

    /**
     * The first column of C that belongs to column panel {@code panel}'s range, n at the end: with selected columns
     * the first selected column of the panel, so that the ranges of consecutive parts cover every column once.
     */
    private int firstColumn(int panel) {
        if (panel == panels()) {
            return n;
        }
        return selected == null ? panel * nr : panel == 0 ? 0 : selected[panel * nr];
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
                        lanes.columnPanelOfRows(b, k, n, nr, live.columns(), depth, packedB, panel, p0,
                                p0 + blockDepth);
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
