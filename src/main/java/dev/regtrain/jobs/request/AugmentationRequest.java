package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Data augmentation of training mini-batches (MATH.md). Image transforms need an image dataset; gaussianNoise and
 * mixup apply to any dataset.
 *
 * @param shift the largest shift in pixels along each axis
 * @param rotationDegrees rotations are drawn uniformly in ±rotationDegrees
 * @param zoom scales are drawn uniformly in [1 − zoom, 1 + zoom]
 * @param brightness adds a value drawn uniformly in ±brightness·(pixel range)
 * @param contrast scales around the image mean by a factor drawn uniformly in [1 − contrast, 1 + contrast]
 * @param gaussianNoise σ of added noise, in pixel-range units for images and in standard deviations otherwise
 * @param mixup α of the Beta(α, α) distribution that mixes pairs of examples; 0 = off
 */
@Schema(description = "Augmentation of training mini-batches only, drawn fresh per example and epoch from the job's "
        + "seed; never applied to validation data or predictions. Image transforms need a dataset with an imageShape; "
        + "gaussianNoise and mixup apply to any dataset. Preview a setting with GET /api/v1/datasets/{id}/preview.")
public record AugmentationRequest(
        @Schema(description = "Largest shift in whole pixels along each axis", defaultValue = "0", example = "2")
        Integer shift,
        @Schema(description = "Mirror left–right with probability ½", defaultValue = "false") Boolean flipHorizontal,
        @Schema(description = "Mirror top–bottom with probability ½", defaultValue = "false") Boolean flipVertical,
        @Schema(description = "Rotation drawn uniformly in ±rotationDegrees (bilinear), 0–180", defaultValue = "0",
                example = "10") Double rotationDegrees,
        @Schema(description = "Scale drawn uniformly in [1 − zoom, 1 + zoom] (bilinear), [0, 1)", defaultValue = "0",
                example = "0.1") Double zoom,
        @Schema(description = "Adds a value drawn uniformly in ±brightness·(pixel range), [0, 1]", defaultValue = "0")
        Double brightness,
        @Schema(description = "Scales around the image mean by a factor in [1 − contrast, 1 + contrast], [0, 1)",
                defaultValue = "0") Double contrast,
        @Schema(description = "σ of added Gaussian noise: pixel-range units for images, standard deviations of the "
                + "standardised inputs otherwise, 0–10", defaultValue = "0") Double gaussianNoise,
        @Schema(description = "α of the Beta(α, α) mixing each example with another of its batch (inputs and targets); "
                + "0 = off", defaultValue = "0") Double mixup) {
}
