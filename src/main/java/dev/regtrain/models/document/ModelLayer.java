package dev.regtrain.models.document;

/** One weight layer: weights[i][j] connects input unit i to unit j; one bias per unit. */
public record ModelLayer(Integer inputs, Integer units, String activation, double[][] weights, double[] bias) {
}
