package dev.regtrain.engine.kernel;

import dev.regtrain.engine.kernel.MatrixKernel.ColumnWork;
import java.util.function.IntConsumer;

/**
 * The sparse path of a TN product (a weight gradient out[l−1]ᵀ·δ[l], whose δ is mostly zeros after dropout and
 * relu): B's columns are compacted ({@link VectorSparseColumns#compact}), in parts by columns, and if at most
 * {@code maxDensity} of B is non-zero, op(A) is packed in groups of GROUP rows and each part multiplies its
 * columns, depth block by depth block ({@link #SPARSE_DEPTH_BLOCK}), group by group (hot in L1), column by
 * column. Only the rows of op(A) that hold a non-zero are packed and multiplied; the others give rows of zeros in C.
 * Otherwise the dense path runs as if nothing had happened. The choice depends on B's values only, not on
 * the threads, and either path gives the same bits.
 */
final class VectorSparseProduct<A> {

    /** The sparse path's depth block: a packed group of op(A) is then GROUP × 128 values, 32 KB with AVX2. */
    static final int SPARSE_DEPTH_BLOCK = 128;

    private final VectorLanes<A> lanes;
    /** The rows of a packed group. */
    private final int group;
    private final A c;
    private final A a;
    private final A b;
    private final int m;
    private final int k;
    private final int n;
    private final int parts;
    private final TaskRunner runner;
    private final double maxDensity;
    private final int blocks;
    private final int[] index;
    private final A value;
    /** Entries of column j in depth block d: {@code counts[j·blocks + d]}, listed from {@code j·k + p0(d)}. */
    private final int[] counts;
    private final long[] partEntries;
    private final A packed;
    private final Object[] groupEdges;
    private final IntConsumer compactPart;
    private final IntConsumer packPart;
    private final IntConsumer multiplyPart;
    /**
     * The rows of op(A) with a non-zero (A's columns), their first {@code liveCount} in {@code liveGroups} groups:
     * this product's own list, which it finds, or the caller's ({@link #readLiveRows}), which it reads.
     */
    private LiveColumns live;
    /** Whether {@link #live} is the caller's, kept current by it. */
    private boolean liveGiven;
    private int liveCount;
    private int liveGroups;
    /** Whether the last compute took this path. */
    private boolean taken;
    /** During a compute, the work on each part's columns once they are written, or null. */
    private ColumnWork then;

    /**
     * C (m × n) = Aᵀ · B for A (k × m) and B (k × n), column-major, split into {@code parts} (by columns of C)
     * on {@code runner}, sparse when at most {@code maxDensity} of B is non-zero.
     */
    VectorSparseProduct(VectorLanes<A> lanes, A c, A a, A b, int m, int k, int n, int parts, TaskRunner runner,
                        double maxDensity) {
        this.lanes = lanes;
        this.group = lanes.groupRows();
        this.c = c;
        this.a = a;
        this.b = b;
        this.m = m;
        this.k = k;
        this.n = n;
        this.parts = parts;
        this.runner = runner;
        this.maxDensity = maxDensity;
        int groups = (m + group - 1) / group;
        this.blocks = (k + SPARSE_DEPTH_BLOCK - 1) / SPARSE_DEPTH_BLOCK;
        this.index = new int[k * n];
        this.value = lanes.allocate(k * n);
        this.counts = new int[n * blocks];
        this.partEntries = new long[parts];
        this.packed = lanes.allocate(groups * group * k);
        this.groupEdges = new Object[parts];
        for (int part = 0; part < parts; part++) {
            groupEdges[part] = lanes.allocate(group);
        }
        this.compactPart = part -> partEntries[part] = compact(split(part, n), split(part + 1, n));
        this.packPart = part -> pack(split(part, liveGroups), split(part + 1, liveGroups));
        this.live = new LiveColumns(m);
        this.multiplyPart = part -> {
            int from = split(part, n);
            int to = split(part + 1, n);
            multiply(from, to, groupEdge(part));
            if (then != null) {
                then.apply(from, to);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private A groupEdge(int part) {
        return (A) groupEdges[part];
    }

    /** How many rows of op(A) held a non-zero at the last sparse compute. */
    int liveRows() {
        return liveCount;
    }

    /** Whether the last compute took the sparse path. */
    boolean taken() {
        return taken;
    }

    /** The first of {@code total} pieces that belongs to {@code part}. */
    private int split(int part, int total) {
        return TaskRunner.firstOf(part, parts, total);
    }

    /**
     * Runs the product on the sparse path, then {@code work} (if not null) on each part's columns in that part, and
     * returns true; or returns false, having run no work, if B is too dense for it. After a call that was too dense,
     * B's non-zeros are first counted (one vector comparison per four values, a fraction of what listing them costs),
     * so that a product whose B stays dense pays little for the attempt.
     */
    boolean compute(ColumnWork work) {
        if (!taken && lanes.countNonZero(b, 0, k * n) > maxDensity * k * n) {
            return false;
        }
        runner.run(parts, compactPart);
        long entries = 0;
        for (long e : partEntries) {
            entries += e;
        }
        taken = entries <= maxDensity * k * n;
        if (!taken) {
            return false;
        }
        findLiveRows();
        runner.run(parts, packPart);
        then = work;
        try {
            runner.run(parts, multiplyPart);
        } finally {
            then = null;
        }
        return true;
    }

    /**
     * The rows of op(A) that hold a non-zero (A's columns, out[l−1]'s units): a row of zeros, a unit flat or dropped
     * for the whole batch, gives a row of zeros in C, written as such.
     */
    private void findLiveRows() {
        if (!liveGiven) {
            lanes.findLiveColumns(a, k, live);
        }
        liveCount = live.count();
        liveGroups = (liveCount + group - 1) / group;
    }

    /**
     * From now on the rows of op(A) that hold a non-zero (A's columns) are read from {@code ofA}, kept current by the
     * caller, instead of found; false, reading nothing, for a list of another width.
     */
    boolean readLiveRows(LiveColumns ofA) {
        if (ofA.width() != m) {
            return false;
        }
        live = ofA;
        liveGiven = true;
        return true;
    }

    /** Groups [from, to) of op(A), of all its rows or of its live ones. */
    private void pack(int from, int to) {
        if (liveCount == m) {
            lanes.rowPanels(a, true, m, k, group, packed, from, to);
        } else {
            lanes.rowPanelsOfRows(a, k, live.columns(), liveCount, group, packed, from, to);
        }
    }

    private long compact(int fromColumn, int toColumn) {
        long entries = 0;
        for (int j = fromColumn; j < toColumn; j++) {
            for (int d = 0; d < blocks; d++) {
                int count = lanes.compact(b, k, j, firstDepth(d), firstDepth(d + 1), index, value);
                counts[j * blocks + d] = count;
                entries += count;
            }
        }
        return entries;
    }

    private int firstDepth(int block) {
        return TaskRunner.firstOf(block, blocks, k);
    }

    /**
     * Columns [fromColumn, toColumn) of C, group by group of the live rows of op(A). With every row live, a full
     * group is read and written in C directly; otherwise a group goes through {@code edge}, gathered from and
     * scattered to its rows of C, and the rows that are not live are zeros.
     */
    private void multiply(int fromColumn, int toColumn, A edge) {
        boolean allLive = liveCount == m;
        int[] liveRows = live.columns();
        if (!allLive) {
            lanes.fillZeros(c, fromColumn * m, toColumn * m);
        }
        for (int d = 0; d < blocks; d++) {
            int p0 = firstDepth(d);
            for (int g = 0; g < liveGroups; g++) {
                int r0 = g * group;
                int rows = Math.min(group, liveCount - r0);
                int groupOffset = g * group * k;
                for (int j = fromColumn; j < toColumn; j++) {
                    int from = j * k + p0;
                    int to = from + counts[j * blocks + d];
                    int column = j * m;
                    if (allLive && rows == group) {
                        lanes.sparseColumn(packed, groupOffset, index, value, from, to, d > 0 ? c : lanes.zeros(),
                                d > 0 ? column + r0 : 0, c, column + r0);
                        continue;
                    }
                    if (d > 0) {
                        lanes.gatherRows(c, column, liveRows, r0, rows, edge);
                    }
                    lanes.sparseColumn(packed, groupOffset, index, value, from, to, d > 0 ? edge : lanes.zeros(), 0,
                            edge, 0);
                    lanes.scatterRows(edge, liveRows, r0, rows, c, column);
                }
            }
        }
    }
}
