package dev.regtrain.api;

import dev.regtrain.common.DamageLog;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.JobService;
import dev.regtrain.models.ModelService;
import dev.regtrain.models.Prediction;
import dev.regtrain.models.PredictionRequest;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.models.document.ModelDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs/{id}")
@Tag(name = "Results", description = "Metrics, checkpoints, the trained model and predictions")
class JobDataController {

    private final JobService jobs;
    private final ModelService models;

    private final DamageLog damage;

    JobDataController(JobService jobs, ModelService models, DamageLog damage) {
        this.damage = damage;
        this.jobs = jobs;
        this.models = models;
    }

    /** Every epoch's metrics so far. */
    /** @param warnings damage found in the stored rows (a line left out), empty when all is intact */
    record MetricsResponse(String jobId, List<MetricsRow> epochs, List<String> warnings) {
    }

    record CheckpointsResponse(List<CheckpointInfo> checkpoints) {
    }

    record PredictionsResponse(List<Prediction> predictions) {
    }

    @GetMapping(path = "/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Per-epoch metrics", description = "One row per epoch. Ask for text/csv to get the same "
            + "rows as CSV, one column per scalar and per-layer values as layer1.weightNorm etc.")
    MetricsResponse metrics(@PathVariable String id) {
        List<MetricsRow> rows = jobs.metrics(id).stream().map(MetricsRow::of).toList();
        return new MetricsResponse(id, rows, damage.about("job", id));
    }

    @GetMapping(path = "/metrics", produces = "text/csv")
    ResponseEntity<String> metricsCsv(@PathVariable String id) {
        List<EpochMetrics> rows = jobs.metrics(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(MetricsCsv.write(rows, jobs.get(id).request().network().hidden().size() + 1));
    }

    @GetMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List checkpoints", description = "The best checkpoint (ref 'best') first, then periodic "
            + "and final ones by epoch.")
    CheckpointsResponse checkpoints(@PathVariable String id) {
        return new CheckpointsResponse(models.checkpoints(id));
    }

    @GetMapping(path = "/checkpoints/{ref}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Download a checkpoint as a model document",
            description = "ref is 'best', 'latest' or an epoch number.")
    @ApiResponse(responseCode = "404", description = "No such checkpoint")
    ModelDocument checkpoint(@PathVariable String id, @PathVariable String ref) {
        return models.checkpoint(id, ref);
    }

    @GetMapping(path = "/model", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The model the job produced", description = "The best weights with restoreBestWeights, "
            + "else the last. While the job runs, the best or latest checkpoint so far.")
    @ApiResponse(responseCode = "409", description = "The job has produced nothing yet")
    ModelDocument model(@PathVariable String id) {
        return models.model(id);
    }

    @PostMapping(path = "/predictions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Predict with the job's model or one of its checkpoints",
            description = "Inputs are raw rows; the model's standardisation is applied. With mcDropoutSamples N > 0 "
                    + "dropout stays on for N passes and each prediction carries the standard deviation.")
    @ApiResponse(responseCode = "400", description = "A row of the wrong width, or a non-finite value")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "two points", value = "{\"inputs\": [[0.0, 0.5], [1.5, -0.4]], \"mcDropoutSamples\": 0}")))
    PredictionsResponse predict(@PathVariable String id, @RequestBody(required = false) PredictionRequest request) {
        if (request == null) {
            throw new InvalidRequestException("inputs", "a prediction needs a JSON body with 'inputs'");
        }
        return new PredictionsResponse(models.predict(id, request));
    }
}
