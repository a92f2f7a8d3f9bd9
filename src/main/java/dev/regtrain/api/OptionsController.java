package dev.regtrain.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.regtrain.common.ApiNames;
import dev.regtrain.data.TaskChoice;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.request.Choice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The lists of allowed values, read from their enums, for clients that offer them (the dashboard's form). */
@RestController
@Tag(name = "Options")
class OptionsController {

    @Schema(description = "Every list of allowed values the API has, each read from the enum that means it")
    record Options(
            @Schema(description = "The request fields that take one name out of a list") List<RequestChoice> request,
            @Schema(description = "A job's statuses in lifecycle order") List<StatusOption> statuses,
            @Schema(description = "The task of a CSV upload (?task=)") List<String> datasetTasks) {
    }

    record RequestChoice(
            @Schema(description = "The field's path in a job request; [] stands for any index",
                    example = "network.hidden[].activation") String field,
            @Schema(description = "The allowed names", example = "[\"relu\", \"leaky_relu\", \"tanh\"]")
            List<String> values,
            @Schema(description = "What a request that leaves the field out gets", example = "relu")
            @JsonProperty("default") String defaultValue) {
    }

    record StatusOption(JobStatus status,
                        @Schema(description = "A final status never changes")
                        @JsonProperty("final") boolean isFinal) {
    }

    static final Options OPTIONS = new Options(
            Arrays.stream(Choice.values()).map(c -> new RequestChoice(c.path(), c.names(), c.fallback())).toList(),
            Arrays.stream(JobStatus.values()).map(s -> new StatusOption(s, s.isFinal())).toList(),
            ApiNames.of(TaskChoice.class));

    @GetMapping(path = "/api/v1/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getOptions", summary = "The allowed values of every choice",
            description = "The activations, outputs, initialisations, optimizers, L1 updates, early-stopping monitors "
                    + "and modes a job request may name, with their defaults; the job statuses and which of them are "
                    + "final; the tasks of an upload. The same lists the service validates against and the OpenAPI "
                    + "document's enums: a client that offers choices reads them here instead of keeping a copy.")
    Options options() {
        return OPTIONS;
    }
}
