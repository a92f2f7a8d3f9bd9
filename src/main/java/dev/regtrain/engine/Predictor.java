package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.TaskRunner;
import java.util.function.BooleanSupplier;

/**
 * Inference with a trained network, in chunks. Plain prediction drops nothing and rescales nothing, so it is
 * deterministic; Monte-Carlo dropout keeps the training-time masks on and reports the mean and the standard
 * deviation over the passes.
 */
public final class Predictor {

    /** Means and standard deviations over Monte-Carlo passes, row-major rows × outputs. */
    public record Distribution(double[] mean, double[] std) {
    }

    /** Inference (prediction, validation) runs over the rows in chunks of at most this many, buffers reused. */
    public static final int CHUNK_ROWS = 512;

    private Predictor() {
    }

    /** The output activations for {@code rows} standardised feature rows (row-major); result is row-major. */
    public static double[] predict(Network network, double[] features, int rows, MatrixKernel kernel) {
        return predict(network, features, rows, kernel, () -> false);
    }

    /** As {@link #predict(Network, double[], int, MatrixKernel)}; throws {@link Stopped} when {@code stop} says so. */
    public static double[] predict(Network network, double[] features, int rows, MatrixKernel kernel,
                                   BooleanSupplier stop) {
        double[] result = new double[rows * network.spec().outputs()];
        Chunks chunks = chunks(network, features, rows, null, kernel);
        for (int c = 0; c < chunks.count(); c++) {
            stopIf(stop);
            Workspace<double[]> w = chunks.load(c);
            w.forward(null);
            copyOut(w, chunks.firstRow(c), result);
        }
        return result;
    }

    /**
     * The mean data loss (1/n)·Σℓ of the network on the examples in inference mode, without penalty, computed from
     * the logits as training computes it (finite for any output): an evaluation's loss.
     */
    public static double meanLoss(Network network, Examples data, MatrixKernel kernel) {
        return new Evaluator<>(NetworkValues.of(network), data, kernel, TaskRunner.SEQUENTIAL, 0, null).evaluate()
                .meanLoss();
    }

    /**
     * {@code samples} forward passes with dropout on (rates as in training); the mean and population std. {@code stop}
     * is asked before every chunk of every pass; when it says so the passes end with {@link Stopped}.
     */
    public static Distribution predictWithDropout(Network network, DropoutSpec dropout, double[] features, int rows,
                                                  int samples, Rng rng, MatrixKernel kernel, BooleanSupplier stop) {
        int outputs = network.spec().outputs();
        double[] sum = new double[rows * outputs];
        double[] sumOfSquares = new double[rows * outputs];
        double[] pass = new double[rows * outputs];
        Chunks chunks = chunks(network, features, rows, dropout.ratesByLayer(), kernel);
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < chunks.count(); c++) {
                stopIf(stop);
                Workspace<double[]> w = chunks.load(c);
                w.forward(rng);
                copyOut(w, chunks.firstRow(c), pass);
            }
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

    private static void stopIf(BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new Stopped();
        }
    }

    /** The rows as examples (targets unused) in chunks whose buffers every pass reuses. */
    private static Chunks<double[]> chunks(Network network, double[] features, int rows, double[] dropRates,
                                 MatrixKernel kernel) {
        NetworkSpec spec = network.spec();
        if (features.length != (long) rows * spec.inputs()) {
            throw new IllegalArgumentException("expected " + rows + " rows of " + spec.inputs() + " features");
        }
        Examples data = new Examples(features, new double[rows * spec.outputs()], rows, spec.inputs(), spec.outputs());
        return new Chunks<>(NetworkValues.of(network), data, dropRates, kernel, TaskRunner.SEQUENTIAL);
    }

    private static void copyOut(Workspace<double[]> w, int fromRow, double[] target) {
        w.arithmetic.copyRows(w.outputs(), w.rows, w.spec.outputs(), target, fromRow);
    }
}
