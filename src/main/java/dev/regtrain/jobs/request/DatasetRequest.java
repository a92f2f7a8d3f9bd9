package dev.regtrain.jobs.request;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exactly one of a built-in generator with its parameters ({@code {"builtin": "moons", "samples": 1000}}) or an
 * uploaded dataset ({@code {"id": "..."}}). Generator parameters are the remaining properties.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Exactly one of a built-in generator with its parameters (see GET /api/v1/datasets/builtin), "
        + "e.g. {\"builtin\": \"moons\", \"samples\": 1000, \"noise\": 0.3}, or an uploaded dataset {\"id\": ...}",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE, additionalPropertiesSchema = Double.class,
        example = "{\"builtin\": \"moons\", \"samples\": 1000, \"noise\": 0.3}")
public record DatasetRequest(
        @Schema(description = "A generator: moons, circles, spirals, xor, blobs, sine", example = "moons") String builtin,
        @Schema(description = "The id of an uploaded dataset") String id,
        @Schema(hidden = true) @JsonAnySetter @JsonAnyGetter Map<String, Object> parameters) {

    public DatasetRequest {
        parameters = parameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parameters);
    }
}
