package dev.regtrain.jobs.request;

/**
 * Resolution of the augmentation section: ranges per MATH.md, image transforms only for image datasets, every field
 * echoed (0 or false = off).
 */
public final class Augmentations {

    private static final String PREFIX = "regularization.augmentation.";

    private Augmentations() {
    }

    static AugmentationRequest resolve(AugmentationRequest a, DatasetShape data, Checks checks) {
        if (a == null) {
            return null;
        }
        int maxShift = data != null && data.imageShape() != null
                ? Math.min(data.imageShape().height(), data.imageShape().width()) - 1 : 1000;
        int shift = checks.integer(PREFIX + "shift", a.shift(), 0, 0, maxShift, null);
        boolean flipHorizontal = a.flipHorizontal() != null && a.flipHorizontal();
        boolean flipVertical = a.flipVertical() != null && a.flipVertical();
        double rotation = checks.number(PREFIX + "rotationDegrees", a.rotationDegrees(), 0, 0, 180, false);
        double zoom = checks.number(PREFIX + "zoom", a.zoom(), 0, 0, 1, true);
        double brightness = checks.number(PREFIX + "brightness", a.brightness(), 0, 0, 1, false);
        double contrast = checks.number(PREFIX + "contrast", a.contrast(), 0, 0, 1, true);
        double noise = checks.number(PREFIX + "gaussianNoise", a.gaussianNoise(), 0, 0, 10, false);
        double mixup = checks.number(PREFIX + "mixup", a.mixup(), 0, 0, 100, false);
        if (data != null && data.imageShape() == null) {
            imageOnly(checks, "shift", shift > 0);
            imageOnly(checks, "flipHorizontal", flipHorizontal);
            imageOnly(checks, "flipVertical", flipVertical);
            imageOnly(checks, "rotationDegrees", rotation > 0);
            imageOnly(checks, "zoom", zoom > 0);
            imageOnly(checks, "brightness", brightness > 0);
            imageOnly(checks, "contrast", contrast > 0);
        }
        return new AugmentationRequest(shift, flipHorizontal, flipVertical, rotation, zoom, brightness, contrast,
                noise, mixup);
    }

    /**
     * Checks augmentation settings given outside a job (a preview's query), against an image shape or none.
     *
     * @throws dev.regtrain.common.InvalidRequestException naming each bad parameter
     */
    public static AugmentationRequest check(AugmentationRequest a, dev.regtrain.data.ImageShape shape) {
        Checks checks = new Checks();
        DatasetShape data = new DatasetShape("preview", 1, shape == null ? 1 : shape.features(),
                dev.regtrain.data.Task.CLASSIFICATION, java.util.List.of("0", "1"), shape);
        AugmentationRequest resolved = resolve(a, data, checks);
        if (!checks.ok()) {
            throw new dev.regtrain.common.InvalidRequestException(checks.errors().stream()
                    .map(e -> new dev.regtrain.common.FieldError(e.field().substring(PREFIX.length()), e.message()))
                    .toList());
        }
        return resolved;
    }

    private static void imageOnly(Checks checks, String field, boolean used) {
        if (used) {
            checks.fail(PREFIX + field, "is an image transform and the dataset has no imageShape; for tables only "
                    + "gaussianNoise and mixup apply");
        }
    }
}
