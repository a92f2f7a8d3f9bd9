package dev.regtrain.models.document;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Batch normalisation in inference form, per unit j: y = γ_j·(z_j − μ_j)/√(σ²_j + ε) + β_j, with the running mean
 * μ and running variance σ² kept in training (MATH.md); applied to z = x·W before the activation, the layer has no
 * bias.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchNormDocument(double[] gamma, double[] beta, double[] runningMean, double[] runningVariance,
                                Double epsilon) {
}
