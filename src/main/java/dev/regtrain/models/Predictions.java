package dev.regtrain.models;

import java.util.List;

/**
 * A prediction request's answer: one {@link Prediction} per input row, and the precision the model that made them
 * was trained in ({@code float64} or {@code float32}; the predictions themselves are computed in float64 either way).
 */
public record Predictions(List<Prediction> predictions, String precision) {
}
