package dev.regtrain.api;

import dev.regtrain.models.ClassificationEvaluation;
import dev.regtrain.models.EvaluationRequest;
import dev.regtrain.models.EvaluationService;
import dev.regtrain.models.GradientCheckRequest;
import dev.regtrain.models.GradientCheckResponse;
import dev.regtrain.models.GradientCheckService;
import dev.regtrain.models.RegressionEvaluation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

@RestController
@RequestMapping("/api/v1/jobs/{id}")
@Tag(name = "Analysis")
class JobAnalysisController {

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private final GradientCheckService gradientChecks;
    private final EvaluationService evaluations;

    JobAnalysisController(GradientCheckService gradientChecks, EvaluationService evaluations) {
        this.gradientChecks = gradientChecks;
        this.evaluations = evaluations;
    }

    @PostMapping(path = "/gradient-check", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "checkGradient", summary = "Check the analytic gradient against central differences",
            description = "On the job's exact objective (penalties, label smoothing and class weights included, "
                    + "dropout off, batch normalisation with the statistics of the examples checked) at a checkpoint, "
                    + "over the first examples of the training split; deterministic. Verdict: OK below 1e-7, CHECK up "
                    + "to 1e-4, WRONG above. Always in float64: a job trained in float32 is checked on its float32 "
                    + "weights widened exactly to doubles, with the float64 gradient (central differences in float32 "
                    + "would carry errors near 1e-3); the float32 step computes the same formulas, and its forward "
                    + "and backward passes are tested against float64's within float rounding.")
    @ApiResponse(responseCode = "200", description = "Each layer's largest relative error and the verdict")
    @ApiResponse(responseCode = "400", description = "examples or parametersPerLayer out of range")
    @ApiResponse(responseCode = "404", description = "No such job or checkpoint")
    @ApiResponse(responseCode = "409", description = "The job has no model yet")
    GradientCheckResponse gradientCheck(@PathVariable String id,
                                        @RequestBody(required = false) GradientCheckRequest request) {
        return gradientChecks.check(id, request);
    }

    @PostMapping(path = "/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "evaluateModel", summary = "Evaluate the job's model on an uploaded dataset",
            description = "The dataset needs the model's features and label. A classification gets its loss (no "
                    + "penalty), accuracy, confusion matrix (row = true class, column = predicted), per-class "
                    + "precision, recall and F1 and, for two classes, the ROC AUC; a regression its loss, RMSE, MAE "
                    + "and R². With Accept: text/csv, one row per example with its prediction.")
    @ApiResponse(responseCode = "200", description = "The evaluation, or (Accept: text/csv) one row per example "
            + "with its prediction", content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(oneOf = {ClassificationEvaluation.class, RegressionEvaluation.class})),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
    @ApiResponse(responseCode = "400", description = "No such dataset, or one without the model's features, task "
            + "or classes")
    @ApiResponse(responseCode = "404", description = "No such job or checkpoint")
    @ApiResponse(responseCode = "409", description = "The job has no model yet")
    Object evaluate(@PathVariable String id, @RequestBody(required = false) EvaluationRequest request) {
        return evaluations.evaluate(id, request).summary();
    }

    @PostMapping(path = "/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = "text/csv")
    @Operation(operationId = "evaluateModel")
    ResponseEntity<String> evaluateCsv(@PathVariable String id,
                                       @RequestBody(required = false) EvaluationRequest request) {
        EvaluationService.Evaluation evaluation = evaluations.evaluate(id, request);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        evaluation.columns().forEach(schema::addColumn);
        List<Object[]> rows = evaluation.rows();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(CSV.writer(schema.build()).writeValueAsString(rows));
    }
}
