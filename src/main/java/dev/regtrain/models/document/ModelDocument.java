package dev.regtrain.models.document;

import java.util.List;

/**
 * A trained model as the API serves it and accepts it for warm starts: format {@code regtrain-model/1}, the
 * architecture, the standardisation to apply to raw inputs, and the weights with W[l] of shape (n[l−1], n[l]):
 * one row per input unit.
 */
public record ModelDocument(String format, String jobId, Integer epoch, String task, Integer inputs,
                            List<String> classes, StandardizationDocument standardization,
                            List<ModelLayer> layers) {

    public static final String FORMAT = "regtrain-model/1";
}
