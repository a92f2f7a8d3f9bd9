package dev.regtrain.engine;

/**
 * Inference with a trained network, in chunks. Plain prediction drops nothing and rescales nothing, so it is
 * deterministic; Monte-Carlo dropout keeps the training-time masks on and reports the mean and the standard
 * deviation over the passes.
 */
public final class Predictor {

    /** Means and standard deviations over Monte-Carlo passes, row-major rows × outputs. */
    public record Distribution(double[] mean, double[] std) {
    }

    private static final int CHUNK_ROWS = 512;

    private Predictor() {
    }

    /** The output activations for {@code rows} standardised feature rows (row-major); result is row-major. */
    public static double[] predict(Network network, double[] features, int rows, MatrixKernel kernel) {
        double[] result = new double[rows * network.spec().outputs()];
        forEachChunk(network, features, rows, kernel, null, null, (w, from) -> {
            w.forward(null);
            copyOut(w, from, result);
        });
        return result;
    }

    /** {@code samples} forward passes with dropout on (rates as in training); the mean and population std. */
    public static Distribution predictWithDropout(Network network, DropoutSpec dropout, double[] features, int rows,
                                                  int samples, Rng rng, MatrixKernel kernel) {
        int outputs = network.spec().outputs();
        double[] sum = new double[rows * outputs];
        double[] sumOfSquares = new double[rows * outputs];
        double[] pass = new double[rows * outputs];
        for (int s = 0; s < samples; s++) {
            forEachChunk(network, features, rows, kernel, dropout.ratesByLayer(), rng, (w, from) -> {
                w.forward(rng);
                copyOut(w, from, pass);
            });
            for (int i = 0; i < pass.length; i++) {
                sum[i] += pass[i];
                sumOfSquares[i] += pass[i] * pass[i];
            }
        }
        double[] std = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= samples;
            std[i] = Math.sqrt(Math.max(0.0, sumOfSquares[i] / samples - sum[i] * sum[i]));
        }
        return new Distribution(sum, std);
    }

    private interface ChunkAction {
        void run(Workspace workspace, int fromRow);
    }

    private static void forEachChunk(Network network, double[] features, int rows, MatrixKernel kernel,
                                     double[] dropRates, Rng rng, ChunkAction action) {
        NetworkSpec spec = network.spec();
        if (features.length != (long) rows * spec.inputs()) {
            throw new IllegalArgumentException("expected " + rows + " rows of " + spec.inputs() + " features");
        }
        Examples data = new Examples(features, new double[rows * spec.outputs()], rows, spec.inputs(), spec.outputs());
        Workspace full = null;
        for (int from = 0; from < rows; from += CHUNK_ROWS) {
            int size = Math.min(CHUNK_ROWS, rows - from);
            Workspace w;
            if (size == CHUNK_ROWS) {
                full = full != null ? full : new Workspace(network, size, dropRates, null, kernel);
                w = full;
            } else {
                w = new Workspace(network, size, dropRates, null, kernel);
            }
            w.gather(data, null, from);
            action.run(w, from);
        }
    }

    private static void copyOut(Workspace w, int fromRow, double[] target) {
        double[] a = w.outputs();
        int outputs = a.length / w.rows;
        for (int i = 0; i < w.rows; i++) {
            for (int k = 0; k < outputs; k++) {
                target[(fromRow + i) * outputs + k] = a[i + k * w.rows];
            }
        }
    }
}
