package dev.regtrain.models.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A trained model as the API serves it and accepts it for warm starts: format {@code regtrain-model/1}, the
 * architecture, the standardisation to apply to raw inputs, and the weights with W[l] of shape (n[l−1], n[l]):
 * one row per input unit. A document the service serves also carries the precision its weights were trained in
 * ({@code float32}: every weight is a float, written as the double that holds it) and its {@link Provenance}.
 */
public record ModelDocument(String format, String jobId, Integer epoch, String task, Integer inputs,
                            List<String> classes, StandardizationDocument standardization,
                            List<ModelLayer> layers,
                            @Schema(description = "The precision the weights were trained in (float64 or float32); "
                                    + "null in a hand-made document")
                            @JsonInclude(JsonInclude.Include.NON_NULL) String precision,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Provenance provenance) {

    public static final String FORMAT = "regtrain-model/1";

    /** A document without provenance (a warm start's echo, a hand-made model). */
    public ModelDocument(String format, String jobId, Integer epoch, String task, Integer inputs,
                         List<String> classes, StandardizationDocument standardization, List<ModelLayer> layers) {
        this(format, jobId, epoch, task, inputs, classes, standardization, layers, null, null);
    }

    public ModelDocument withProvenance(Provenance provenance) {
        return new ModelDocument(format, jobId, epoch, task, inputs, classes, standardization, layers, precision,
                provenance);
    }
}
