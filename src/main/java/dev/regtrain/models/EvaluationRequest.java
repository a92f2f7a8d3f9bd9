package dev.regtrain.models;

import io.swagger.v3.oas.annotations.media.Schema;

/** An uploaded dataset to evaluate a job's model on, and which checkpoint (default: the job's model). */
@Schema(description = "Evaluate the job's model (or a checkpoint) on an uploaded dataset with the model's features "
        + "and label")
public record EvaluationRequest(DatasetReference dataset,
                                @Schema(description = "best, latest or an epoch; default: the job's model",
                                        example = "best") String checkpoint) {

    /** An uploaded dataset. */
    public record DatasetReference(@Schema(description = "An uploaded dataset's id") String id) {
    }
}
