package dev.regtrain.models.onnx;

import dev.regtrain.engine.Precision;

import dev.regtrain.engine.Activation;
import dev.regtrain.engine.Output;
import dev.regtrain.models.document.BatchNormDocument;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelLayer;
import dev.regtrain.models.onnx.OnnxProto.Attribute;
import java.util.List;
import java.util.Locale;

/**
 * Writes a model document as an ONNX model that takes the raw features ({@code features} [N, n]) and gives
 * {@code probabilities} [N, K] and {@code label} [N] (an index into the classes) for a classification, or
 * {@code value} [N, K] for a regression. Standardisation, each layer's product, bias, batch normalisation
 * (inference form) and activation, and the output function are nodes of the graph; dropout, which inference does
 * not apply, is not. The graph computes what the service computes, in the order it computes it.
 *
 * <p>In float64 every operation is exact IEEE double arithmetic. Two ONNX operators take a float32 attribute
 * (LeakyRelu's alpha, BatchNormalization's epsilon), which would round 0.01 or ε; a float64 export writes them as
 * arithmetic on float64 constants instead, so that any runtime gives the service's predictions to rounding.
 */
public final class OnnxExport {

    private OnnxExport() {
    }

    /** The ONNX protobuf bytes of the document; a document of inconsistent shapes is an IllegalArgumentException. */
    public static byte[] write(ModelDocument document, Precision precision) {
        DocumentChecks.check(document);
        OnnxGraph g = new OnnxGraph(precision);
        g.input("features", document.inputs());
        String h = g.node("Div", "standardized",
                g.node("Sub", "centered", "features", g.constant("standardization.mean",
                        document.standardization().mean(), document.inputs())),
                g.constant("standardization.std", document.standardization().std(), document.inputs()));
        List<ModelLayer> layers = document.layers();
        for (int l = 1; l <= layers.size(); l++) {
            ModelLayer layer = layers.get(l - 1);
            String z = linear(g, "layer" + l, h, layer);
            h = l < layers.size() ? hidden(g, "layer" + l, z, activation(layer)) : z;
        }
        ModelLayer last = layers.get(layers.size() - 1);
        Output output = output(last);
        switch (output) {
            case SOFTMAX -> softmax(g, h, last.units());
            case SIGMOID -> sigmoid(g, h);
            case LINEAR -> {
                g.node("Identity", "value", h);
                g.output("value", last.units());
            }
        }
        return g.model("regtrain", OnnxMetadata.description(document, output, precision),
                OnnxMetadata.producerVersion(document), OnnxMetadata.properties(document, precision));
    }

    /**
     * z = h·W + b, or with batch normalisation γ·(h·W − μ)/√(σ² + ε) + β. The product is a Gemm (alpha = beta = 1),
     * not a MatMul: ONNX Runtime's extended optimisations fold a division by a one-element constant into a
     * following MatMul's float32 alpha, which would round a one-feature model's 1/std in a float64 export.
     */
    private static String linear(OnnxGraph g, String name, String h, ModelLayer layer) {
        int in = layer.inputs();
        int out = layer.units();
        double[] w = new double[in * out];
        for (int i = 0; i < in; i++) {
            System.arraycopy(layer.weights()[i], 0, w, i * out, out);
        }
        String weights = g.constant(name + ".weights", w, in, out);
        String z = layer.bias() == null ? g.node("Gemm", name + ".z", h, weights)
                : g.node("Gemm", name + ".z", h, weights, g.constant(name + ".bias", layer.bias(), out));
        return layer.batchNorm() == null ? z : batchNorm(g, name + ".batchNorm", z, layer.batchNorm(), out);
    }

    private static String batchNorm(OnnxGraph g, String name, String z, BatchNormDocument bn, int units) {
        String gamma = g.constant(name + ".gamma", bn.gamma(), units);
        String beta = g.constant(name + ".beta", bn.beta(), units);
        String mean = g.constant(name + ".runningMean", bn.runningMean(), units);
        String variance = g.constant(name + ".runningVariance", bn.runningVariance(), units);
        if (g.precision() == Precision.FLOAT32) {
            return g.node("BatchNormalization", name, List.of(Attribute.ofFloat("epsilon",
                    bn.epsilon().floatValue())), z, gamma, beta, mean, variance);
        }
        String deviation = g.node("Sqrt", name + ".std",
                g.node("Add", name + ".variancePlusEpsilon", variance, g.scalar(name + ".epsilon", bn.epsilon())));
        String scaled = g.node("Mul", name + ".scaled", gamma, g.node("Sub", name + ".centered", z, mean));
        return g.node("Add", name, g.node("Div", name + ".normalized", scaled, deviation), beta);
    }

    private static String hidden(OnnxGraph g, String name, String z, Activation activation) {
        String a = name + ".activation";
        return switch (activation) {
            case RELU -> g.node("Relu", a, z);
            case TANH -> g.node("Tanh", a, z);
            case SIGMOID -> g.node("Sigmoid", a, z);
            case LINEAR -> z;
            // z if z > 0 else slope·z, which is max(z, slope·z) for a slope in (0, 1)
            case LEAKY_RELU -> g.precision() == Precision.FLOAT32
                    ? g.node("LeakyRelu", a, List.of(Attribute.ofFloat("alpha", (float) Activation.LEAKY_SLOPE)), z)
                    : g.node("Max", a, z, g.node("Mul", name + ".leak", z,
                            g.scalar(name + ".slope", Activation.LEAKY_SLOPE)));
        };
    }

    /** probabilities = softmax(z) per row; label = the first index of the largest probability. */
    private static void softmax(OnnxGraph g, String z, int classes) {
        g.node("Softmax", "probabilities", List.of(Attribute.ofInt("axis", 1)), z);
        g.node("ArgMax", "label", List.of(Attribute.ofInt("axis", 1), Attribute.ofInt("keepdims", 0)),
                "probabilities");
        g.output("probabilities", classes);
        g.int64Output("label");
    }

    /** p = σ(z); probabilities = [1 − p, p]; label = 1 when p ≥ 0.5, else 0. */
    private static void sigmoid(OnnxGraph g, String z) {
        String p = g.node("Sigmoid", "probability", z);
        String q = g.node("Sub", "complement", g.scalar("one", 1.0), p);
        g.node("Concat", "probabilities", List.of(Attribute.ofInt("axis", 1)), q, p);
        String positive = g.node("GreaterOrEqual", "positive", p, g.scalar("half", 0.5));
        String index = g.node("Cast", "positiveIndex", List.of(Attribute.ofInt("to", OnnxProto.INT64)), positive);
        g.node("Squeeze", "label", index, g.int64Constant("columnAxis", new long[] {1}, 1));
        g.output("probabilities", 2);
        g.int64Output("label");
    }

    static Activation activation(ModelLayer layer) {
        return Activation.valueOf(layer.activation().toUpperCase(Locale.ROOT));
    }

    static Output output(ModelLayer layer) {
        return Output.valueOf(layer.activation().toUpperCase(Locale.ROOT));
    }
}
