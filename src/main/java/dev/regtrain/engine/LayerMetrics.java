package dev.regtrain.engine;

/**
 * Per weight layer at the end of an epoch: ‖W‖_F, ‖W‖₁, the share of weights exactly 0 and with |w| &lt; 1e−3,
 * ‖b‖₂, and the mean over the epoch's batches of the data-gradient norm ‖(1/B)·A[l−1]ᵀ·dZ[l]‖_F.
 */
public record LayerMetrics(int layer, double weightNorm, double weightL1, double zeroFraction,
                           double nearZeroFraction, double biasNorm, double gradientNorm) {

    /** The threshold under which a weight counts as near zero. */
    public static final double NEAR_ZERO = 1e-3;
}
