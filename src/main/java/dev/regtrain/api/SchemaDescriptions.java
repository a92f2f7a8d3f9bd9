package dev.regtrain.api;

import java.util.Map;

/**
 * What the fields of the answers mean, for the OpenAPI document (and so for docs/api.md and the generated clients):
 * the records of the features carry no HTTP annotations, so the API describes them here. A field named here that a
 * schema does not have stops the document from being built ({@link OpenApiDocument}), so a rename cannot leave a
 * stale line behind.
 */
final class SchemaDescriptions {

    private SchemaDescriptions() {
    }

    /** "Schema.field" → its description; "Schema" alone → the schema's. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("ModelDocument", "A trained model: its architecture, the standardisation to apply to raw "
                    + "inputs, and its weights. Accepted back as initialWeights.model to warm-start a job."),
            Map.entry("ModelDocument.format", "regtrain-model/1"),
            Map.entry("ModelDocument.jobId", "The job that trained it"),
            Map.entry("ModelDocument.epoch", "The epoch whose weights these are"),
            Map.entry("ModelDocument.task", "What the model predicts: a class or a number"),
            Map.entry("ModelDocument.inputs", "Features per input row"),
            Map.entry("ModelDocument.classes", "The class labels, in the order of the output units and of "
                    + "probabilities; null for a regression"),
            Map.entry("ModelDocument.standardization", "Applied to raw inputs before the first layer: "
                    + "(x − mean) / std per feature; mean 0 and std 1 when the job did not standardise"),
            Map.entry("ModelDocument.layers", "The weight layers, hidden layers first, the output last"),
            Map.entry("ModelLayer", "One weight layer: weights[i][j] connects input unit i to unit j"),
            Map.entry("ModelLayer.inputs", "Units of the layer before (n[l−1])"),
            Map.entry("ModelLayer.units", "Units of this layer (n[l])"),
            Map.entry("ModelLayer.activation", "A hidden activation, or the output's (sigmoid, softmax, linear)"),
            Map.entry("ModelLayer.weights", "inputs rows of units columns"),
            Map.entry("ModelLayer.bias", "One bias per unit"),
            Map.entry("StandardizationDocument.mean", "Per feature, over the training split"),
            Map.entry("StandardizationDocument.std", "Per feature, over the training split"),
            Map.entry("PredictionRequest", "Raw (not standardised) input rows and how to predict them"),
            Map.entry("PredictionRequest.inputs", "One row of raw feature values per prediction"),
            Map.entry("PredictionRequest.checkpoint", "best, latest or an epoch; default: the job's model"),
            Map.entry("PredictionRequest.mcDropoutSamples", "Monte-Carlo dropout passes: 0 (default) predicts once "
                    + "with dropout off; N keeps dropout on for N passes and gives each prediction its spread"),
            Map.entry("PredictionRequest.seed", "Fixes the Monte-Carlo dropout masks"),
            Map.entry("Prediction", "One prediction: a label and class probabilities, or a value"),
            Map.entry("Prediction.label", "The most probable class (classification)"),
            Map.entry("Prediction.probabilities", "One per class, in the order of the model's classes"),
            Map.entry("Prediction.value", "The predicted number (regression)"),
            Map.entry("Prediction.std", "With mcDropoutSamples: the standard deviation over the passes, per "
                    + "probability or of the value"),
            Map.entry("CheckpointInfo", "A stored checkpoint; download it with GET .../checkpoints/{ref}"),
            Map.entry("CheckpointInfo.ref", "How to ask for it: best, or its epoch"),
            Map.entry("CheckpointInfo.kind", "BEST on every improvement of the monitor, PERIODIC every "
                    + "checkpoints.everyEpochs, FINAL when the job ends"),
            Map.entry("CheckpointInfo.monitorValue", "The monitored value at that epoch (best checkpoints)"),
            Map.entry("CheckpointInfo.sizeBytes", "Size of the stored checkpoint"),
            Map.entry("CheckpointInfo.sha256", "SHA-256 of the stored checkpoint"),
            Map.entry("BestValue", "The best value of the monitored metric so far"),
            Map.entry("BestValue.monitor", "The metric early stopping (or best-checkpoint tracking) follows"),
            Map.entry("JobStop", "How a job ended"),
            Map.entry("JobStop.reason", "COMPLETED all epochs, EARLY_STOPPED, CANCELLED, DIVERGED (a loss became "
                    + "infinite or NaN) or FAILED"),
            Map.entry("JobStop.epoch", "The last epoch with a metrics row"),
            Map.entry("JobStop.bestEpoch", "The epoch of the best monitored value"),
            Map.entry("JobStop.restoredBestWeights", "Whether the job's model holds the best weights rather than "
                    + "the last"),
            Map.entry("JobStop.detail", "Why it stopped, in a sentence"),
            Map.entry("JobError.message", "Why the job failed, in words for a user"),
            Map.entry("DataSummary", "What the job trains on, known once its data is prepared"),
            Map.entry("DataSummary.source", "builtin:NAME or dataset:ID"),
            Map.entry("DataSummary.outputs", "Output units: 1 for two classes or a regression, else the classes"),
            Map.entry("DataSummary.trainingExamples", "m, the training examples after the split (the m of the "
                    + "objective)"),
            Map.entry("DatasetRecord", "An uploaded dataset"),
            Map.entry("DatasetRecord.rows", "Examples"),
            Map.entry("DatasetRecord.features", "Inputs per example (the label column excluded)"),
            Map.entry("DatasetRecord.classes", "The class labels as strings; null for a regression"),
            Map.entry("DatasetRecord.imageShape", "HxW or HxWxC for image datasets, else null"),
            Map.entry("Links", "Where everything about the job is"),
            Map.entry("LayerRow", "One weight layer's numbers at the end of an epoch"),
            Map.entry("LayerRow.weightNorm", "‖W‖_F"),
            Map.entry("LayerRow.weightL1", "‖W‖₁"),
            Map.entry("LayerRow.zeroFraction", "Share of weights exactly 0"),
            Map.entry("LayerRow.nearZeroFraction", "Share of weights with |w| < 1e-3"),
            Map.entry("LayerRow.biasNorm", "‖b‖₂"),
            Map.entry("LayerRow.gradientNorm", "Mean over the epoch's mini-batches of the data gradient's norm "
                    + "‖(1/B)·A[l−1]ᵀ·dZ[l]‖_F"),
            Map.entry("Progress", "Epochs done out of those planned, with the time so far and an estimate of the "
                    + "time left (null before the first epoch)"),
            Map.entry("StatusChange", "One entry of a job's status history"),
            Map.entry("StatusChange.at", "When the job entered the status"),
            Map.entry("StatusChange.detail", "Why, when the status alone does not say (a resume after a restart)"));
}
