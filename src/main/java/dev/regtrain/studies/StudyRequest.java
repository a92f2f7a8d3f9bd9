package dev.regtrain.studies;

import dev.regtrain.jobs.request.JobRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A study as submitted (null = the default) and, once resolved, with every default filled in: the form echoed in the
 * study's {@code request}. Field names and nesting are the HTTP contract (API.md, "Studies").
 */
@Schema(description = "A study: many jobs from one template, chosen among by validation or K-fold cross-validation")
public record StudyRequest(
        @Schema(example = "bc-l2-path") String name,
        @Schema(description = "Determines the folds and every child's seed; default: drawn at random and echoed")
        Long seed,
        @Schema(description = "A job request (POST /api/v1/jobs body) without seed; the trial's values replace the "
                + "searched parameters") JobRequest template,
        Search search,
        CrossValidation crossValidation,
        Selection selection,
        @Schema(description = "After selection, train one more job on all the rows with the selected values",
                defaultValue = "true") Boolean refit,
        @Schema(description = "Children training at once; 0 = as many as there are workers", defaultValue = "0")
        Integer maxParallelJobs) {

    /** What is searched and how. */
    @Schema(name = "StudySearch", description = "The search: path (one regularisation strength, warm-started), grid or random")
    public record Search(
            @Schema(description = "path, grid or random", example = "path") String method,
            @Schema(description = "Dotted paths into the template, each with {values}, {range, count} or "
                    + "{logRange, count}") Map<String, ValueSpec> parameters,
            @Schema(description = "Draws of a random search") Integer trials) {
    }

    /**
     * One parameter's values: exactly one of {@code values}, {@code range} (linear, both ends) and {@code logRange}
     * (geometric, both ends, lo > 0), the last two with {@code count}.
     */
    @Schema(name = "StudyValueSpec", description = "{\"values\": [...]}, {\"range\": [lo, hi], \"count\": n} or {\"logRange\": [lo, hi], "
            + "\"count\": n}")
    public record ValueSpec(List<Double> values, List<Double> range, List<Double> logRange, Integer count) {
    }

    /** K-fold cross-validation of every trial. */
    @Schema(name = "StudyCrossValidation", description = "K-fold cross-validation; null = each trial trains one job with the template's "
            + "validationSplit")
    public record CrossValidation(
            @Schema(description = "K, 2..20", example = "5") Integer folds,
            @Schema(description = "stratified (default for a classification), random, or modulo (row i to fold "
                    + "i mod K)") String assignment,
            @Schema(description = "Repeated K-fold with different assignments (not with modulo)", defaultValue = "1")
            Integer repeats) {
    }

    /** How the trial is chosen. */
    @Schema(name = "StudySelection", description = "How the trial is chosen")
    public record Selection(
            @Schema(description = "val_loss, val_accuracy or val_rmse", defaultValue = "val_loss") String metric,
            @Schema(description = "min or oneStandardError", defaultValue = "min") String rule) {
    }
}
