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
        @Schema(description = "For invalid CSV: the line of the upload at fault", example = "17") Integer line) {

    @Schema(name = "FieldProblem", requiredProperties = {"field", "message"})
    record FieldProblem(
            @Schema(description = "A field of the body (regularization.dropout.hidden[1]) or a query parameter",
                    example = "training.epochs") String field,
            @Schema(description = "What is wrong with it", example = "must be between 1 and 100000; got 0")
            String message) {
    }
}
