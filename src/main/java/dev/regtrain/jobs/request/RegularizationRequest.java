package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/** Penalties, dropout, early stopping and augmentation. */
@Schema(description = "Penalties, dropout, early stopping and augmentation (MATH.md)")
public record RegularizationRequest(PenaltyRequest penalty, DropoutRequest dropout,
                                    @Schema(description = "null = off") EarlyStoppingRequest earlyStopping,
                                    @Schema(description = "null = off") AugmentationRequest augmentation) {
}
