package dev.regtrain.jobs.request;

import dev.regtrain.common.ApiNames;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The network section resolved: hidden layers (with batch normalisation or not), the output chosen for the
 * dataset's task, the initialisation ({@code auto} stays {@code auto}: the engine decides it per layer).
 */
record NetworkResolution(NetworkRequest echo, List<HiddenLayerRequest> hidden, String output, int inputs,
                         int outputs) {

    int hiddenCount() {
        return hidden.size();
    }

    /** Weight layers: hidden layers plus the output layer. */
    int weightLayers() {
        return hidden.size() + 1;
    }

    static NetworkResolution resolve(NetworkRequest network, DatasetShape data, RegtrainProperties.Limits limits,
                                     Checks checks) {
        NetworkRequest n = network != null ? network : new NetworkRequest(null, null, null);
        List<HiddenLayerRequest> requested = n.hidden() != null ? n.hidden() : List.of();
        List<HiddenLayerRequest> hidden = new ArrayList<>();
        if (requested.size() > limits.maxHiddenLayers()) {
            checks.fail("network.hidden", "has " + requested.size() + " layers; at most " + limits.maxHiddenLayers()
                    + " are allowed (limit regtrain.limits.max-hidden-layers)");
        } else {
            for (int i = 0; i < requested.size(); i++) {
                String field = "network.hidden[" + i + "]";
                HiddenLayerRequest layer = requested.get(i);
                if (layer == null || layer.units() == null) {
                    checks.fail(field + ".units", "is required");
                    continue;
                }
                int units = checks.integer(field + ".units", layer.units(), 1, 1, limits.maxUnits(),
                        "regtrain.limits.max-units");
                String activation = Choice.ACTIVATION.resolve(checks, field + ".activation", layer.activation());
                boolean batchNorm = layer.batchNorm() != null && layer.batchNorm();
                hidden.add(new HiddenLayerRequest(units, activation, batchNorm));
            }
        }
        String output = Choice.OUTPUT.resolve(checks, "network.output", n.output());
        String init = Choice.INIT.resolve(checks, "network.init", n.init());
        int inputs = data != null ? data.inputs() : 1;
        int outputs = 1;
        if (data != null) {
            output = output.equals(Choice.AUTO) ? autoOutput(data) : output;
            outputs = checkOutput(output, data, checks);
            long parameters = parameterCount(inputs, hidden, outputs);
            if (parameters > limits.maxParameters()) {
                checks.fail("network", "has " + parameters + " weights and biases; at most " + limits.maxParameters()
                        + " are allowed (limit regtrain.limits.max-parameters)");
            }
        }
        return new NetworkResolution(new NetworkRequest(List.copyOf(hidden), output, init), List.copyOf(hidden),
                output, inputs, outputs);
    }

    private static String autoOutput(DatasetShape data) {
        if (!data.classification()) {
            return "linear";
        }
        return data.classes().size() == 2 ? "sigmoid" : "softmax";
    }

    private static int checkOutput(String output, DatasetShape data, Checks checks) {
        switch (output) {
            case "sigmoid" -> {
                if (!data.classification() || data.classes().size() != 2) {
                    checks.fail("network.output", "sigmoid needs a dataset with exactly two classes");
                }
                return 1;
            }
            case "softmax" -> {
                if (!data.classification()) {
                    checks.fail("network.output", "softmax needs a classification dataset");
                    return 1;
                }
                return data.classes().size();
            }
            default -> {
                if (data.classification()) {
                    checks.fail("network.output", "linear needs a regression dataset");
                }
                return 1;
            }
        }
    }

    /**
     * Σₗ (n[l−1] + 1)·n[l] (+ n[l] for a batch-normalised layer, whose γ and β replace its bias), in long arithmetic
     * so that absurd sizes cannot overflow or allocate.
     */
    static long parameterCount(int inputs, List<HiddenLayerRequest> hidden, int outputs) {
        long count = 0;
        long previous = inputs;
        for (HiddenLayerRequest layer : hidden) {
            boolean batchNorm = layer.batchNorm() != null && layer.batchNorm();
            count += (previous + (batchNorm ? 2 : 1)) * layer.units();
            previous = layer.units();
        }
        return count + (previous + 1) * outputs;
    }

    /** Whether any hidden layer is batch-normalised. */
    boolean hasBatchNorm() {
        return hidden.stream().anyMatch(layer -> Boolean.TRUE.equals(layer.batchNorm()));
    }
}
