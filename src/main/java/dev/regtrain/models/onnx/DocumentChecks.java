package dev.regtrain.models.onnx;

import dev.regtrain.engine.Activation;
import dev.regtrain.engine.Output;
import dev.regtrain.models.document.BatchNormDocument;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelLayer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The shape checks an export needs: a graph built from inconsistent arrays would fail only in the runtime. */
final class DocumentChecks {

    private DocumentChecks() {
    }

    static void check(ModelDocument document) {
        require(document.inputs() != null && document.inputs() > 0, "inputs must be positive");
        require(document.standardization() != null && length(document.standardization().mean()) == document.inputs()
                && length(document.standardization().std()) == document.inputs(),
                "standardization needs a mean and a std per input");
        List<ModelLayer> layers = document.layers();
        require(layers != null && !layers.isEmpty(), "the model has no layers");
        int previous = document.inputs();
        for (int l = 1; l <= layers.size(); l++) {
            ModelLayer layer = layers.get(l - 1);
            String at = "layer " + l + ": ";
            require(layer.inputs() != null && layer.inputs() == previous && layer.units() != null
                    && layer.units() > 0, at + "takes " + layer.inputs() + " inputs; the previous layer gives "
                    + previous);
            int units = layer.units();
            require(layer.weights() != null && layer.weights().length == previous
                    && Arrays.stream(layer.weights()).allMatch(row -> length(row) == units),
                    at + "weights need " + previous + " rows of " + units + " values");
            require(layer.bias() != null || layer.batchNorm() != null, at + "needs a bias or batchNorm");
            require(layer.bias() == null || layer.bias().length == units, at + "bias needs " + units + " values");
            BatchNormDocument bn = layer.batchNorm();
            require(bn == null || (length(bn.gamma()) == units && length(bn.beta()) == units
                    && length(bn.runningMean()) == units && length(bn.runningVariance()) == units
                    && bn.epsilon() != null && bn.epsilon() >= 0),
                    at + "batchNorm needs gamma, beta, runningMean and runningVariance of " + units
                            + " values and an epsilon ≥ 0");
            require(layer.activation() != null && known(layer.activation(), l < layers.size()
                    ? Activation.class : Output.class), at + "unknown activation '" + layer.activation() + "'");
            previous = units;
        }
        Output output = OnnxExport.output(layers.get(layers.size() - 1));
        int classes = document.classes() == null ? 0 : document.classes().size();
        require(output != Output.SOFTMAX || classes == previous, "softmax over " + previous
                + " units needs as many classes");
        require(output != Output.SIGMOID || (previous == 1 && classes == 2),
                "a sigmoid output has one unit and two classes");
    }

    private static int length(double[] values) {
        return values == null ? -1 : values.length;
    }

    private static boolean known(String name, Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(name.toUpperCase(Locale.ROOT)));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("cannot export this model: " + message);
        }
    }
}
