package dev.regtrain.jobs.request;

/**
 * A training job as submitted (fields may be null, meaning "the default") and, after
 * {@link RequestResolver#resolve}, with every default filled in: the form echoed in the job's {@code request}.
 * Field names and nesting are the HTTP contract (API.md).
 */
public record JobRequest(String name, Long seed, DatasetRequest dataset, Double validationSplit, Boolean standardize,
                         NetworkRequest network, TrainingRequest training, RegularizationRequest regularization,
                         CheckpointRequest checkpoints, InitialWeightsRequest initialWeights) {
}
