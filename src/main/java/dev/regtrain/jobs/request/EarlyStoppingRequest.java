package dev.regtrain.jobs.request;

/**
 * Early stopping (MATH.md): monitor ({@code val_loss|val_accuracy|val_rmse|train_loss}), mode
 * ({@code auto|min|max}), patience in epochs, minDelta (absolute, or relative to |best| with relativeDelta),
 * startFromEpoch, optional baseline, restoreBestWeights.
 */
public record EarlyStoppingRequest(String monitor, String mode, Integer patience, Double minDelta,
                                   Boolean relativeDelta, Integer startFromEpoch, Double baseline,
                                   Boolean restoreBestWeights) {
}
