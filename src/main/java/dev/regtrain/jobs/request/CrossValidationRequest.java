package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One fold of a K-fold cross-validation: the job validates on fold {@code fold} and trains on the others, instead of
 * holding out {@code validationSplit}. Standardisation and augmentation are fitted on the training folds only.
 * A study sets it on each of its children; a client may set it on a job of its own.
 */
@Schema(description = "Train on all folds but one and validate on that one, instead of validationSplit (a study sets "
        + "it on its children)")
public record CrossValidationRequest(
        @Schema(description = "K, the number of folds, 2..20", example = "5") Integer folds,
        @Schema(description = "The fold that validates, 0..K-1", defaultValue = "0") Integer fold,
        @Schema(description = "stratified (classification), random, or modulo (row i goes to fold i mod K); default: "
                + "stratified for a classification, else random") String assignment,
        @Schema(description = "Seeds the assignment; default: the job's seed") Long seed,
        @Schema(description = "Which repeat of a repeated K-fold (each deals the rows anew; not with modulo)",
                defaultValue = "0") Integer repeat) {
}
