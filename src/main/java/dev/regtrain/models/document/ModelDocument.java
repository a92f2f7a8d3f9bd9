package dev.regtrain.models.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A trained model as the API serves it and accepts it for warm starts: format {@code regtrain-model/1}, the
 * architecture, the standardisation to apply to raw inputs, and the weights with W[l] of shape (n[l−1], n[l]):
 * one row per input unit. A document the service serves also carries its {@link Provenance}.
 */
public record ModelDocument(String format, String jobId, Integer epoch, String task, Integer inputs,
                            List<String> classes, StandardizationDocument standardization,
                            List<ModelLayer> layers,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Provenance provenance) {

    public static final String FORMAT = "regtrain-model/1";

    /** A document without provenance (a warm start's echo, a hand-made model). */
    public ModelDocument(String format, String jobId, Integer epoch, String task, Integer inputs,
                         List<String> classes, StandardizationDocument standardization, List<ModelLayer> layers) {
        this(format, jobId, epoch, task, inputs, classes, standardization, layers, null);
    }

    public ModelDocument withProvenance(Provenance provenance) {
        return new ModelDocument(format, jobId, epoch, task, inputs, classes, standardization, layers, provenance);
    }
}
