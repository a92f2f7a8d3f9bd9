package dev.regtrain.models.document;

/**
 * Batch normalisation in inference form, per unit j: y = γ_j·(z_j − μ_j)/√(σ²_j + ε) + β_j, with the running mean
 * μ and running variance σ² kept in training (MATH.md).
 */
public record BatchNormDocument(double[] gamma, double[] beta, double[] runningMean, double[] runningVariance,
                                Double epsilon) {
}
