package dev.regtrain.engine;

/** Counts over a pass's outputs a and targets y (column-major rows × units): correct predictions, squared error. */
final class Scores {

    private Scores() {
    }

    /** Number of rows whose predicted class matches the target's (argmax, or a ≥ ½ for one sigmoid unit). */
    static int correctCount(double[] a, double[] y, int rows, int units) {
        int correct = 0;
        for (int i = 0; i < rows; i++) {
            if (units == 1) {
                correct += (a[i] >= 0.5) == (y[i] >= 0.5) ? 1 : 0;
            } else {
                correct += argmax(a, i, rows, units) == argmax(y, i, rows, units) ? 1 : 0;
            }
        }
        return correct;
    }

    private static int argmax(double[] values, int row, int rows, int units) {
        int best = 0;
        for (int k = 1; k < units; k++) {
            if (values[row + k * rows] > values[row + best * rows]) {
                best = k;
            }
        }
        return best;
    }

    /** Σ over rows and outputs of (a − y)². */
    static double squaredErrorSum(double[] a, double[] y) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - y[i];
            sum += e * e;
        }
        return sum;
    }
}
