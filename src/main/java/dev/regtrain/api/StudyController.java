package dev.regtrain.api;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.data.Folds;
import dev.regtrain.jobs.request.CrossValidations;
import dev.regtrain.plots.StudyPlots;
import dev.regtrain.studies.SearchMethod;
import dev.regtrain.studies.SelectionMetric;
import dev.regtrain.studies.SelectionRule;
import dev.regtrain.studies.StudyPage;
import dev.regtrain.studies.StudyParameter;
import dev.regtrain.studies.StudyRequest;
import dev.regtrain.studies.StudyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/studies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Studies")
class StudyController {

    static final String EXAMPLE = """
            {
              "name": "moons-l2-path",
              "seed": 7,
              "template": {
                "dataset": {"builtin": "moons", "samples": 400, "noise": 0.3},
                "network": {"hidden": [{"units": 32, "activation": "relu"}]},
                "training": {"epochs": 200, "batchSize": 0, "optimizer": "adam", "learningRate": 0.01},
                "regularization": {"earlyStopping": {"patience": 20}}
              },
              "search": {"method": "path",
                         "parameters": {"regularization.penalty.l2": {"logRange": [0.01, 100], "count": 12}}},
              "crossValidation": {"folds": 5, "assignment": "stratified"},
              "selection": {"metric": "val_loss", "rule": "oneStandardError"},
              "refit": true
            }""";

    /** The answers both plots of a study share: the PNG; 400 for a size out of range; 404 for an unknown study. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "The plot", content = @Content(mediaType = "image/png",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "width or height out of range")
    @ApiResponse(responseCode = "404", description = "No such study")
    @interface StudyPlotResponses {
    }

    private final StudyService studies;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    StudyController(StudyService studies, IdempotentRequests idempotent, Clock clock) {
        this.studies = studies;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createStudy", summary = "Start a study", description = "Validates the study and every trial's job (each problem "
            + "named by its field: search.parameters.<path>, template.<field>, crossValidation.folds, ...), saves it "
            + "and submits its first children. Its children are ordinary jobs: GET /api/v1/jobs?study=ID.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            examples = @ExampleObject(name = "moons-l2-path", summary = "A 12-value L2 path with 5-fold "
                    + "cross-validation and the one-standard-error rule", value = EXAMPLE)))
    @ApiResponse(responseCode = "202", description = "Accepted: the study, with Location pointing at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = StudyResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid study", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Its first children do not fit the queue; nothing was created")
    @ApiResponse(responseCode = "413", description = "The body is larger than regtrain.limits.max-request-bytes, or "
            + ProblemDocument.STORAGE_QUOTA)
    @ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still being handled")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    ResponseEntity<String> create(@RequestBody(required = false) StudyRequest request,
                                  @Parameter(description = "Makes retries safe, as for jobs")
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (request == null) {
            throw new InvalidRequestException("body", "a study needs a JSON body; see the OpenAPI document");
        }
        return idempotent.submitStudy(request, idempotencyKey);
    }

    /** What a study may search and how: the parameters with their ranges, methods, metrics, rules, assignments. */
    @Schema(name = "StudyOptions", description = "What a study may search and how")
    record StudyOptions(List<StudyParameter.Description> parameters,
                   List<String> methods, List<String> metrics, List<String> rules,
                   List<String> assignments, int minFolds, int maxFolds) {
    }

    @GetMapping("/options")
    @Operation(operationId = "studyOptions", summary = "What a study may search", description = "The searchable parameters (paths, ranges, "
            + "whole numbers or not, which way they regularise, whether a path may follow them), the methods, "
            + "metrics, rules and fold assignments: the lists validation uses.")
    @ApiResponse(responseCode = "200", description = "The lists")
    @ApiResponse(responseCode = "406", description = "The Accept header asks for something other than JSON")
    StudyOptions options() {
        return new StudyOptions(Arrays.stream(StudyParameter.values())
                .map(StudyParameter::describe).toList(),
                Arrays.stream(SearchMethod.values())
                        .map(SearchMethod::label).toList(),
                Arrays.stream(SelectionMetric.values())
                        .map(SelectionMetric::label).toList(),
                Arrays.stream(SelectionRule.values())
                        .map(SelectionRule::label).toList(),
                CrossValidations.ASSIGNMENTS, Folds.MIN_FOLDS, Folds.MAX_FOLDS);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getStudy", summary = "Get a study", description = "Status, progress with ETA, every trial with its per-fold "
            + "values, mean and standard error, and once it ends the selection and the refit job.")
    @ApiResponse(responseCode = "200", description = "The study")
    @ApiResponse(responseCode = "404", description = "No such study")
    StudyResponse get(@PathVariable String id) {
        return StudyResponse.of(studies.get(id), clock.instant());
    }

    @GetMapping
    @Operation(operationId = "listStudies", summary = "List studies, newest first", description = "Optionally "
            + "filtered by status; page with the opaque cursor from the previous page's 'next'.")
    @ApiResponse(responseCode = "200", description = "A page of studies")
    @ApiResponse(responseCode = "400", description = "An unknown status, a limit out of range or a cursor this "
            + "service did not make")
    StudyResponse.Page list(
            @Parameter(description = "Comma-separated statuses") @RequestParam(required = false) String status,
            @Parameter(description = "Studies per page") @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "The 'next' of the previous page") @RequestParam(required = false) String cursor) {
        StudyPage page = studies.list(JobController.statuses(status), limit, cursor);
        return new StudyResponse.Page(page.studies().stream().map(s -> StudyResponse.Summary.of(s, clock.instant()))
                .toList(), page.next());
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "cancelStudy", summary = "Cancel a study", description = "Queued children are cancelled at once, running ones within "
            + "a mini-batch; the study ends CANCELLED once they have.")
    @ApiResponse(responseCode = "202", description = "The study, as it is now")
    @ApiResponse(responseCode = "404", description = "No such study")
    @ApiResponse(responseCode = "409", description = "The study already ended")
    StudyResponse cancel(@PathVariable String id) {
        return StudyResponse.of(studies.cancel(id), clock.instant());
    }

    @DeleteMapping(path = "/{id}", // answers nothing but a problem: a client that accepts only problems is served
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteStudy", summary = "Delete a study that ended, with all its jobs",
            description = "Removes the study and every job it trained, with their files.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such study")
    @ApiResponse(responseCode = "409", description = "The study has not ended")
    void delete(@PathVariable String id) {
        studies.delete(id);
    }

    @GetMapping(path = "/{id}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getStudyResults", summary = "Results, one row per trial × fold", description = "Ask for text/csv to get the same rows "
            + "as CSV: trial, fold, repeat, job, one column per searched parameter, value, bestEpoch, status.")
    @ApiResponse(responseCode = "200", description = "The rows, as JSON or (Accept: text/csv) as CSV with a header "
            + "row", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = StudyResults.Results.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No such study")
    StudyResults.Results results(@PathVariable String id) {
        return StudyResults.of(studies.get(id));
    }

    @GetMapping(path = "/{id}/results", produces = "text/csv")
    @Operation(operationId = "getStudyResults")
    ResponseEntity<String> resultsCsv(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(StudyResults.csv(studies.get(id)));
    }

    @GetMapping(path = "/{id}/plots/validation-curve.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotValidationCurve", summary = "Validation curve", description = "Each trial's mean over folds ± one standard error "
            + "against the searched parameter (log axis for a logRange), the best and the one-standard-error trials "
            + "marked: the picture cv.glmnet draws.")
    @StudyPlotResponses
    ResponseEntity<byte[]> validationCurve(@PathVariable String id,
                                           @PlotController.Width @RequestParam(defaultValue = "800") int width,
                                           @PlotController.Height @RequestParam(defaultValue = "500") int height) {
        var size = PlotController.size(width, height);
        return PlotController.png(StudyPlots.validationCurve(StudyFigures.curve(studies.get(id)), size));
    }

    @GetMapping(path = "/{id}/plots/path.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotRegularisationPath", summary = "Regularisation path", description = "Each weight layer's ‖W‖_F and share of exact zeros "
            + "(fold means) against the searched parameter.")
    @StudyPlotResponses
    ResponseEntity<byte[]> path(@PathVariable String id,
                                @PlotController.Width @RequestParam(defaultValue = "800") int width,
                                @PlotController.Height @RequestParam(defaultValue = "500") int height) {
        var size = PlotController.size(width, height);
        return PlotController.png(StudyPlots.path(StudyFigures.path(studies.get(id)), size));
    }
}
