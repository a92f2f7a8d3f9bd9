package dev.regtrain.models;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.models.document.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/** Checks and standardises prediction inputs, and turns output activations into predictions. */
final class Inputs {

    private Inputs() {
    }

    /** Row-major standardised features; a row of the wrong width or a non-finite value is a 400 naming the row. */
    static double[] standardised(double[][] inputs, ModelMeta meta, int maxRows) {
        if (inputs == null || inputs.length == 0) {
            throw new InvalidRequestException("inputs", "needs at least one row");
        }
        if (inputs.length > maxRows) {
            throw new InvalidRequestException("inputs", "has " + inputs.length + " rows; at most " + maxRows
                    + " are allowed (limit regtrain.limits.max-prediction-rows)");
        }
        int width = meta.inputs();
        double[] mean = meta.standardization().mean();
        double[] std = meta.standardization().std();
        double[] features = new double[inputs.length * width];
        for (int i = 0; i < inputs.length; i++) {
            double[] row = inputs[i];
            if (row == null || row.length != width) {
                throw new InvalidRequestException("inputs[" + i + "]", "has " + (row == null ? 0 : row.length)
                        + " values; the model takes " + width);
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new InvalidRequestException("inputs[" + i + "][" + j + "]", "must be a finite number");
                }
                features[i * width + j] = (row[j] - mean[j]) / std[j];
            }
        }
        return features;
    }

    /**
     * The predictions for the output activations; a row whose outputs (or their spread) are not finite, because its
     * values are so large that they overflow the network, is a 400 naming the row.
     */
    static List<Prediction> predictions(double[] outputs, double[] std, int rows, NetworkSpec spec, ModelMeta meta) {
        int k = spec.outputs();
        for (int i = 0; i < rows * k; i++) {
            if (!Double.isFinite(outputs[i]) || (std != null && !Double.isFinite(std[i]))) {
                throw new InvalidRequestException("inputs[" + i / k + "]", "is too large for the model: its outputs "
                        + "are not finite numbers");
            }
        }
        List<Prediction> result = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            if (spec.output() == Output.LINEAR) {
                result.add(new Prediction(null, null, outputs[i * k], std == null ? null : new double[] {std[i * k]}));
            } else if (spec.output() == Output.SIGMOID) {
                double p = outputs[i];
                double[] spread = std == null ? null : new double[] {std[i], std[i]};
                result.add(new Prediction(meta.classes().get(p >= 0.5 ? 1 : 0), new double[] {1 - p, p}, null, spread));
            } else {
                double[] probabilities = new double[k];
                int best = 0;
                for (int c = 0; c < k; c++) {
                    probabilities[c] = outputs[i * k + c];
                    best = probabilities[c] > probabilities[best] ? c : best;
                }
                double[] spread = std == null ? null : java.util.Arrays.copyOfRange(std, i * k, i * k + k);
                result.add(new Prediction(meta.classes().get(best), probabilities, null, spread));
            }
        }
        return result;
    }
}
