package dev.regtrain.engine;

/**
 * Transforms a training mini-batch in place before the forward pass (data augmentation, mixup). Buffers are
 * column-major rows × inputs and rows × outputs. Never applied to validation data or predictions.
 */
@FunctionalInterface
public interface BatchAugmenter {

    BatchAugmenter NONE = (inputs, targets, rows, rng) -> {
    };

    void augment(double[] inputs, double[] targets, int rows, Rng rng);
}
