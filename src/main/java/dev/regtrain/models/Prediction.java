package dev.regtrain.models;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One prediction: a label with class probabilities for classification, a value for regression; with Monte-Carlo
 * dropout also the standard deviation over the passes (per probability, or of the value).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(String label, double[] probabilities, Double value, double[] std) {
}
