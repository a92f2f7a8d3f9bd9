package dev.regtrain.jobs.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.regtrain.models.document.ModelDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/** A warm start: another job's checkpoint ({@code job} and {@code checkpoint}) or a model document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Warm start: {\"job\": ID, \"checkpoint\": \"best\"} or {\"model\": MODEL_DOCUMENT}; the "
        + "architecture must match")
public record InitialWeightsRequest(String job,
                                    @Schema(description = "best, latest or an epoch", defaultValue = "best")
                                    String checkpoint,
                                    ModelDocument model) {
}
