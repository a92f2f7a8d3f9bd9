package dev.regtrain.jobs.request;

import dev.regtrain.engine.BatchNorm;
import dev.regtrain.models.document.BatchNormDocument;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code initialWeights}: finds the model (another job's checkpoint, or the document given) and checks
 * that its architecture matches the network's exactly.
 */
final class WarmStarts {

    private static final String FIELD = "initialWeights";

    private WarmStarts() {
    }

    static ModelDocument resolve(InitialWeightsRequest initial, NetworkResolution network, DatasetLookup lookup,
                                 Checks checks) {
        if (initial == null) {
            return null;
        }
        boolean fromJob = initial.job() != null;
        if (fromJob == (initial.model() != null)) {
            checks.fail(FIELD, "needs exactly one of {\"job\": ID, \"checkpoint\": REF} and {\"model\": DOCUMENT}");
            return null;
        }
        ModelDocument model = initial.model();
        if (fromJob) {
            String ref = initial.checkpoint() != null ? initial.checkpoint() : "best";
            model = lookup.checkpointModel(initial.job(), ref).orElse(null);
            if (model == null) {
                checks.fail(FIELD + ".job", "job '" + initial.job() + "' has no checkpoint '" + ref + "'");
                return null;
            }
        } else if (initial.checkpoint() != null) {
            checks.fail(FIELD + ".checkpoint", "only goes with 'job'");
        }
        String field = fromJob ? FIELD + ".job" : FIELD + ".model";
        String problem = mismatch(model, network);
        if (problem != null) {
            checks.fail(field, problem);
            return null;
        }
        return model;
    }

    /** The echo names where the weights came from; a given document is summarised without its weights. */
    static InitialWeightsRequest echo(InitialWeightsRequest initial, ModelDocument model) {
        if (initial == null || model == null) {
            return null;
        }
        if (initial.job() != null) {
            return new InitialWeightsRequest(initial.job(), initial.checkpoint() != null ? initial.checkpoint() : "best",
                    null);
        }
        List<ModelLayer> shapes = model.layers().stream()
                .map(l -> new ModelLayer(l.inputs(), l.units(), l.activation(), null, null, l.batchNorm() == null
                        ? null : new BatchNormDocument(null, null, null, null, BatchNorm.EPSILON))).toList();
        return new InitialWeightsRequest(null, null, new ModelDocument(model.format(), model.jobId(), model.epoch(),
                model.task(), model.inputs(), model.classes(), null, shapes));
    }

    private static String mismatch(ModelDocument model, NetworkResolution network) {
        if (!ModelDocument.FORMAT.equals(model.format())) {
            return "format must be '" + ModelDocument.FORMAT + "'";
        }
        if (model.layers() == null || model.layers().isEmpty()) {
            return "the model has no layers";
        }
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        int previous = network.inputs();
        for (int l = 0; l < network.weightLayers(); l++) {
            boolean last = l == network.hiddenCount();
            int units = last ? network.outputs() : network.hidden().get(l).units();
            String activation = last ? network.output() : network.hidden().get(l).activation();
            boolean batchNorm = !last && Boolean.TRUE.equals(network.hidden().get(l).batchNorm());
            expected.add(previous + "→" + units + " " + activation + (batchNorm ? " batchNorm" : ""));
            previous = units;
        }
        for (ModelLayer layer : model.layers()) {
            String shapeProblem = shapeProblem(layer);
            if (shapeProblem != null) {
                return shapeProblem;
            }
            actual.add(layer.inputs() + "→" + layer.units() + " " + layer.activation()
                    + (layer.batchNorm() != null ? " batchNorm" : ""));
        }
        if (!expected.equals(actual)) {
            return "the model's layers " + actual + " do not match the network's " + expected;
        }
        return null;
    }

    private static String shapeProblem(ModelLayer layer) {
        if (layer == null || layer.inputs() == null || layer.units() == null || layer.weights() == null) {
            return "every layer needs inputs, units, activation, weights and bias (or batchNorm)";
        }
        if (layer.batchNorm() != null) {
            if (layer.bias() != null) {
                return "a batch-normalised layer has no bias: its batchNorm.beta is the shift";
            }
            String problem = batchNormProblem(layer.batchNorm(), layer.units());
            if (problem != null) {
                return problem;
            }
        } else if (layer.bias() == null) {
            return "every layer needs inputs, units, activation, weights and bias (or batchNorm)";
        }
        if (layer.weights().length != layer.inputs() || layer.bias() != null && layer.bias().length != layer.units()) {
            return "a layer's weights need one row per input and its bias one value per unit";
        }
        for (double[] row : layer.weights()) {
            if (row == null || row.length != layer.units()) {
                return "every weight row needs one value per unit";
            }
            for (double w : row) {
                if (!Double.isFinite(w)) {
                    return "weights must be finite numbers";
                }
            }
        }
        for (double b : layer.bias() == null ? new double[0] : layer.bias()) {
            if (!Double.isFinite(b)) {
                return "biases must be finite numbers";
            }
        }
        return null;
    }

    private static String batchNormProblem(BatchNormDocument bn, int units) {
        double[][] parts = {bn.gamma(), bn.beta(), bn.runningMean(), bn.runningVariance()};
        for (double[] part : parts) {
            if (part == null || part.length != units) {
                return "a layer's batchNorm needs gamma, beta, runningMean and runningVariance, one value per unit";
            }
            for (double v : part) {
                if (!Double.isFinite(v)) {
                    return "batchNorm values must be finite numbers";
                }
            }
        }
        for (double v : bn.runningVariance()) {
            if (v < 0) {
                return "a batchNorm runningVariance cannot be negative";
            }
        }
        if (bn.epsilon() != null && bn.epsilon() != BatchNorm.EPSILON) {
            return "batchNorm.epsilon must be " + BatchNorm.EPSILON + ", the ε regtrain normalises with";
        }
        return null;
    }
}
