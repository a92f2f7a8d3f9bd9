package dev.regtrain.jobs.request;

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
public record AugmentationRequest(Integer shift, Boolean flipHorizontal, Boolean flipVertical,
                                  Double rotationDegrees, Double zoom, Double brightness, Double contrast,
                                  Double gaussianNoise, Double mixup) {
}
