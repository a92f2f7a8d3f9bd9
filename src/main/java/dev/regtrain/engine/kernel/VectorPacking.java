package dev.regtrain.engine.kernel;

import static dev.regtrain.engine.kernel.VectorMicroKernel.MR;
import static dev.regtrain.engine.kernel.VectorMicroKernel.NARROW;
import static dev.regtrain.engine.kernel.VectorMicroKernel.WIDE;
import static dev.regtrain.engine.kernel.VectorMicroKernel.SPECIES;
import static dev.regtrain.engine.kernel.VectorMicroKernel.V;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * Copies operands into the panel layout of {@link VectorMicroKernel}: op(A) (m × k) as row panels of MR rows, each
 * stored p-major (element (r, p) of panel P at {@code P·MR·k + p·MR + r}; {@link VectorSparseColumns} reads panels
 * of its own height, laid out the same way), and op(B) (k × n) as column panels of NR
 * columns (the tile's width, 6 or 4), each stored p-major (element (p, q) of panel Q at {@code Q·NR·k + p·NR + q}). Rows and columns beyond the
 * matrix in the last panels are never written, so they stay at the zeros of the freshly allocated buffer.
 */
final class VectorPacking {

    // The zips of the four-column interleave (interleaveFour): lane i of the low half of a zip takes lane i / 2 of
    // one vector or the other (odd lanes from the second), and then the same for pairs of lanes.
    private static final VectorShuffle<Double> LANES_LOW = VectorShuffle.fromOp(SPECIES, i -> i / 2);
    private static final VectorShuffle<Double> LANES_HIGH = VectorShuffle.fromOp(SPECIES, i -> V / 2 + i / 2);
    private static final VectorShuffle<Double> PAIRS_LOW = VectorShuffle.fromOp(SPECIES, i -> i / 4 * 2 + i % 2);
    private static final VectorShuffle<Double> PAIRS_HIGH = VectorShuffle.fromOp(SPECIES,
            i -> V / 2 + i / 4 * 2 + i % 2);
    private static final VectorMask<Double> ODD_LANES = VectorMask.fromLong(SPECIES, 0xAAAAAAAAAAAAAAAAL);
    private static final VectorMask<Double> ODD_PAIRS = VectorMask.fromLong(SPECIES, 0xCCCCCCCCCCCCCCCCL);

    private VectorPacking() {
    }

    /**
     * Row panels {@code [from, to)} of op(A), each {@code height} rows (MR for the tiles, {@link
     * VectorSparseColumns#GROUP} for the sparse path; a multiple of the vector length): A is m × k column-major, or,
     * {@code transposed}, k × m column-major so that row i of op(A) = Aᵀ is A's contiguous column i.
     */
    static void rowPanels(double[] a, boolean transposed, int m, int k, int height, double[] packed, int from,
                          int to) {
        for (int panel = from; panel < to; panel++) {
            int i0 = panel * height;
            int rows = Math.min(height, m - i0);
            int base = panel * height * k;
            if (transposed) {
                // four rows at a time: each step of p writes four adjacent values, a quarter of the cache lines
                // that one row at a time touched (docs/performance.md)
                int r = 0;
                for (; r + 4 <= rows; r += 4) {
                    int c0 = (i0 + r) * k;
                    int c1 = c0 + k;
                    int c2 = c1 + k;
                    int c3 = c2 + k;
                    for (int p = 0, target = base + r; p < k; p++, target += height) {
                        packed[target] = a[c0 + p];
                        packed[target + 1] = a[c1 + p];
                        packed[target + 2] = a[c2 + p];
                        packed[target + 3] = a[c3 + p];
                    }
                }
                for (; r < rows; r++) {
                    int column = (i0 + r) * k;
                    for (int p = 0, target = base + r; p < k; p++, target += height) {
                        packed[target] = a[column + p];
                    }
                }
            } else if (rows == height) {
                for (int p = 0; p < k; p++) {
                    int source = i0 + p * m;
                    int target = base + p * height;
                    for (int v = 0; v < height; v += V) {
                        DoubleVector.fromArray(SPECIES, a, source + v).intoArray(packed, target + v);
                    }
                }
            } else {
                for (int p = 0; p < k; p++) {
                    System.arraycopy(a, i0 + p * m, packed, base + p * height, rows);
                }
            }
        }
    }

    /**
     * Row panels {@code [from, to)}, each {@code height} rows, of op(A) = Aᵀ (A k × m column-major, TN) restricted to
     * the rows {@code rows[0..count)}: packed row r is A's contiguous column {@code rows[r]}.
     */
    static void rowPanelsOfRows(double[] a, int k, int[] rows, int count, int height, double[] packed, int from,
                                int to) {
        for (int panel = from; panel < to; panel++) {
            int r0 = panel * height;
            int panelRows = Math.min(height, count - r0);
            int base = panel * height * k;
            for (int r = 0; r < panelRows; r++) {
                int column = rows[r0 + r] * k;
                for (int p = 0, target = base + r; p < k; p++, target += height) {
                    packed[target] = a[column + p];
                }
            }
        }
    }

    /**
     * Rows [p0, p1) of column panel {@code panel} of op(B) = Bᵀ (B n × k column-major, NT) restricted to the columns
     * {@code columns[0..count)}: packed column q is op(B)'s column {@code columns[q]}, B's row.
     */
    static void columnPanelOfColumns(double[] b, int k, int n, int nr, int[] columns, int count, double[] packed,
                                     int panel, int p0, int p1) {
        int q0 = panel * nr;
        int width = Math.min(nr, count - q0);
        int base = panel * nr * k;
        for (int q = 0; q < width; q++) {
            int row = columns[q0 + q];
            for (int p = p0, target = base + p0 * nr + q; p < p1; p++, target += nr) {
                packed[target] = b[row + p * n];
            }
        }
    }

    /**
     * Row panels {@code [from, to)} of A (m × k column-major, NN) restricted to the columns {@code columns[0..depth)}:
     * packed column p is A's column {@code columns[p]}, in panels of MR rows with {@code depth} values of p each.
     */
    static void rowPanelsOfColumns(double[] a, int m, int[] columns, int depth, double[] packed, int from, int to) {
        for (int panel = from; panel < to; panel++) {
            int i0 = panel * MR;
            int rows = Math.min(MR, m - i0);
            int base = panel * MR * depth;
            for (int p = 0, target = base; p < depth; p++, target += MR) {
                int source = i0 + columns[p] * m;
                if (rows == MR) {
                    DoubleVector.fromArray(SPECIES, a, source).intoArray(packed, target);
                    DoubleVector.fromArray(SPECIES, a, source + V).intoArray(packed, target + V);
                } else {
                    System.arraycopy(a, source, packed, target, rows);
                }
            }
        }
    }

    /**
     * Packed rows [p0, p1) of column panel {@code panel} of B (k × n column-major, NN) restricted to the rows
     * {@code rows[0..depth)}: packed row p is B's row {@code rows[p]}, in panels of {@code nr} columns with
     * {@code depth} rows each.
     */
    static void columnPanelOfRows(double[] b, int k, int n, int nr, int[] rows, int depth, double[] packed, int panel,
                                  int p0, int p1) {
        int j0 = panel * nr;
        int columns = Math.min(nr, n - j0);
        int base = panel * nr * depth;
        for (int q = 0; q < columns; q++) {
            int column = (j0 + q) * k;
            for (int p = p0, target = base + p0 * nr + q; p < p1; p++, target += nr) {
                packed[target] = b[column + rows[p]];
            }
        }
    }

    /**
     * Rows [p0, p1) of column panel {@code panel} of op(B), in panels of {@code nr} columns: B is k × n column-major,
     * or, {@code transposed}, n × k column-major so that row p of op(B) = Bᵀ is B's contiguous column p.
     */
    static void columnPanel(double[] b, boolean transposed, int k, int n, int nr, double[] packed, int panel, int p0,
                            int p1) {
        int j0 = panel * nr;
        int columns = Math.min(nr, n - j0);
        int base = panel * nr * k;
        int full = columns == nr ? nr : 0; // a full panel of either width takes its unrolled path, an edge the loops
        if (transposed && full == WIDE) {
            // six values per row of the panel: an arraycopy call each cost as much as the copying
            for (int p = p0, t = base + p0 * WIDE, source = j0 + p0 * n; p < p1; p++, t += WIDE, source += n) {
                packed[t] = b[source];
                packed[t + 1] = b[source + 1];
                packed[t + 2] = b[source + 2];
                packed[t + 3] = b[source + 3];
                packed[t + 4] = b[source + 4];
                packed[t + 5] = b[source + 5];
            }
        } else if (transposed && full == NARROW) {
            for (int p = p0, t = base + p0 * NARROW, source = j0 + p0 * n; p < p1; p++, t += NARROW, source += n) {
                packed[t] = b[source];
                packed[t + 1] = b[source + 1];
                packed[t + 2] = b[source + 2];
                packed[t + 3] = b[source + 3];
            }
        } else if (transposed) {
            for (int p = p0; p < p1; p++) {
                System.arraycopy(b, j0 + p * n, packed, base + p * nr, columns);
            }
        } else if (full == WIDE) {
            // one row of the panel per step, its six values from B's six columns; the target index steps as its own
            // variable (base + 6·p would keep a bounds check per value, see VectorMicroKernel)
            int b0 = j0 * k;
            int b1 = b0 + k;
            int b2 = b1 + k;
            int b3 = b2 + k;
            int b4 = b3 + k;
            int b5 = b4 + k;
            for (int p = p0, t = base + p0 * WIDE; p < p1; p++, t += WIDE) {
                packed[t] = b[b0 + p];
                packed[t + 1] = b[b1 + p];
                packed[t + 2] = b[b2 + p];
                packed[t + 3] = b[b3 + p];
                packed[t + 4] = b[b4 + p];
                packed[t + 5] = b[b5 + p];
            }
        } else if (full == NARROW) {
            int b0 = j0 * k;
            int b1 = b0 + k;
            int b2 = b1 + k;
            int b3 = b2 + k;
            int p = V >= 4 ? interleaveFour(b, b0, k, packed, base, p0, p1) : p0;
            for (int t = base + p * NARROW; p < p1; p++, t += NARROW) {
                packed[t] = b[b0 + p];
                packed[t + 1] = b[b1 + p];
                packed[t + 2] = b[b2 + p];
                packed[t + 3] = b[b3 + p];
            }
        } else {
            for (int q = 0; q < columns; q++) {
                int column = (j0 + q) * k;
                for (int p = p0; p < p1; p++) {
                    packed[base + p * nr + q] = b[column + p];
                }
            }
        }
    }

    /**
     * Rows [p0, …) of a narrow column panel from B's four columns at {@code b0}, {@code b0 + k}, {@code b0 + 2k} and
     * {@code b0 + 3k}, V rows at a time: four vector loads, two rounds of zips (lanes, then pairs of lanes), four
     * vector stores, instead of one scalar load and store per value (2 to 4 times faster, docs/performance.md).
     * Returns the first row it left to the caller's loop. Needs V ≥ 4.
     */
    private static int interleaveFour(double[] b, int b0, int k, double[] packed, int base, int p0, int p1) {
        int p = p0;
        for (int t = base + p0 * NARROW; p + V <= p1; p += V, t += NARROW * V) {
            DoubleVector first = DoubleVector.fromArray(SPECIES, b, b0 + p);
            DoubleVector second = DoubleVector.fromArray(SPECIES, b, b0 + k + p);
            DoubleVector third = DoubleVector.fromArray(SPECIES, b, b0 + 2 * k + p);
            DoubleVector fourth = DoubleVector.fromArray(SPECIES, b, b0 + 3 * k + p);
            // written out, not through a helper: a zip compiled apart from this loop boxes its vectors (a gigabyte a
            // second of garbage in the runs where C2 did not inline it)
            DoubleVector lowLanes = first.rearrange(LANES_LOW).blend(second.rearrange(LANES_LOW), ODD_LANES);
            DoubleVector highLanes = first.rearrange(LANES_HIGH).blend(second.rearrange(LANES_HIGH), ODD_LANES);
            DoubleVector lowLanes2 = third.rearrange(LANES_LOW).blend(fourth.rearrange(LANES_LOW), ODD_LANES);
            DoubleVector highLanes2 = third.rearrange(LANES_HIGH).blend(fourth.rearrange(LANES_HIGH), ODD_LANES);
            lowLanes.rearrange(PAIRS_LOW).blend(lowLanes2.rearrange(PAIRS_LOW), ODD_PAIRS).intoArray(packed, t);
            lowLanes.rearrange(PAIRS_HIGH).blend(lowLanes2.rearrange(PAIRS_HIGH), ODD_PAIRS)
                    .intoArray(packed, t + V);
            highLanes.rearrange(PAIRS_LOW).blend(highLanes2.rearrange(PAIRS_LOW), ODD_PAIRS)
                    .intoArray(packed, t + 2 * V);
            highLanes.rearrange(PAIRS_HIGH).blend(highLanes2.rearrange(PAIRS_HIGH), ODD_PAIRS)
                    .intoArray(packed, t + 3 * V);
        }
        return p;
    }
}
