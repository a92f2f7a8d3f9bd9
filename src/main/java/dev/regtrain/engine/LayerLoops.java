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
}
