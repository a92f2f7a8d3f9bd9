package dev.regtrain.engine.kernel;

import java.util.Arrays;

/** {@link VectorLanes} of single precision: {@link FloatMicroKernel}, {@link FloatPacking}, {@link FloatSparseColumns}. */
final class FloatLanes extends VectorLanes<float[]> {

    private static final float[] ZEROS = new float[Math.max(FloatMicroKernel.MR * VectorMicroKernel.WIDE,
            FloatSparseColumns.GROUP)];

    @Override
    int tileRows() {
        return FloatMicroKernel.MR;
    }

    @Override
    int groupRows() {
        return FloatSparseColumns.GROUP;
    }

    @Override
    float[] zeros() {
        return ZEROS;
    }

    @Override
    float[] allocate(int length) {
        return new float[length];
    }

    @Override
    void fillZeros(float[] values, int from, int to) {
        Arrays.fill(values, from, to, 0.0f);
    }

    @Override
    void tile(int columns, float[] a, int aOffset, float[] b, int bOffset, int depth, float[] s, int sOffset,
              int sStride, float[] c, int cOffset, int cStride) {
        FloatMicroKernel.tile(columns, a, aOffset, b, bOffset, depth, s, sOffset, sStride, c, cOffset, cStride);
    }

    @Override
    void rowPanels(float[] a, boolean transposed, int m, int k, int height, float[] packed, int from, int to) {
        FloatPacking.rowPanels(a, transposed, m, k, height, packed, from, to);
    }

    @Override
    void rowPanelsOfRows(float[] a, int k, int[] rows, int count, int height, float[] packed, int from, int to) {
        FloatPacking.rowPanelsOfRows(a, k, rows, count, height, packed, from, to);
    }

    @Override
    void columnPanelOfColumns(float[] b, int k, int n, int nr, int[] columns, int count, float[] packed, int panel,
                              int p0, int p1) {
        FloatPacking.columnPanelOfColumns(b, k, n, nr, columns, count, packed, panel, p0, p1);
    }

    @Override
    void rowPanelsOfColumns(float[] a, int m, int[] columns, int depth, float[] packed, int from, int to) {
        FloatPacking.rowPanelsOfColumns(a, m, columns, depth, packed, from, to);
    }

    @Override
    void columnPanelOfRows(float[] b, int k, int n, int nr, int[] rows, int depth, float[] packed, int panel,
                           int p0, int p1) {
        FloatPacking.columnPanelOfRows(b, k, n, nr, rows, depth, packed, panel, p0, p1);
    }

    @Override
    void columnPanel(float[] b, boolean transposed, int k, int n, int nr, float[] packed, int panel, int p0,
                     int p1) {
        FloatPacking.columnPanel(b, transposed, k, n, nr, packed, panel, p0, p1);
    }

    @Override
    int compact(float[] b, int k, int column, int p0, int p1, int[] index, float[] value) {
        return FloatSparseColumns.compact(b, k, column, p0, p1, index, value);
    }

    @Override
    long countNonZero(float[] a, int from, int to) {
        return FloatSparseColumns.countNonZero(a, from, to);
    }

    @Override
    boolean anyNonZero(float[] a, int from, int to) {
        return FloatSparseColumns.anyNonZero(a, from, to);
    }

    @Override
    void sparseColumn(float[] a, int groupOffset, int[] index, float[] value, int from, int to, float[] s,
                      int sOffset, float[] c, int cOffset) {
        FloatSparseColumns.column(a, groupOffset, index, value, from, to, s, sOffset, c, cOffset);
    }

    @Override
    void gatherRows(float[] c, int offset, int[] rows, int r0, int count, float[] edge) {
        for (int r = 0; r < count; r++) {
            edge[r] = c[offset + rows[r0 + r]];
        }
    }

    @Override
    void scatterRows(float[] edge, int[] rows, int r0, int count, float[] c, int offset) {
        for (int r = 0; r < count; r++) {
            c[offset + rows[r0 + r]] = edge[r];
        }
    }
}
