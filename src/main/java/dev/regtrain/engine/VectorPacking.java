package dev.regtrain.engine;

import static dev.regtrain.engine.VectorMicroKernel.MR;
import static dev.regtrain.engine.VectorMicroKernel.NR;
import static dev.regtrain.engine.VectorMicroKernel.SPECIES;
import static dev.regtrain.engine.VectorMicroKernel.V;

import jdk.incubator.vector.DoubleVector;

/**
 * Copies operands into the panel layout of {@link VectorMicroKernel}: op(A) (m × k) as row panels of MR rows, each
 * stored p-major (element (r, p) of panel P at {@code P·MR·k + p·MR + r}), and op(B) (k × n) as column panels of NR
 * columns, each stored p-major (element (p, q) of panel Q at {@code Q·NR·k + p·NR + q}). Rows and columns beyond the
 * matrix in the last panels are never written, so they stay at the zeros of the freshly allocated buffer.
 */
final class VectorPacking {

    private VectorPacking() {
    }

    /**
     * Row panels {@code [from, to)} of op(A): A is m × k column-major, or, {@code transposed}, k × m column-major so
     * that row i of op(A) = Aᵀ is A's contiguous column i.
     */
    static void rowPanels(double[] a, boolean transposed, int m, int k, double[] packed, int from, int to) {
        for (int panel = from; panel < to; panel++) {
            int i0 = panel * MR;
            int rows = Math.min(MR, m - i0);
            int base = panel * MR * k;
            if (transposed) {
                for (int r = 0; r < rows; r++) {
                    int column = (i0 + r) * k;
                    for (int p = 0; p < k; p++) {
                        packed[base + p * MR + r] = a[column + p];
                    }
                }
            } else if (rows == MR) {
                for (int p = 0; p < k; p++) {
                    int source = i0 + p * m;
                    int target = base + p * MR;
                    DoubleVector.fromArray(SPECIES, a, source).intoArray(packed, target);
                    DoubleVector.fromArray(SPECIES, a, source + V).intoArray(packed, target + V);
                }
            } else {
                for (int p = 0; p < k; p++) {
                    System.arraycopy(a, i0 + p * m, packed, base + p * MR, rows);
                }
            }
        }
    }

    /**
     * Column panel {@code panel} of op(B): B is k × n column-major, or, {@code transposed}, n × k column-major so that
     * row p of op(B) = Bᵀ is B's contiguous column p.
     */
    static void columnPanel(double[] b, boolean transposed, int k, int n, double[] packed, int panel) {
        int j0 = panel * NR;
        int columns = Math.min(NR, n - j0);
        int base = panel * NR * k;
        if (transposed) {
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, j0 + p * n, packed, base + p * NR, columns);
            }
        } else {
            for (int q = 0; q < columns; q++) {
                int column = (j0 + q) * k;
                for (int p = 0; p < k; p++) {
                    packed[base + p * NR + q] = b[column + p];
                }
            }
        }
    }
}
