package dev.regtrain.api;

import dev.regtrain.common.DamageLog;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.JobService;
import dev.regtrain.models.ExportFormat;
import dev.regtrain.models.ModelFiles;
import dev.regtrain.models.ModelService;
import dev.regtrain.models.Prediction;
import dev.regtrain.models.PredictionRequest;
import dev.regtrain.models.Predictions;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.models.document.ModelDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs/{id}")
@Tag(name = "Results")
class JobDataController {

    private final JobService jobs;
    private final ModelService models;
    private final ModelFiles files;

    private final DamageLog damage;

    private static final String DOWNLOAD = "The response carries an ETag (the SHA-256 of its bytes) and answers "
            + "If-None-Match with 304. format=onnx gives an ONNX model (IR 7, opset 13) that takes the raw features "
            + "(input 'features' [N, n]) and gives 'probabilities' [N, K] and 'label' [N] (int64 index into the "
            + "classes listed in its metadata) or 'value' [N, 1]; precision=float64 makes it double throughout.";
    private static final String PROBLEM = "application/problem+json";
    private static final String FORMAT = "json (the model document, default) or onnx";
    private static final String PRECISION = "With format=onnx: float32 (default) or float64";

    JobDataController(JobService jobs, ModelService models, ModelFiles files, DamageLog damage) {
        this.damage = damage;
        this.jobs = jobs;
        this.models = models;
        this.files = files;
    }

    /**
     * Every epoch's metrics so far.
     *
     * @param warnings damage found in the stored rows (a line left out), empty when all is intact
     */
    @Schema(description = "Every epoch's metrics so far, in order")
    record MetricsResponse(String jobId, List<MetricsRow> epochs,
                           @Schema(description = "Damage found in the stored rows (a line left out); empty when all "
                                   + "is intact") List<String> warnings) {
    }

    @Schema(description = "The job's checkpoints: the best first, then the others by epoch")
    record CheckpointsResponse(List<CheckpointInfo> checkpoints) {
    }

    /** @param precision the precision the model was trained in; the predictions are computed in float64 */
    @Schema(description = "One prediction per input row, in order")
    record PredictionsResponse(List<Prediction> predictions,
                               @Schema(description = "The precision the model was trained in (float64 or float32); "
                                       + "predictions are computed in float64 either way") String precision) {
    }

    @GetMapping(path = "/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getMetrics", summary = "Per-epoch metrics", description = "One row per epoch. Ask for "
            + "text/csv to get the same rows as CSV, one column per scalar and per-layer values as layer1.weightNorm "
            + "etc.")
    @ApiResponse(responseCode = "200", description = "The rows so far, as JSON or (Accept: text/csv) as CSV with a "
            + "header row", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MetricsResponse.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    MetricsResponse metrics(@PathVariable String id) {
        List<MetricsRow> rows = jobs.metrics(id).stream().map(MetricsRow::of).toList();
        return new MetricsResponse(id, rows, damage.about("job", id));
    }

    @GetMapping(path = "/metrics", produces = "text/csv")
    @Operation(operationId = "getMetrics")
    ResponseEntity<String> metricsCsv(@PathVariable String id) {
        List<EpochMetrics> rows = jobs.metrics(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(MetricsCsv.write(rows, jobs.get(id).request().network().hidden().size() + 1));
    }

    @GetMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listCheckpoints", summary = "List checkpoints", description = "The best checkpoint (ref 'best') first, then periodic "
            + "and final ones by epoch. sizeBytes and sha256 are those of the model document GET "
            + "/checkpoints/{ref} serves, which is also its ETag.")
    CheckpointsResponse checkpoints(@PathVariable String id) {
        return new CheckpointsResponse(files.checkpoints(id));
    }

    @GetMapping(path = "/checkpoints/{ref}", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(operationId = "getCheckpoint", summary = "Download a checkpoint as a model document or an ONNX model",
            description = "ref is 'best', 'latest' or an epoch number. " + DOWNLOAD)
    @ApiResponse(responseCode = "200", description = "The model document, or with format=onnx an ONNX model",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ModelDocument.class)),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                            schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current ETag", content = @Content)
    @ApiResponse(responseCode = "400", description = "An unknown format or precision",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job, or no such checkpoint",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<byte[]> checkpoint(@PathVariable String id, @PathVariable String ref,
                                      @Parameter(description = FORMAT) @RequestParam(required = false) String format,
                                      @Parameter(description = PRECISION) @RequestParam(required = false)
                                      String precision) {
        ExportFormat.Choice choice = ExportFormat.Choice.parse(format, precision);
        return download(files.checkpoint(id, ref, choice), choice, id + "-" + ref);
    }

    @GetMapping(path = "/model", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(operationId = "getModel", summary = "Download the model the job produced", description = "The best weights with restoreBestWeights, "
            + "else the last. While the job runs, the best or latest checkpoint so far. " + DOWNLOAD)
    @ApiResponse(responseCode = "200", description = "The model document, or with format=onnx an ONNX model",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ModelDocument.class)),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                            schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current ETag", content = @Content)
    @ApiResponse(responseCode = "400", description = "An unknown format or precision",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The job has produced nothing yet",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<byte[]> model(@PathVariable String id,
                                 @Parameter(description = FORMAT) @RequestParam(required = false) String format,
                                 @Parameter(description = PRECISION) @RequestParam(required = false)
                                 String precision) {
        ExportFormat.Choice choice = ExportFormat.Choice.parse(format, precision);
        return download(files.model(id, choice), choice, id + "-model");
    }

    /** The file with its SHA-256 as ETag; a GET whose If-None-Match names it is answered 304 by Spring MVC. */
    private static ResponseEntity<byte[]> download(ModelFiles.ModelFile file, ExportFormat.Choice choice,
                                                   String name) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag("\"" + file.sha256() + "\"");
        if (choice.format() == ExportFormat.JSON) {
            return response.contentType(MediaType.APPLICATION_JSON).body(file.bytes());
        }
        return response.contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("regtrain-" + name + "-" + choice.precisionName() + ".onnx").build().toString())
                .body(file.bytes());
    }

    @PostMapping(path = "/predictions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "predict", summary = "Predict with the job's model or one of its checkpoints",
            description = "Inputs are raw rows; the model's standardisation is applied. With mcDropoutSamples N > 0 "
                    + "dropout stays on for N passes and each prediction carries the standard deviation.")
    @ApiResponse(responseCode = "200", description = "The predictions: a label and class probabilities for a "
            + "classification, a value for a regression; with mcDropoutSamples, their standard deviations")
    @ApiResponse(responseCode = "400", description = "A row of the wrong width, or a non-finite value")
    @ApiResponse(responseCode = "409", description = "The job has produced no model yet")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "two points", value = "{\"inputs\": [[0.0, 0.5], [1.5, -0.4]], \"mcDropoutSamples\": 0}")))
    PredictionsResponse predict(@PathVariable String id, @RequestBody(required = false) PredictionRequest request) {
        if (request == null) {
            throw new InvalidRequestException("inputs", "a prediction needs a JSON body with 'inputs'");
        }
        Predictions result = models.predict(id, request);
        return new PredictionsResponse(result.predictions(), result.precision());
    }
}
