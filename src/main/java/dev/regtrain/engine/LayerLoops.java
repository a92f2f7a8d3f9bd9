package dev.regtrain.engine;

/**
 * The element-wise loops of a forward and backward pass over column-major rows × units buffers, each over a range
 * (of columns or of elements) so that a {@link Workspace} can split a layer among the threads of a {@link TaskRunner}.
 * Every element gets the same arithmetic whichever range it falls in.
 */
final class LayerLoops {

    private LayerLoops() {
    }

    /** z[i, j] += b[j] for the columns [fromColumn, toColumn). */
    static void addBias(double[] z, double[] bias, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            double b = bias[j];
            int offset = j * rows;
            for (int i = 0; i < rows; i++) {
                z[offset + i] += b;
            }
        }
    }

    /** δ[i] ·= M[i] (the dropout scales, when there are any), then δ[i] ·= g'(z[i]), for the elements [from, to). */
    static void throughDropoutAndActivation(double[] delta, double[] scales, Activation activation,
                                            double[] output, int from, int to) {
        if (scales != null) {
            for (int i = from; i < to; i++) {
                delta[i] *= scales[i];
            }
        }
        activation.multiplyByDerivative(delta, output, from, to);
    }

    /** Whether values[from, to) holds anything but ±0 (a NaN counts); stops at the first that does. */
    static boolean anyNonZero(double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (values[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether values[from, to) holds a value above 0; stops at the first that does. */
    static boolean anyPositive(double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (values[i] > 0) {
                return true;
            }
        }
        return false;
    }

    /** sums[j] = Σᵢ values[i, j] for the columns [fromColumn, toColumn), each summed in row order. */
    static void columnSums(double[] values, double[] sums, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            double sum = 0;
            int offset = j * rows;
            for (int i = 0; i < rows; i++) {
                sum += values[offset + i];
            }
            sums[j] = sum;
        }
    }

    /**
     * Rows [fromRow, toRow) of the examples {@code order[from..]} (row-major, {@code width} values each) into the
     * column-major buffer, a transposition. Eight rows at a time, so that each column's eight values fill one cache
     * line of the target at once: writing row by row, 1 KB apart for 128 rows, kept hundreds of lines open that all
     * fell into a few cache sets, and took 2.4 times as long as copying the rows.
     */
    static void gather(double[] target, int rows, double[] source, int width, int[] order, int from, int fromRow,
                       int toRow) {
        int i0 = fromRow;
        for (; i0 + 8 <= toRow; i0 += 8) {
            int o0 = sourceOffset(order, from + i0, width);
            int o1 = sourceOffset(order, from + i0 + 1, width);
            int o2 = sourceOffset(order, from + i0 + 2, width);
            int o3 = sourceOffset(order, from + i0 + 3, width);
            int o4 = sourceOffset(order, from + i0 + 4, width);
            int o5 = sourceOffset(order, from + i0 + 5, width);
            int o6 = sourceOffset(order, from + i0 + 6, width);
            int o7 = sourceOffset(order, from + i0 + 7, width);
            for (int j = 0; j < width; j++) {
                int t = i0 + j * rows;
                target[t] = source[o0 + j];
                target[t + 1] = source[o1 + j];
                target[t + 2] = source[o2 + j];
                target[t + 3] = source[o3 + j];
                target[t + 4] = source[o4 + j];
                target[t + 5] = source[o5 + j];
                target[t + 6] = source[o6 + j];
                target[t + 7] = source[o7 + j];
            }
        }
        for (int i = i0; i < toRow; i++) {
            int offset = sourceOffset(order, from + i, width);
            for (int j = 0; j < width; j++) {
                target[i + j * rows] = source[offset + j];
            }
        }
    }

    private static int sourceOffset(int[] order, int row, int width) {
        return (order == null ? row : order[row]) * width;
    }
}
