package dev.regtrain.models.document;

import dev.regtrain.engine.Network;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts between the engine's column-major parameter blocks (W[l] element (i, j) at {@code i + j·n[l−1]}) and
 * the model document's rows ({@code weights[i][j]}: input i to unit j).
 */
public final class ModelDocuments {

    private ModelDocuments() {
    }

    public static ModelDocument toDocument(String jobId, int epoch, ModelMeta meta, NetworkSpec spec,
                                           double[][] parameters) {
        List<ModelLayer> layers = new ArrayList<>();
        for (int l = 1; l <= spec.layerCount(); l++) {
            int in = spec.units(l - 1);
            int out = spec.units(l);
            double[] w = parameters[2 * (l - 1)];
            double[][] rows = new double[in][out];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    rows[i][j] = w[i + j * in];
                }
            }
            String activation = l == spec.layerCount() ? name(spec.output()) : name(spec.activation(l));
            layers.add(new ModelLayer(in, out, activation, rows, parameters[2 * (l - 1) + 1].clone()));
        }
        return new ModelDocument(ModelDocument.FORMAT, jobId, epoch, meta.task(), meta.inputs(), meta.classes(),
                meta.standardization(), layers);
    }

    /** The document's weights as a network of the given architecture (shapes checked by request resolution). */
    public static Network toNetwork(ModelDocument document, NetworkSpec spec) {
        double[][] values = new double[2 * spec.layerCount()][];
        for (int l = 1; l <= spec.layerCount(); l++) {
            ModelLayer layer = document.layers().get(l - 1);
            int in = spec.units(l - 1);
            int out = spec.units(l);
            double[] w = new double[in * out];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    w[i + j * in] = layer.weights()[i][j];
                }
            }
            values[2 * (l - 1)] = w;
            values[2 * (l - 1) + 1] = layer.bias().clone();
        }
        return Network.of(spec, values);
    }

    /** The API's lowercase name of an engine enum constant ({@code LEAKY_RELU} → {@code leaky_relu}). */
    public static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static boolean isClassification(NetworkSpec spec) {
        return spec.output() != Output.LINEAR;
    }
}
