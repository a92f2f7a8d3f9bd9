package dev.regtrain.api;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.DamageLog;
import dev.regtrain.jobs.JobFilter;
import dev.regtrain.jobs.JobPage;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.request.JobRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Jobs")
class JobController {

    static final String EXAMPLE = """
            {
              "name": "moons-l2-dropout",
              "seed": 42,
              "dataset": {"builtin": "moons", "samples": 1000, "noise": 0.3},
              "validationSplit": 0.2,
              "network": {"hidden": [{"units": 64, "activation": "relu"}, {"units": 64, "activation": "relu"}]},
              "training": {"epochs": 200, "batchSize": 32, "optimizer": "momentum", "learningRate": 0.05},
              "regularization": {
                "penalty": {"l2": 0.5},
                "dropout": {"hidden": 0.5},
                "earlyStopping": {"monitor": "val_loss", "patience": 10, "minDelta": 0.0001}
              },
              "checkpoints": {"everyEpochs": 10, "keepLast": 3}
            }""";

    private final JobService jobs;
    private final IdempotentRequests idempotent;
    private final Clock clock;
    private final DamageLog damage;

    JobController(JobService jobs, IdempotentRequests idempotent, Clock clock, DamageLog damage) {
        this.damage = damage;
        this.jobs = jobs;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitJob", summary = "Submit a training job",
            description = "Validates the request (every problem is reported with its field path), fills in every "
                    + "default and queues the job. Training runs asynchronously; follow it with GET or the events "
                    + "stream.")
    @ApiResponse(responseCode = "400", description = "Invalid request", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "The body is larger than regtrain.limits.max-request-bytes, or "
            + ProblemDocument.STORAGE_QUOTA)
    @ApiResponse(responseCode = "429", description = "The queue is full, or " + ProblemDocument.ACTIVE_JOBS_QUOTA
            + "; retry after Retry-After seconds")
    @ApiResponse(responseCode = "415", description = "The Content-Type is not application/json (a wildcard included)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "moons-l2-dropout",
            summary = "Moons, two hidden layers, L2, dropout and early stopping", value = EXAMPLE)))
    @ApiResponse(responseCode = "202", description = "Accepted: the job, with Location pointing at it",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = JobResponse.class)))
    @ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still being handled")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    ResponseEntity<String> submit(
            @RequestBody(required = false) JobRequest request,
            @Parameter(description = "Makes retries safe: the same key with the same body returns the first response "
                    + "again and creates nothing (also after a restart); the same key with another body is 422")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (request == null) {
            throw new InvalidRequestException("body", "a job needs a JSON body; see the OpenAPI document for its fields");
        }
        return idempotent.submitJob(request, idempotencyKey);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getJob", summary = "Get a job", description = "Status, progress with ETA, latest and best metrics, stop "
            + "reason, the resolved request and the objective.")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "404", description = "No such job")
    JobResponse get(@PathVariable String id) {
        JobRecord job = jobs.get(id);
        return JobResponse.of(job, clock.instant(), damage.about("job", id), jobs.diagnostics(id));
    }

    @GetMapping
    @Operation(operationId = "listJobs", summary = "List jobs, newest first", description = "Optionally filtered by "
            + "status; page with the opaque cursor from the previous page's 'next'. Each entry has the job's status, "
            + "progress, best monitored value and how it stopped, so that jobs compare without fetching each.")
    @ApiResponse(responseCode = "200", description = "A page of jobs")
    @ApiResponse(responseCode = "400", description = "An unknown status, a limit out of range or a cursor this "
            + "service did not make")
    JobSummary.Page list(
            @Parameter(description = "Comma-separated statuses, e.g. RUNNING,QUEUED") @RequestParam(required = false)
            String status,
            @Parameter(description = "Jobs per page") @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "The 'next' of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Only the jobs of this study") @RequestParam(required = false) String study) {
        JobPage page = jobs.list(new JobFilter(statuses(status), study), limit, cursor);
        return new JobSummary.Page(page.jobs().stream().map(j -> JobSummary.of(j, clock.instant())).toList(),
                page.next());
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "cancelJob", summary = "Cancel a job", description = "A queued job is cancelled at once, a running one within one "
            + "mini-batch; its checkpoints stay available.")
    @ApiResponse(responseCode = "202", description = "The job, as it is now")
    @ApiResponse(responseCode = "409", description = "The job already ended")
    JobResponse cancel(@PathVariable String id) {
        JobRecord job = jobs.cancel(id);
        return JobResponse.of(job, clock.instant(), List.of(), jobs.diagnostics(id));
    }

    /** How many epochs to continue a job by. */
    record ContinueRequest(@io.swagger.v3.oas.annotations.media.Schema(description = "Epochs to train on top of the "
            + "job's last one", example = "50") Integer epochs) {
    }

    @PostMapping(path = "/{id}/continue", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "continueJob", summary = "Continue a finished job by more epochs",
            description = "A new job that starts from the job's last complete state (weights, optimizer moments, "
                    + "schedule, random generators, history) and trains the extra epochs, numbered on from the "
                    + "original's. For a job that ran to completion without early stopping and a schedule that does "
                    + "not depend on the total epochs (not cosine), it ends bit-identical to a job submitted with the "
                    + "extra epochs at first.")
    @ApiResponse(responseCode = "202", description = "Accepted: the new job (with continuedFrom), Location "
            + "pointing at it")
    @ApiResponse(responseCode = "400", description = "epochs missing or out of range")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
    @ApiResponse(responseCode = "409", description = "The job has not ended, or has no checkpoint")
    @ApiResponse(responseCode = "413", description = "The body is larger than regtrain.limits.max-request-bytes, or "
            + ProblemDocument.STORAGE_QUOTA)
    @ApiResponse(responseCode = "429", description = "The queue is full, or " + ProblemDocument.ACTIVE_JOBS_QUOTA
            + "; retry after Retry-After seconds")
    ResponseEntity<JobResponse> continueJob(@PathVariable String id,
                                            @RequestBody(required = false) ContinueRequest request) {
        if (request == null || request.epochs() == null) {
            throw new InvalidRequestException("epochs", "is required: {\"epochs\": N}");
        }
        JobRecord job = jobs.continueJob(id, request.epochs());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(java.net.URI.create("/api/v1/jobs/" + job.id()))
                .body(JobResponse.of(job, clock.instant(), List.of(), jobs.diagnostics(job.id())));
    }

    @DeleteMapping(path = "/{id}", // answers nothing but a problem: a client that accepts only problems is served
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteJob", summary = "Delete a finished job and all its files",
            description = "Its metrics, checkpoints and model go too. A queued or running job must be cancelled "
                    + "first.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The job is queued or running")
    void delete(@PathVariable String id) {
        jobs.delete(id);
    }

    /** Comma-separated statuses as a set (empty for none); an unknown one is a 400 on {@code status}. */
    static Set<JobStatus> statuses(String status) {
        Set<JobStatus> statuses = EnumSet.noneOf(JobStatus.class);
        if (status == null || status.isBlank()) {
            return statuses;
        }
        for (String name : status.split(",")) {
            try {
                statuses.add(JobStatus.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status", "must be one or more of " + String.join(", ",
                        Arrays.stream(JobStatus.values()).map(Enum::name).toList()) + "; got '" + name.trim() + "'");
            }
        }
        return statuses;
    }
}
