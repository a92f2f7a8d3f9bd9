package dev.regtrain.jobs.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.regtrain.jobs.model.ModelDocument;

/** A warm start: another job's checkpoint ({@code job} and {@code checkpoint}) or a model document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitialWeightsRequest(String job, String checkpoint, ModelDocument model) {
}
