package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/**
 * A training job as submitted (fields may be null, meaning "the default") and, after
 * {@link RequestResolver#resolve}, with every default filled in: the form echoed in the job's {@code request}.
 * Field names and nesting are the HTTP contract (API.md).
 */
@Schema(description = "A training job. Every field but dataset is optional; the job echoes the request with every "
        + "default filled in. Unknown fields are rejected.")
public record JobRequest(
        @Schema(description = "A free label", example = "moons-l2-dropout") String name,
        @Schema(description = "Drives initialisation, shuffling, dropout masks and augmentation; the same request with "
                + "the same seed gives bit-identical results. Default: drawn at random and echoed.", example = "42")
        Long seed,
        DatasetRequest dataset,
        @Schema(description = "Share of examples held out (stratified for classification) for validation and early "
                + "stopping, in [0, 1); 0 only when nothing monitors a val_ metric", defaultValue = "0.2", example = "0.2")
        Double validationSplit,
        @Schema(description = "z-score inputs with training-split statistics, kept in the model and applied to "
                + "predictions", defaultValue = "true") Boolean standardize,
        NetworkRequest network,
        TrainingRequest training,
        RegularizationRequest regularization,
        CheckpointRequest checkpoints,
        InitialWeightsRequest initialWeights,
        CrossValidationRequest crossValidation) {

    /**
     * The request of a job that continues this one after {@code epoch} by {@code extraEpochs}: the same request with
     * epoch + extraEpochs epochs and no warm start (the continued state replaces it).
     */
    public JobRequest continued(int epoch, int extraEpochs) {
        TrainingRequest longer = training.withEpochs(epoch + extraEpochs);
        return new JobRequest(name, seed, dataset, validationSplit, standardize, network, longer, regularization,
                checkpoints, null, crossValidation);
    }
}
