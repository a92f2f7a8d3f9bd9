package dev.regtrain.engine;

import static dev.regtrain.engine.VectorMicroKernel.MR;
import static dev.regtrain.engine.VectorMicroKernel.NR;

import dev.regtrain.engine.MatrixKernel.MatrixProduct;
import org.ojalgo.matrix.store.R064Store;

/**
 * One bound product C (m × n) = op(A) (m × k) · op(B) (k × n) of {@link VectorKernel}, for the layouts NN, TN and NT,
 * on the column-major {@code data} arrays of the stores. All buffers are allocated here, once; a compute allocates
 * nothing.
 *
 * <p>C is cut into MR × NR tiles, visited column panel by column panel (the B panel, k × NR, stays in L1 while the
 * row panels of A stream past it). Where the operands already have the tile's layout they are read in place: A's
 * columns are contiguous for NN and NT, B's panel is NR strided columns (NN) or rows of NR contiguous values (NT).
 * Packing happens only where it pays or is needed: Aᵀ of TN is copied into row panels (MR values of a column p
 * contiguous); the last, partial row panel of A and column panel of B are copied into zero-padded buffers; and
 * partial C tiles go through a small buffer. The copies are refreshed on every compute, because the operands are the
 * trainer's buffers and change between mini-batches.
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
    private final int fullRowPanels;
    private final int rowPanels;
    private final int columnPanels;
    private final double[] packedA;   // TN: every row panel of Aᵀ, MR × k each; otherwise the last partial panel
    private final double[] edgeB;     // the last partial column panel of B, zero-padded to NR columns
    private final double[] edgeC = new double[MR * NR];

    VectorProduct(R064Store target, R064Store left, boolean transposeLeft, R064Store right, boolean transposeRight) {
        this.c = target.data;
        this.a = left.data;
        this.b = right.data;
        this.transposeLeft = transposeLeft;
        this.transposeRight = transposeRight;
        this.m = Math.toIntExact(target.countRows());
        this.n = Math.toIntExact(target.countColumns());
        this.k = transposeLeft ? left.getRowDim() : left.getColDim();
        this.fullRowPanels = m / MR;
        this.rowPanels = (m + MR - 1) / MR;
        this.columnPanels = (n + NR - 1) / NR;
        int packedPanels = transposeLeft ? rowPanels : rowPanels - fullRowPanels;
        this.packedA = new double[packedPanels * MR * k];
        this.edgeB = new double[n % NR == 0 ? 0 : NR * k];
    }

    @Override
    public void compute() {
        if (k == 0) {
            java.util.Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        packA();
        packEdgeB();
        for (int panel = 0; panel < columnPanels; panel++) {
            computeColumnPanel(panel);
        }
    }

    private void computeColumnPanel(int panel) {
        int j0 = panel * NR;
        int columns = Math.min(NR, n - j0);
        double[] bData;
        int bOffset;
        int bpStride;
        int bqStride;
        if (columns < NR) {
            bData = edgeB;
            bOffset = 0;
            bpStride = NR;
            bqStride = 1;
        } else if (transposeRight) {
            bData = b;
            bOffset = j0;
            bpStride = n;
            bqStride = 1;
        } else {
            bData = b;
            bOffset = j0 * k;
            bpStride = 1;
            bqStride = k;
        }
        for (int rowPanel = 0; rowPanel < rowPanels; rowPanel++) {
            int i0 = rowPanel * MR;
            int rows = Math.min(MR, m - i0);
            double[] aData;
            int aOffset;
            int aStride;
            if (transposeLeft) {
                aData = packedA;
                aOffset = rowPanel * MR * k;
                aStride = MR;
            } else if (rows < MR) {
                aData = packedA;
                aOffset = 0;
                aStride = MR;
            } else {
                aData = a;
                aOffset = i0;
                aStride = m;
            }
            if (rows == MR && columns == NR) {
                VectorMicroKernel.tile(aData, aOffset, aStride, bData, bOffset, bpStride, bqStride, k,
                        c, i0 + j0 * m, m);
            } else {
                VectorMicroKernel.tile(aData, aOffset, aStride, bData, bOffset, bpStride, bqStride, k,
                        edgeC, 0, MR);
                for (int q = 0; q < columns; q++) {
                    System.arraycopy(edgeC, q * MR, c, i0 + (j0 + q) * m, rows);
                }
            }
        }
    }

    /** TN: Aᵀ's row panels (A is k × m, so row i of Aᵀ is A's contiguous column i); NN, NT: A's last partial panel. */
    private void packA() {
        if (transposeLeft) {
            for (int panel = 0; panel < rowPanels; panel++) {
                int i0 = panel * MR;
                int rows = Math.min(MR, m - i0);
                int base = panel * MR * k;
                for (int r = 0; r < rows; r++) {
                    int from = (i0 + r) * k;
                    for (int p = 0; p < k; p++) {
                        packedA[base + r + p * MR] = a[from + p];
                    }
                }
            }
        } else if (fullRowPanels < rowPanels) {
            int i0 = fullRowPanels * MR;
            int rows = m - i0;
            for (int p = 0; p < k; p++) {
                System.arraycopy(a, i0 + p * m, packedA, p * MR, rows);
            }
        }
    }

    /** B's last partial column panel as k rows of NR values, the missing columns left at zero. */
    private void packEdgeB() {
        if (edgeB.length == 0) {
            return;
        }
        int j0 = (columnPanels - 1) * NR;
        int columns = n - j0;
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < columns; q++) {
                edgeB[p * NR + q] = transposeRight ? b[j0 + q + p * n] : b[p + (j0 + q) * k];
            }
        }
    }
}
