package dev.regtrain.jobs.request;

/** Penalties, dropout, early stopping and augmentation. */
public record RegularizationRequest(PenaltyRequest penalty, DropoutRequest dropout,
                                    EarlyStoppingRequest earlyStopping, AugmentationRequest augmentation) {
}
