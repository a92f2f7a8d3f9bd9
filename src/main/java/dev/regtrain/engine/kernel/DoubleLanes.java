package dev.regtrain.engine.kernel;

import java.util.Arrays;

/** {@link VectorLanes} of double precision: the kernel's {@code DoubleVector} loops. */
final class DoubleLanes extends VectorLanes<double[]> {

    private static final double[] ZEROS = new double[Math.max(VectorMicroKernel.MR * VectorMicroKernel.WIDE,
            VectorSparseColumns.GROUP)];

    @Override
    int tileRows() {
        return VectorMicroKernel.MR;
    }

    @Override
    int groupRows() {
        return VectorSparseColumns.GROUP;
    }

    @Override
    double[] zeros() {
        return ZEROS;
    }

    @Override
    double[] allocate(int length) {
        return new double[length];
    }

    @Override
    void fillZeros(double[] values, int from, int to) {
        Arrays.fill(values, from, to, 0);
    }

    @Override
    void tile(int columns, double[] a, int aOffset, double[] b, int bOffset, int depth, double[] s, int sOffset,
              int sStride, double[] c, int cOffset, int cStride) {
        VectorMicroKernel.tile(columns, a, aOffset, b, bOffset, depth, s, sOffset, sStride, c, cOffset, cStride);
    }

    @Override
    void rowPanels(double[] a, boolean transposed, int m, int k, int height, double[] packed, int from, int to) {
        VectorPacking.rowPanels(a, transposed, m, k, height, packed, from, to);
    }

    @Override
    void rowPanelsOfRows(double[] a, int k, int[] rows, int count, int height, double[] packed, int from, int to) {
        VectorPacking.rowPanelsOfRows(a, k, rows, count, height, packed, from, to);
    }

    @Override
    void columnPanelOfColumns(double[] b, int k, int n, int nr, int[] columns, int count, double[] packed, int panel,
                              int p0, int p1) {
        VectorPacking.columnPanelOfColumns(b, k, n, nr, columns, count, packed, panel, p0, p1);
    }

    @Override
    void rowPanelsOfColumns(double[] a, int m, int[] columns, int depth, double[] packed, int from, int to) {
        VectorPacking.rowPanelsOfColumns(a, m, columns, depth, packed, from, to);
    }

    @Override
    void columnPanelOfRows(double[] b, int k, int n, int nr, int[] rows, int depth, double[] packed, int panel,
                           int p0, int p1) {
        VectorPacking.columnPanelOfRows(b, k, n, nr, rows, depth, packed, panel, p0, p1);
    }

    @Override
    void columnPanel(double[] b, boolean transposed, int k, int n, int nr, double[] packed, int panel, int p0,
                     int p1) {
        VectorPacking.columnPanel(b, transposed, k, n, nr, packed, panel, p0, p1);
    }

    @Override
    int compact(double[] b, int k, int column, int p0, int p1, int[] index, double[] value) {
        return VectorSparseColumns.compact(b, k, column, p0, p1, index, value);
    }

    @Override
    long countNonZero(double[] a, int from, int to) {
        return VectorSparseColumns.countNonZero(a, from, to);
    }

    @Override
    boolean anyNonZero(double[] a, int from, int to) {
        return VectorSparseColumns.anyNonZero(a, from, to);
    }

    @Override
    void sparseColumn(double[] a, int groupOffset, int[] index, double[] value, int from, int to, double[] s,
                      int sOffset, double[] c, int cOffset) {
        VectorSparseColumns.column(a, groupOffset, index, value, from, to, s, sOffset, c, cOffset);
    }

    @Override
    void gatherRows(double[] c, int offset, int[] rows, int r0, int count, double[] edge) {
        for (int r = 0; r < count; r++) {
            edge[r] = c[offset + rows[r0 + r]];
        }
    }

    @Override
    void scatterRows(double[] edge, int[] rows, int r0, int count, double[] c, int offset) {
        for (int r = 0; r < count; r++) {
            c[offset + rows[r0 + r]] = edge[r];
        }
    }
}
