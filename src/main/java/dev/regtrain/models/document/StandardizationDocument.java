package dev.regtrain.models.document;

/** Per-feature mean and standard deviation: inputs are standardised as (x − mean)/std. */
public record StandardizationDocument(double[] mean, double[] std) {
}
