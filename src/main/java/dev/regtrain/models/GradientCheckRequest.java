package dev.regtrain.models;

import io.swagger.v3.oas.annotations.media.Schema;

/** What to check: a checkpoint, how many training examples and how many parameters of each weight layer. */
@Schema(description = "A gradient check of the job's objective at one of its checkpoints")
public record GradientCheckRequest(
        @Schema(description = "best, latest or an epoch; default: the job's model", example = "best")
        String checkpoint,
        @Schema(description = "The first N examples of the job's training split", defaultValue = "32")
        Integer examples,
        @Schema(description = "Trainable values checked per weight layer, spread over its weights and its bias (or "
                + "γ and β)", defaultValue = "50") Integer parametersPerLayer) {
}
