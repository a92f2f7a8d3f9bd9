package dev.regtrain.engine.kernel;

/**
 * Which columns of a column-major matrix hold a non-zero (the live units of a layer's output for one mini-batch:
 * a unit flat or dropped in every row gives a column of zeros), found once per batch and read by every product that
 * skips the other columns: the forward product that multiplies over them, the weight gradient's sparse path that
 * packs only their rows of op(A), and the backward product behind a relu layer that computes only their columns of
 * δ. Each of the three used to scan the same matrix itself; a product that no caller gives a list keeps one of its
 * own and fills it ({@code VectorLanes.findLiveColumns}).
 *
 * <p>Whoever writes the matrix marks its columns ({@link #mark}, from any number of threads, each on its own
 * columns), then {@link #collect()}s the list before the first product reads it; a product told to read a list
 * ({@link MatrixKernel.MatrixProduct#readLiveColumns}) trusts it and scans nothing, so a list that missed a live
 * column would lose that column's terms.
 */
public final class LiveColumns {

    private final boolean[] live;
    private final int[] list;
    private int count;

    /** For a matrix of {@code columns} columns, none of them marked yet. */
    public LiveColumns(int columns) {
        this.live = new boolean[columns];
        this.list = new int[columns];
    }

    /** Records whether column {@code column} holds a non-zero in this batch. */
    public void mark(int column, boolean holdsNonZero) {
        live[column] = holdsNonZero;
    }

    /** Lists the marked columns, in increasing order, for the products that read them. */
    public void collect() {
        int found = 0;
        for (int j = 0; j < live.length; j++) {
            list[found] = j;
            found += live[j] ? 1 : 0;
        }
        count = found;
    }

    /** How many columns the last {@link #collect()} listed. */
    public int count() {
        return count;
    }

    /**
     * The listed columns, {@code columns()[0..count())}, increasing; the array is this object's own, overwritten by
     * the next {@link #collect()}.
     */
    public int[] columns() {
        return list;
    }

    /** How many columns the matrix has. */
    public int width() {
        return live.length;
    }
}
