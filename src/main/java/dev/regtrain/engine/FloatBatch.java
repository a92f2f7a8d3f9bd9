package dev.regtrain.engine;

import dev.regtrain.engine.kernel.ElementLoops;

/** The loops of a mini-batch's buffers in single precision, the twins of {@link LayerLoops}' and {@link Scores}'. */
final class FloatBatch {

    private FloatBatch() {
    }

    /** The batch's targets, held in double, into the column-major float buffer, one row at a time (a few columns). */
    static void gatherTargets(float[] target, int rows, double[] source, int width, int[] order, int from) {
        for (int i = 0; i < rows; i++) {
            int offset = FloatGather.sourceOffset(order, from + i, width);
            for (int j = 0; j < width; j++) {
                target[i + j * rows] = (float) source[offset + j];
            }
        }
    }

    static void addBias(float[] z, float[] bias, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            float b = bias[j];
            int offset = j * rows;
            for (int i = 0; i < rows; i++) {
                z[offset + i] += b;
            }
        }
    }

    /** sums[j] = Σᵢ values[i, j], accumulated in double ({@link ElementLoops#sum}: 32 running sums). */
    static void columnSums(float[] values, float[] sums, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            sums[j] = (float) ElementLoops.sum(values, j * rows, (j + 1) * rows);
        }
    }

    static void outputDelta(float[] a, float[] y, float[] d, double[] rowWeights, int rows) {
        double inverseRows = 1.0 / rows;
        if (rowWeights == null) {
            float scale = (float) inverseRows;
            for (int i = 0; i < d.length; i++) {
                d[i] = (a[i] - y[i]) * scale;
            }
        } else {
            for (int i = 0; i < d.length; i++) {
                d[i] = (a[i] - y[i]) * (float) (rowWeights[i % rows] * inverseRows);
            }
        }
    }

    static int correctCount(float[] a, float[] y, int rows, int units) {
        int correct = 0;
        for (int i = 0; i < rows; i++) {
            if (units == 1) {
                correct += (a[i] >= 0.5f) == (y[i] >= 0.5f) ? 1 : 0;
            } else {
                correct += argmax(a, i, rows, units) == argmax(y, i, rows, units) ? 1 : 0;
            }
        }
        return correct;
    }

    private static int argmax(float[] values, int row, int rows, int units) {
        int best = 0;
        for (int k = 1; k < units; k++) {
            if (values[row + k * rows] > values[row + best * rows]) {
                best = k;
            }
        }
        return best;
    }

    /** Σ (a − y)², each difference taken in double. */
    static double squaredErrorSum(float[] a, float[] y) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double e = (double) a[i] - y[i];
            sum += e * e;
        }
        return sum;
    }

    /** The column-major buffer's rows, widened, into {@code target} (row-major) from row {@code fromRow} on. */
    static void copyRows(float[] values, int rows, int units, double[] target, int fromRow) {
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < units; k++) {
                target[(fromRow + i) * units + k] = values[i + k * rows];
            }
        }
    }
}
