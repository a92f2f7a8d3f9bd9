package dev.regtrain.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shape of every error body, for the OpenAPI document only: {@link Problems} builds the real ones as Spring's
 * ProblemDetail, and the error contract tests hold the two together.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem document (application/problem+json): every error the "
        + "service answers. No body carries a stack trace, a class name or a file path.",
        requiredProperties = {"type", "title", "status", "detail"})
record ProblemDocument(
        @Schema(description = "What kind of problem; one stable URI per kind",
                example = "https://regtrain.dev/problems/invalid-request", format = "uri") String type,
        @Schema(description = "The kind's constant title", example = "Invalid request") String title,
        @Schema(description = "The HTTP status", example = "400") int status,
        @Schema(description = "What went wrong with this request, in a sentence",
                example = "training.epochs: must be between 1 and 100000; got 0") String detail,
        @Schema(description = "The path of the request", example = "/api/v1/jobs", format = "uri-reference")
        String instance,
        @Schema(description = "For an invalid request: every problem, each with the field (a JSON path in the body, "
                + "or a query parameter's name) it concerns") List<FieldProblem> errors,
        @Schema(description = "For invalid CSV: the line of the upload at fault", example = "17") Integer line,
        @Schema(description = "For a quota's refusal (413 storage-quota-exceeded, 429 active-jobs-quota-exceeded): "
                + "the property that sets the quota", example = "regtrain.security.quota.max-stored-bytes")
        String quota,
        @Schema(description = "For a quota's refusal: the owner whose quota it is", example = "team-a") String owner,
        @Schema(description = "For the storage quota: the bytes the owner holds, datasetBytes + checkpointBytes",
                example = "5342") Long storedBytes,
        @Schema(description = "For the storage quota: the bytes of the owner's datasets as stored", example = "1620")
        Long datasetBytes,
        @Schema(description = "For the storage quota: the bytes of the checkpoints of the owner's jobs as stored",
                example = "3722") Long checkpointBytes,
        @Schema(description = "For the storage quota and an upload: the bytes the refused dataset would have taken",
                example = "2431") Long newDatasetBytes,
        @Schema(description = "For the storage quota: regtrain.security.quota.max-stored-bytes in bytes",
                example = "4096") Long limitBytes,
        @Schema(description = "For the active-jobs quota: the owner's queued and running jobs", example = "4")
        Long activeJobs,
        @Schema(description = "For the active-jobs quota: regtrain.security.quota.max-active-jobs", example = "4")
        Long limitJobs) {

    /** How a 413 of the storage quota reads, on every operation that stores data or starts a job. */
    static final String STORAGE_QUOTA = "the owner already holds regtrain.security.quota.max-stored-bytes of datasets "
            + "and checkpoints (an admin's own owner too; without keys, 'anonymous'): a problem of type "
            + "storage-quota-exceeded with quota, owner, storedBytes, datasetBytes, checkpointBytes and limitBytes; "
            + "nothing was created. Delete datasets or ended jobs and studies to make room. The quota never stops "
            + "what runs: a running job's checkpoints (pruned to its keepLast) and a started study's children may "
            + "take the owner beyond it, and then new uploads, jobs and studies are refused until it deletes something";
    /** How a 429 of the active-jobs quota reads. */
    static final String ACTIVE_JOBS_QUOTA = "the owner has regtrain.security.quota.max-active-jobs queued or running "
            + "jobs (type active-jobs-quota-exceeded, with quota, owner, activeJobs and limitJobs)";

    @Schema(name = "FieldProblem", requiredProperties = {"field", "message"})
    record FieldProblem(
            @Schema(description = "A field of the body (regularization.dropout.hidden[1]) or a query parameter",
                    example = "training.epochs") String field,
            @Schema(description = "What is wrong with it", example = "must be between 1 and 100000; got 0")
            String message) {
    }
}
