package dev.regtrain.engine;

import static dev.regtrain.engine.VectorMicroKernel.MR;
import static dev.regtrain.engine.VectorMicroKernel.NR;

import dev.regtrain.engine.MatrixKernel.MatrixProduct;
import java.util.Arrays;
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
 */
final class VectorProduct implements MatrixProduct {

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
    private final double[] edge = new double[MR * NR];

    VectorProduct(R064Store target, R064Store left, boolean transposeLeft, R064Store right, boolean transposeRight) {
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
    }

    @Override
    public void compute() {
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        VectorPacking.rowPanels(a, transposeLeft, m, k, packedA, 0, rowPanels);
        for (int panel = 0; panel < columnPanels; panel++) {
            VectorPacking.columnPanel(b, transposeRight, k, n, packedB, panel);
            multiplyColumnPanel(panel);
        }
    }

    private void multiplyColumnPanel(int panel) {
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
