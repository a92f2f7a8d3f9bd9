package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/** Penalties, dropout, early stopping, augmentation and label smoothing. */
@Schema(description = "Penalties, dropout, early stopping, augmentation and label smoothing (MATH.md)")
public record RegularizationRequest(PenaltyRequest penalty, DropoutRequest dropout,
                                    @Schema(description = "null = off") EarlyStoppingRequest earlyStopping,
                                    @Schema(description = "null = off") AugmentationRequest augmentation,
                                    @Schema(description = "ε in [0, 1): classification targets become (1−ε)·y + ε/K "
                                            + "(K = 2 for a sigmoid output); the validation loss keeps the plain "
                                            + "labels", defaultValue = "0", example = "0.1") Double labelSmoothing) {

    /** Without label smoothing. */
    public RegularizationRequest(PenaltyRequest penalty, DropoutRequest dropout, EarlyStoppingRequest earlyStopping,
                                 AugmentationRequest augmentation) {
        this(penalty, dropout, earlyStopping, augmentation, null);
    }
}
