package dev.regtrain.engine;

import static dev.regtrain.engine.VectorMicroKernel.MR;
import static dev.regtrain.engine.VectorMicroKernel.NR;

import dev.regtrain.engine.MatrixKernel.MatrixProduct;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.ojalgo.matrix.store.R064Store;

/**
 * One bound product C (m × n) = op(A) (m × k) · op(B) (k × n) of {@link VectorKernel}, for the layouts NN, TN and NT,
 * on the column-major {@code data} arrays of the stores. The packing buffers are allocated here, once; a compute
 * allocates nothing.
 *
 * <p>A compute packs op(A) into row panels (all of A is read by every column panel), then walks the column panels of
 * C: it packs the panel of op(B) (k × NR, then hot in L1) and multiplies it with every row panel of A, MR × NR tile by
 * tile. Full tiles are written into C directly; tiles that stick out of C go through a small buffer. The packed copies
 * are refreshed on every compute because the operands are the trainer's buffers and change between mini-batches.
 *
 * <p>With a parallel {@link TaskRunner} and enough work, the row panels of A are packed in parts, and then the column
 * panels of C are divided into contiguous ranges, up to a few per thread (so that the runner can balance them when
 * one thread starts late or runs slower), each with its own edge buffer. Every element is still the same chain of fused
 * multiply-adds, so the result is bit-identical to the sequential one.
 */
final class VectorProduct implements MatrixProduct {

    /** Below this many flops (2·m·k·n) a product runs on the calling thread: handing it over would cost more. */
    static final double PARALLEL_MIN_FLOPS = 2e6;

    /**
     * A split aims at parts of this many flops (~150 µs on one core here), one part per thread at least and
     * {@link #MAX_PARTS_PER_THREAD} at most. Several parts per thread let the runner balance threads that start late
     * or share their core with other processes; on an idle machine one part per thread was best for the 8 MFLOP
     * products of R1 and the number made no difference for its 51 MFLOP ones.
     */
    static final double FLOPS_PER_PART = 6e6;

    static final int MAX_PARTS_PER_THREAD = 4;

    private final double[] c;
    private final double[] a;
    private final double[] b;
    private final boolean transposeLeft;
    private final boolean transposeRight;
    private final int m;
    private final int n;
    private final int k;
    private final int rowPanels;
    private final int columnPanels;
    private final double[] packedA;
    private final double[] packedB;
    private final double[][] edges;
    private final TaskRunner runner;
    private final int parts;
    private final IntConsumer packRowPart;
    private final IntConsumer columnPart;

    VectorProduct(R064Store target, R064Store left, boolean transposeLeft, R064Store right, boolean transposeRight,
                  TaskRunner runner) {
        this.c = target.data;
        this.a = left.data;
        this.b = right.data;
        this.transposeLeft = transposeLeft;
        this.transposeRight = transposeRight;
        this.m = target.getRowDim();
        this.n = target.getColDim();
        this.k = transposeLeft ? left.getRowDim() : left.getColDim();
        this.rowPanels = (m + MR - 1) / MR;
        this.columnPanels = (n + NR - 1) / NR;
        this.packedA = new double[rowPanels * MR * k];
        this.packedB = new double[columnPanels * NR * k];
        this.runner = runner;
        double flops = 2.0 * m * k * n;
        int threads = runner.parallelism();
        int wanted = (int) Math.min(threads * MAX_PARTS_PER_THREAD, Math.max(threads, flops / FLOPS_PER_PART));
        this.parts = flops < PARALLEL_MIN_FLOPS || threads <= 1 ? 1
                : Math.min(wanted, Math.min(rowPanels, columnPanels));
        this.edges = new double[parts][MR * NR];
        this.packRowPart = part -> VectorPacking.rowPanels(a, transposeLeft, m, k, packedA,
                split(part, rowPanels), split(part + 1, rowPanels));
        this.columnPart = part -> multiplyColumnPanels(split(part, columnPanels), split(part + 1, columnPanels),
                edges[part]);
    }

    /** The first of {@code total} panels that belongs to {@code part} (or the end, for part = parts). */
    private int split(int part, int total) {
        return TaskRunner.firstOf(part, parts, total);
    }

    @Override
    public void compute() {
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        if (parts == 1) {
            VectorPacking.rowPanels(a, transposeLeft, m, k, packedA, 0, rowPanels);
            multiplyColumnPanels(0, columnPanels, edges[0]);
        } else {
            runner.run(parts, packRowPart);
            runner.run(parts, columnPart);
        }
    }

    private void multiplyColumnPanels(int from, int to, double[] edge) {
        for (int panel = from; panel < to; panel++) {
            VectorPacking.columnPanel(b, transposeRight, k, n, packedB, panel);
            int j0 = panel * NR;
            int columns = Math.min(NR, n - j0);
            int bOffset = panel * NR * k;
            for (int rowPanel = 0; rowPanel < rowPanels; rowPanel++) {
                int i0 = rowPanel * MR;
                int rows = Math.min(MR, m - i0);
                int aOffset = rowPanel * MR * k;
                if (rows == MR && columns == NR) {
                    VectorMicroKernel.tile(packedA, aOffset, packedB, bOffset, k, c, i0 + j0 * m, m);
                } else {
                    VectorMicroKernel.tile(packedA, aOffset, packedB, bOffset, k, edge, 0, MR);
                    for (int q = 0; q < columns; q++) {
                        System.arraycopy(edge, q * MR, c, i0 + (j0 + q) * m, rows);
                    }
                }
            }
        }
    }
}
