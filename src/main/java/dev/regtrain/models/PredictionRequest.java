package dev.regtrain.models;

/**
 * Raw (unstandardised) input rows, which checkpoint to use (default: the job's model), and the number of
 * Monte-Carlo dropout passes (0 = plain, deterministic inference). {@code seed} fixes the dropout masks.
 */
public record PredictionRequest(double[][] inputs, String checkpoint, Integer mcDropoutSamples, Long seed) {
}
