package dev.regtrain.jobs.request;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exactly one of a built-in generator with its parameters ({@code {"builtin": "moons", "samples": 1000}}) or an
 * uploaded dataset ({@code {"id": "..."}}). Generator parameters are the remaining properties.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetRequest(String builtin, String id,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> parameters) {

    public DatasetRequest {
        parameters = parameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parameters);
    }
}
