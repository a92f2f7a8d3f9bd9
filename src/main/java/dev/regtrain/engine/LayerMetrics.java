package dev.regtrain.engine;

/**
 * Per weight layer at the end of an epoch: ‖W‖_F, ‖W‖₁, the share of weights exactly 0 and with |w| &lt; 1e−3,
 * ‖b‖₂ (‖β‖₂ for a batch-normalised layer), and the mean over the epoch's batches of the data-gradient norm
 * ‖(1/B)·A[l−1]ᵀ·dZ[l]‖_F; and the gradient diagnostics (MATH.md): {@code updateRatio} ‖W_end − W_start‖_F /
 * ‖W_start‖_F over the epoch, {@code deadFraction} the share of a relu-like layer's units that were zero for every
 * example of the epoch, {@code saturatedFraction} the share of a sigmoid or tanh layer's units whose mean |z| was
 * above 4. A diagnostic that does not apply to the layer (or a row written before they existed) is null.
 */
public record LayerMetrics(int layer, double weightNorm, double weightL1, double zeroFraction,
                           double nearZeroFraction, double biasNorm, double gradientNorm, Double updateRatio,
                           Double deadFraction, Double saturatedFraction) {

    /** The threshold under which a weight counts as near zero. */
    public static final double NEAR_ZERO = 1e-3;

    /** A row without the gradient diagnostics. */
    public LayerMetrics(int layer, double weightNorm, double weightL1, double zeroFraction, double nearZeroFraction,
                        double biasNorm, double gradientNorm) {
        this(layer, weightNorm, weightL1, zeroFraction, nearZeroFraction, biasNorm, gradientNorm, null, null, null);
    }
}
