package dev.regtrain.engine.kernel;

/**
 * What {@link BlockedMultiply} and {@link VectorSparseProduct} need of an element type: the tile and group geometry of
 * its vectors and the loops that touch its arrays {@code A} ({@code double[]} or {@code float[]}), so that the
 * blocking, the split into parts and the choice of sparse or dense path are written once. {@link #DOUBLE} runs
 * {@link VectorMicroKernel}, {@link VectorPacking} and {@link VectorSparseColumns} on {@code DoubleVector}, {@link
 * #FLOAT} their single-precision twins on {@code FloatVector}, with twice the lanes per vector. Each element of a
 * product is one chain of fused multiply-adds in either: float results are as deterministic as double ones.
 *
 * <p>The twins (FloatLanes, FloatMicroKernel, FloatPacking, FloatSparseColumns) are not written by hand: the build
 * generates them from {@link DoubleLanes} and the three Vector… classes, reading {@code double} as {@code float} and
 * {@code Double} as {@code Float} (pom.xml, the antrun execution {@code float-twins}, into
 * {@code target/generated-sources/float-twins}; the engine's DoubleGather goes the same way). Those files are
 * therefore written so that the substitution gives correct single-precision code: no double literals (a typed
 * constant or an integer instead), no counts of rows that hold for one precision only.
 */
abstract class VectorLanes<A> {

    static final VectorLanes<double[]> DOUBLE = new DoubleLanes();
    static final VectorLanes<float[]> FLOAT = new FloatLanes();

    /** The rows of a register tile: two vectors. */
    abstract int tileRows();

    /** The rows of a packed group of the sparse path. */
    abstract int groupRows();

    /** Zeros, only ever read: the start of the first depth block's chains (at least a tile or a group long). */
    abstract A zeros();

    abstract A allocate(int length);

    abstract void fillZeros(A values, int from, int to);

    abstract void tile(int columns, A a, int aOffset, A b, int bOffset, int depth, A s, int sOffset, int sStride,
                       A c, int cOffset, int cStride);

    abstract void rowPanels(A a, boolean transposed, int m, int k, int height, A packed, int from, int to);

    abstract void rowPanelsOfRows(A a, int k, int[] rows, int count, int height, A packed, int from, int to);

    abstract void columnPanelOfColumns(A b, int k, int n, int nr, int[] columns, int count, A packed, int panel,
                                       int p0, int p1);

    abstract void rowPanelsOfColumns(A a, int m, int[] columns, int depth, A packed, int from, int to);

    abstract void columnPanelOfRows(A b, int k, int n, int nr, int[] rows, int depth, A packed, int panel, int p0,
                                    int p1);

    abstract void columnPanel(A b, boolean transposed, int k, int n, int nr, A packed, int panel, int p0, int p1);

    abstract int compact(A b, int k, int column, int p0, int p1, int[] index, A value);

    abstract long countNonZero(A a, int from, int to);

    abstract boolean anyNonZero(A a, int from, int to);

    /**
     * Marks and collects in {@code list} the columns of {@code a} (rows × list.width(), column-major) that hold a
     * value other than ±0: the live columns of an NN product's A, or the live rows of a TN product's op(A), when no
     * caller keeps that list.
     */
    final void findLiveColumns(A a, int rows, LiveColumns list) {
        for (int j = 0; j < list.width(); j++) {
            list.mark(j, anyNonZero(a, j * rows, (j + 1) * rows));
        }
        list.collect();
    }

    abstract void sparseColumn(A a, int groupOffset, int[] index, A value, int from, int to, A s, int sOffset, A c,
                               int cOffset);

    /** edge[r] = c[offset + rows[r0 + r]] for r in [0, count). */
    abstract void gatherRows(A c, int offset, int[] rows, int r0, int count, A edge);

    /** c[offset + rows[r0 + r]] = edge[r] for r in [0, count). */
    abstract void scatterRows(A edge, int[] rows, int r0, int count, A c, int offset);
}
