package dev.regtrain.jobs.request;

/** Resolution of the augmentation section. */
final class Augmentations {

    private Augmentations() {
    }

    static AugmentationRequest resolve(AugmentationRequest augmentation, DatasetShape data, Checks checks) {
        if (augmentation != null) {
            checks.fail("regularization.augmentation", "is not supported by this version of the service; leave it null");
        }
        return null;
    }
}
