package dev.regtrain.jobs.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A learning-rate schedule (MATH.md): its {@code type} and the parameters of that type; resolved, the parameters of
 * the type are filled in and the others absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The learning rate of each epoch: constant; step {everyEpochs, factor}; exponential {factor}; "
        + "cosine {minLearningRate, warmupEpochs}; reduceOnPlateau {monitor, factor, patience, minDelta, "
        + "minLearningRate}. A parameter of another type is a 400.")
public record ScheduleRequest(
        @Schema(description = "How the learning rate moves from epoch to epoch", example = "cosine") String type,
        @Schema(description = "step: epochs between reductions", defaultValue = "10") Integer everyEpochs,
        @Schema(description = "step, exponential, reduceOnPlateau: the multiplier, in (0, 1]; default 0.5 for step, "
                + "0.95 for exponential, 0.1 for reduceOnPlateau") Double factor,
        @Schema(description = "cosine: α at the last epoch; reduceOnPlateau: the floor", defaultValue = "0")
        Double minLearningRate,
        @Schema(description = "cosine: epochs of linear warm-up", defaultValue = "0") Integer warmupEpochs,
        @Schema(description = "reduceOnPlateau: the metric followed; default val_loss with a validation split, else "
                + "train_loss") String monitor,
        @Schema(description = "reduceOnPlateau: epochs without improvement before a reduction", defaultValue = "10")
        Integer patience,
        @Schema(description = "reduceOnPlateau: least change that counts as an improvement", defaultValue = "0.0001")
        Double minDelta) {

    public static final ScheduleRequest CONSTANT = new ScheduleRequest("constant", null, null, null, null, null, null,
            null);
}
