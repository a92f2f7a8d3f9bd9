package dev.regtrain.api;

import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.jobs.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/datasets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Datasets")
class DatasetController {

    private final DatasetService datasets;
    private final JobService jobs;
    private final IdempotentRequests idempotent;

    DatasetController(DatasetService datasets, JobService jobs, IdempotentRequests idempotent) {
        this.datasets = datasets;
        this.jobs = jobs;
        this.idempotent = idempotent;
    }

    @Schema(description = "The uploaded datasets, newest first")
    record DatasetList(List<DatasetRecord> datasets) {
    }

    @GetMapping("/builtin")
    @Operation(operationId = "listBuiltinDatasets", summary = "The built-in generators", description = "Each with its parameters, defaults and limits. "
            + "Use one in a job as {\"builtin\": NAME, PARAMETER: VALUE, ...}; it is seeded by the job's seed.")
    BuiltinCatalogue builtin() {
        return BuiltinCatalogue.of(BuiltinDatasets.catalogue());
    }

    @PostMapping(consumes = {"text/csv", "application/csv"})
    @Operation(operationId = "uploadDataset", summary = "Upload a CSV dataset",
            description = "A header row, then one example per row; the label column defaults to the last. Task "
                    + "'auto' is classification when the labels are not numbers or are a few distinct integers. "
                    + "Class labels are kept as strings. The body is streamed: limits stop the upload early.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string",
                    example = "sepal_length,sepal_width,petal_length,petal_width,label\n5.1,3.5,1.4,0.2,setosa\n"))))
    @ApiResponse(responseCode = "201", description = "Created, with Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DatasetRecord.class)))
    @ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still being handled, "
            + "or the answer stored for the key expired while this upload was received (send it again to create the "
            + "dataset)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used with a different upload")
    @ApiResponse(responseCode = "400", description = "Malformed CSV; the problem names the line")
    @ApiResponse(responseCode = "413", description = "More rows, columns or bytes than the limits allow; or the "
            + "dataset would take its owner beyond regtrain.security.quota.max-stored-bytes (newDatasetBytes: its size "
            + "as stored), or " + ProblemDocument.STORAGE_QUOTA)
    @ApiResponse(responseCode = "415", description = "The Content-Type is not text/csv (a wildcard included)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> upload(
            InputStream body,
            @Parameter(description = "A name for the dataset", example = "iris") @RequestParam(required = false) String name,
            @Parameter(description = "The label column (default: the last)") @RequestParam(required = false) String label,
            @Parameter(description = "classification, regression, or auto: classification when the labels are not "
                    + "numbers or are a few distinct integers") @RequestParam(defaultValue = "auto") String task,
            @Parameter(description = "For images: HxW or HxWxC, pixels row-major", example = "8x8")
            @RequestParam(required = false) String imageShape,
            @Parameter(description = "Makes retries safe: the same key with the same upload returns the first "
                    + "response again and creates nothing; the same key with another upload is 422")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return idempotent.uploadDataset(new RequestBodyStream(body), name, label, task, imageShape, idempotencyKey);
    }

    @GetMapping
    @Operation(operationId = "listDatasets", summary = "List uploaded datasets, newest first",
            description = "Each with its rows, features, task, classes and image shape; use one in a job as "
                    + "{\"id\": ID}.")
    DatasetList list() {
        return new DatasetList(datasets.list());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDataset", summary = "Get an uploaded dataset's description",
            description = "Its rows, features, task, classes (as strings) and image shape.")
    DatasetRecord get(@PathVariable String id) {
        return datasets.get(id);
    }

    @DeleteMapping(path = "/{id}", // answers nothing but a problem: a client that accepts only problems is served
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteDataset", summary = "Delete an uploaded dataset",
            description = "Jobs that trained on it keep their results; their decision-region plots need the data and "
                    + "answer 409 afterwards.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "A queued or running job uses it")
    void delete(@PathVariable String id) {
        jobs.deleteDataset(id);
    }
}
