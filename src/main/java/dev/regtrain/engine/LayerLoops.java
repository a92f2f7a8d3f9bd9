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
        int j = fromColumn;
        // four columns at a time: four chains of additions, each in the order of the loop below (the same bits),
        // that the core runs side by side instead of waiting for each addition of one chain
        for (; j + 4 <= toColumn; j += 4) {
            double sum0 = 0;
            double sum1 = 0;
            double sum2 = 0;
            double sum3 = 0;
            int offset0 = j * rows;
            int offset1 = offset0 + rows;
            int offset2 = offset1 + rows;
            int offset3 = offset2 + rows;
            for (int i = 0; i < rows; i++) {
                sum0 += values[offset0 + i];
                sum1 += values[offset1 + i];
                sum2 += values[offset2 + i];
                sum3 += values[offset3 + i];
            }
            sums[j] = sum0;
            sums[j + 1] = sum1;
            sums[j + 2] = sum2;
            sums[j + 3] = sum3;
        }
        for (; j < toColumn; j++) {
            double sum = 0;
            int offset = j * rows;
            for (int i = 0; i < rows; i++) {
                sum += values[offset + i];
            }
            sums[j] = sum;
        }
    }
}
