package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/**
 * Early stopping (MATH.md): monitor ({@link Choice#MONITOR}), mode ({@link Choice#MODE}), patience in epochs,
 * minDelta (absolute, or relative to |best| with relativeDelta), startFromEpoch, optional baseline,
 * restoreBestWeights.
 */
@Schema(description = "Stop when the monitor has not improved by more than minDelta for patience epochs")
public record EarlyStoppingRequest(
        @Schema(description = "The metric followed; val_ metrics need a validation split") String monitor,
        @Schema(description = "Whether the monitor improves upwards (max) or downwards (min); auto: max for "
                + "accuracy, min otherwise") String mode,
        @Schema(description = "Epochs without improvement before stopping", defaultValue = "10", example = "10")
        Integer patience,
        @Schema(description = "Least change that counts as an improvement", defaultValue = "0", example = "0.0001")
        Double minDelta,
        @Schema(description = "minDelta is relative to |best|", defaultValue = "false") Boolean relativeDelta,
        @Schema(description = "Epochs before this one neither count nor set the best", defaultValue = "0")
        Integer startFromEpoch,
        @Schema(description = "Stop when the best has not beaten this value after patience epochs; null = none")
        Double baseline,
        @Schema(description = "The job's model is the best checkpoint, also when training ran to the end",
                defaultValue = "true") Boolean restoreBestWeights) {
}
