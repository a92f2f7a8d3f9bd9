package dev.regtrain.models.onnx;

import dev.regtrain.models.document.BatchNormDocument;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelLayer;

/**
 * An oracle independent of the engine and of the exporter: the model document's forward pass written out from
 * MATH.md and API.md, one row at a time: x̂ = (x − mean)/std; z = h·W + b, or for a batch-normalised layer
 * y = γ·(h·W − μ)/√(σ² + ε) + β; the activation; then sigmoid, softmax or identity.
 */
final class ReferenceForward {

    private ReferenceForward() {
    }

    /** The output layer's activations for one raw row (one value for a sigmoid output: p of the second class). */
    static double[] outputs(ModelDocument document, double[] raw) {
        double[] h = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            h[j] = (raw[j] - document.standardization().mean()[j]) / document.standardization().std()[j];
        }
        int count = document.layers().size();
        for (int l = 0; l < count; l++) {
            ModelLayer layer = document.layers().get(l);
            double[] z = new double[layer.units()];
            for (int j = 0; j < z.length; j++) {
                double sum = 0;
                for (int i = 0; i < h.length; i++) {
                    sum += h[i] * layer.weights()[i][j];
                }
                z[j] = layer.bias() == null ? sum : sum + layer.bias()[j];
                BatchNormDocument bn = layer.batchNorm();
                if (bn != null) {
                    z[j] = bn.gamma()[j] * (z[j] - bn.runningMean()[j]) / Math.sqrt(bn.runningVariance()[j]
                            + bn.epsilon()) + bn.beta()[j];
                }
            }
            h = activate(layer.activation(), z);
        }
        return h;
    }

    private static double[] activate(String activation, double[] z) {
        double[] a = new double[z.length];
        switch (activation) {
            case "softmax" -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int j = 0; j < z.length; j++) {
                    a[j] = Math.exp(z[j] - max);
                    sum += a[j];
                }
                for (int j = 0; j < z.length; j++) {
                    a[j] /= sum;
                }
            }
            default -> {
                for (int j = 0; j < z.length; j++) {
                    a[j] = switch (activation) {
                        case "relu" -> Math.max(0, z[j]);
                        case "leaky_relu" -> z[j] > 0 ? z[j] : 0.01 * z[j];
                        case "tanh" -> Math.tanh(z[j]);
                        case "sigmoid" -> 1 / (1 + Math.exp(-z[j]));
                        case "linear" -> z[j];
                        default -> throw new IllegalArgumentException(activation);
                    };
                }
            }
        }
        return a;
    }
}
