package dev.regtrain.models.document;

import dev.regtrain.engine.BatchNorm;
import dev.regtrain.engine.Network;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts between the engine's column-major parameter blocks (W[l] element (i, j) at {@code i + j·n[l−1]}) and
 * the model document's rows ({@code weights[i][j]}: input i to unit j); a batch-normalised layer's γ, β and running
 * statistics go to its {@code batchNorm}.
 */
public final class ModelDocuments {

    private ModelDocuments() {
    }

    /**
     * @param parameters the network's values in {@link Network#blocks()} order
     * @param precision the precision they were trained in
     */
    public static ModelDocument toDocument(String jobId, int epoch, ModelMeta meta, NetworkSpec spec,
                                           double[][] parameters, Precision precision) {
        Network network = Network.of(spec, parameters);
        List<ModelLayer> layers = new ArrayList<>();
        for (int l = 1; l <= spec.layerCount(); l++) {
            int in = spec.units(l - 1);
            int out = spec.units(l);
            double[] w = network.weights(l).data;
            double[][] rows = new double[in][out];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    rows[i][j] = w[i + j * in];
                }
            }
            String activation = l == spec.layerCount() ? name(spec.output()) : name(spec.activation(l));
            layers.add(spec.batchNorm(l)
                    ? new ModelLayer(in, out, activation, rows, null, new BatchNormDocument(network.gamma(l).clone(),
                            network.beta(l).clone(), network.runningMean(l).clone(),
                            network.runningVariance(l).clone(), BatchNorm.EPSILON))
                    : new ModelLayer(in, out, activation, rows, network.biases(l).data.clone()));
        }
        return new ModelDocument(ModelDocument.FORMAT, jobId, epoch, meta.task(), meta.inputs(), meta.classes(),
                meta.standardization(), layers, precision.apiName(), null);
    }

    /** The document's weights as a network of the given architecture (shapes checked by request resolution). */
    public static Network toNetwork(ModelDocument document, NetworkSpec spec) {
        Network network = Network.zeros(spec);
        for (int l = 1; l <= spec.layerCount(); l++) {
            ModelLayer layer = document.layers().get(l - 1);
            int in = spec.units(l - 1);
            int out = spec.units(l);
            double[] w = network.weights(l).data;
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    w[i + j * in] = layer.weights()[i][j];
                }
            }
            if (spec.batchNorm(l)) {
                BatchNormDocument bn = layer.batchNorm();
                System.arraycopy(bn.gamma(), 0, network.gamma(l), 0, out);
                System.arraycopy(bn.beta(), 0, network.beta(l), 0, out);
                System.arraycopy(bn.runningMean(), 0, network.runningMean(l), 0, out);
                System.arraycopy(bn.runningVariance(), 0, network.runningVariance(l), 0, out);
            } else {
                System.arraycopy(layer.bias(), 0, network.biases(l).data, 0, out);
            }
        }
        return network;
    }

    /** The API's lowercase name of an engine enum constant ({@code LEAKY_RELU} → {@code leaky_relu}). */
    public static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static boolean isClassification(NetworkSpec spec) {
        return spec.output() != Output.LINEAR;
    }
}
