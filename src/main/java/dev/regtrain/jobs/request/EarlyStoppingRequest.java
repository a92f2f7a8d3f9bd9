package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/**
 * Early stopping (MATH.md): monitor ({@code val_loss|val_accuracy|val_rmse|train_loss}), mode
 * ({@code auto|min|max}), patience in epochs, minDelta (absolute, or relative to |best| with relativeDelta),
 * startFromEpoch, optional baseline, restoreBestWeights.
 */
@Schema(description = "Stop when the monitor has not improved by more than minDelta for patience epochs")
public record EarlyStoppingRequest(
        @Schema(allowableValues = {"val_loss", "val_accuracy", "val_rmse", "train_loss"}, defaultValue = "val_loss")
        String monitor,
        @Schema(description = "auto: max for accuracy, min otherwise", allowableValues = {"auto", "min", "max"},
                defaultValue = "auto") String mode,
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
