package dev.regtrain.models.document;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One weight layer: weights[i][j] connects input unit i to unit j; one bias per unit. A batch-normalised layer has
 * no bias and carries {@code batchNorm}, applied to z = h·W before the activation. Absent parts are left out of the
 * JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelLayer(Integer inputs, Integer units, String activation, double[][] weights, double[] bias,
                         BatchNormDocument batchNorm) {

    /** A layer without batch normalisation. */
    public ModelLayer(Integer inputs, Integer units, String activation, double[][] weights, double[] bias) {
        this(inputs, units, activation, weights, bias, null);
    }
}
