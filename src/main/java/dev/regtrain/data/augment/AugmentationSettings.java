package dev.regtrain.data.augment;

/**
 * Data augmentation (MATH.md), every field resolved: 0 or false means off.
 *
 * @param shift the largest shift in whole pixels along each axis
 * @param rotationDegrees rotations are drawn uniformly in ±rotationDegrees
 * @param zoom scales are drawn uniformly in [1 − zoom, 1 + zoom]
 * @param brightness a value drawn uniformly in ±brightness·(pixel range) is added
 * @param contrast pixels are scaled around the image's mean by a factor drawn uniformly in [1 − c, 1 + c]
 * @param gaussianNoise σ of added noise: in pixel-range units for images, standard deviations otherwise
 * @param mixup α of the Beta(α, α) that mixes each example with another of its batch; 0 = off
 */
public record AugmentationSettings(int shift, boolean flipHorizontal, boolean flipVertical, double rotationDegrees,
                                   double zoom, double brightness, double contrast, double gaussianNoise,
                                   double mixup) {

    public static final AugmentationSettings NONE = new AugmentationSettings(0, false, false, 0, 0, 0, 0, 0, 0);

    public AugmentationSettings {
        if (shift < 0 || !(rotationDegrees >= 0 && rotationDegrees <= 180) || !(zoom >= 0 && zoom < 1)
                || !(brightness >= 0 && brightness <= 1) || !(contrast >= 0 && contrast < 1)
                || !(gaussianNoise >= 0 && gaussianNoise <= 10) || !(mixup >= 0 && mixup <= 100)) {
            throw new IllegalArgumentException("augmentation settings out of range");
        }
    }

    /** Whether any transform needs the image's geometry (everything but gaussianNoise and mixup). */
    public boolean hasImageTransforms() {
        return shift > 0 || flipHorizontal || flipVertical || rotationDegrees > 0 || zoom > 0 || brightness > 0
                || contrast > 0;
    }

    public boolean isNone() {
        return !hasImageTransforms() && gaussianNoise == 0 && mixup == 0;
    }
}
