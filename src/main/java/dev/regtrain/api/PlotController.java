package dev.regtrain.api;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.models.DecisionSurfaces;
import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobSnapshot;
import dev.regtrain.models.ModelService;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.ConflictException;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.plots.Comparison;
import dev.regtrain.plots.CurvePlots;
import dev.regtrain.plots.DecisionRegions;
import dev.regtrain.plots.GradientPlot;
import dev.regtrain.plots.PlotSize;
import dev.regtrain.plots.WeightHistogram;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Plots")
class PlotController {

    private static final String PROBLEM = "application/problem+json";

    /** The answers every plot of one job shares: the PNG; 400 for a size out of range; 404 for an unknown job. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "The plot", content = @Content(mediaType = "image/png",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "width or height out of range", content = @Content(
            mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @interface JobPlotResponses {
    }

    private static final int GRID_COLUMNS = 200;
    private static final int GRID_ROWS = 125;

    private final JobService jobs;
    private final ModelService models;
    private final DecisionSurfaces surfaces;

    PlotController(JobService jobs, ModelService models, DecisionSurfaces surfaces) {
        this.jobs = jobs;
        this.models = models;
        this.surfaces = surfaces;
    }

    @GetMapping(path = "/api/v1/jobs/{id}/plots/loss.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotLoss", summary = "Loss per epoch", description = "The training objective J (data loss + penalty), the "
            + "training data loss, the validation loss and the penalty term, with markers at the best epoch and where "
            + "early stopping fired (or training diverged). The caption gives the objective.")
    @JobPlotResponses
    ResponseEntity<byte[]> loss(@PathVariable String id, @Width @RequestParam(defaultValue = "800") int width,
                                @Height @RequestParam(defaultValue = "500") int height) {
        return curve(id, width, height, CurvePlots::loss);
    }

    @GetMapping(path = "/api/v1/jobs/{id}/plots/accuracy.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotAccuracy", summary = "Accuracy (RMSE for a regression) per epoch",
            description = "Training values as trained (dropout and augmentation on) and validation values in "
                    + "inference mode, with the same markers as the loss plot.")
    @JobPlotResponses
    ResponseEntity<byte[]> accuracy(@PathVariable String id, @Width @RequestParam(defaultValue = "800") int width,
                                    @Height @RequestParam(defaultValue = "500") int height) {
        return curve(id, width, height, CurvePlots::accuracy);
    }

    @GetMapping(path = "/api/v1/jobs/{id}/plots/weights.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotWeights", summary = "Weight norm of each layer per epoch",
            description = "‖W‖_F of every weight layer: how L2, weight decay and max-norm shrink the weights.")
    @JobPlotResponses
    ResponseEntity<byte[]> weights(@PathVariable String id, @Width @RequestParam(defaultValue = "800") int width,
                                   @Height @RequestParam(defaultValue = "500") int height) {
        return curve(id, width, height, CurvePlots::weights);
    }

    @GetMapping(path = "/api/v1/jobs/{id}/plots/gradients.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotGradients", summary = "Gradient norm of each layer per epoch, log scale",
            description = "The mean over the epoch's batches of each layer's data-gradient norm: vanishing gradients "
                    + "lie orders of magnitude under the output layer's, exploding ones shoot up. The caption names "
                    + "the job's diagnostics.")
    @JobPlotResponses
    ResponseEntity<byte[]> gradients(@PathVariable String id, @Width @RequestParam(defaultValue = "800") int width,
                                     @Height @RequestParam(defaultValue = "500") int height) {
        PlotSize size = size(width, height);
        JobSnapshot snapshot = jobs.snapshot(id);
        return png(GradientPlot.png(snapshot.record(), snapshot.metrics(), snapshot.diagnostics(), size));
    }

    @GetMapping(path = "/api/v1/jobs/{id}/plots/histogram.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotHistogram", summary = "Histogram of the model's weights per layer",
            description = "The job's model (as GET /model serves it): a spike at exactly zero under proximal L1, a "
                    + "bell under L2. Before the job has a model, an empty chart that says so.")
    @JobPlotResponses
    ResponseEntity<byte[]> histogram(@PathVariable String id, @Width @RequestParam(defaultValue = "800") int width,
                                     @Height @RequestParam(defaultValue = "500") int height) {
        PlotSize size = size(width, height);
        JobRecord job = jobs.get(id);
        return png(WeightHistogram.png(job, model(job), size));
    }

    @GetMapping(path = "/api/v1/jobs/{id}/plots/decision-boundary.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotDecisionBoundary", summary = "Decision regions of a two-feature classification",
            description = "The class the model predicts everywhere over the data, with the training and validation "
                    + "points. Only for classification datasets with exactly two features; before the job has a model, "
                    + "the points alone.")
    @ApiResponse(responseCode = "200", description = "The plot", content = @Content(mediaType = "image/png",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "The job's dataset is not a classification with two features, "
            + "or width or height out of range", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The job's uploaded dataset has been deleted",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<byte[]> decisionBoundary(@PathVariable String id,
                                            @Width @RequestParam(defaultValue = "800") int width,
                                            @Height @RequestParam(defaultValue = "500") int height) {
        PlotSize size = size(width, height);
        JobRecord job = jobs.get(id);
        return png(DecisionRegions.png(job, surfaces.of(job, GRID_COLUMNS, GRID_ROWS), size));
    }

    @GetMapping(path = "/api/v1/plots/compare.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "plotComparison", summary = "Validation loss of several jobs on one chart",
            description = "E.g. no regularisation vs L2 vs dropout vs early stopping; the legend names the jobs. A "
                    + "job without a validation split shows its training loss. Try "
                    + "/api/v1/plots/compare.png?jobs=ID1,ID2,ID3")
    @ApiResponse(responseCode = "200", description = "The plot", content = @Content(mediaType = "image/png",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "No job ids, more than 10, ids of no job (named in the "
            + "problem), or width or height out of range", content = @Content(mediaType = PROBLEM))
    ResponseEntity<byte[]> compare(@Parameter(description = "Comma-separated job ids, 1 to 10", required = true)
                                   @RequestParam(name = "jobs", required = false) String jobIds,
                                   @Width @RequestParam(defaultValue = "800") int width,
                                   @Height @RequestParam(defaultValue = "500") int height) {
        PlotSize size = size(width, height);
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(jobIds == null ? new String[0] : jobIds.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).forEach(ids::add);
        if (ids.isEmpty()) {
            throw new InvalidRequestException("jobs", "needs at least one job id, e.g. ?jobs=ID1,ID2");
        }
        if (ids.size() > Comparison.MAX_JOBS) {
            throw new InvalidRequestException("jobs", "names " + ids.size() + " jobs; a comparison draws at most "
                    + Comparison.MAX_JOBS);
        }
        List<String> unknown = ids.stream().filter(i -> !jobs.exists(i)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("jobs", (unknown.size() == 1 ? "names no job: '" : "name no jobs: '")
                    + String.join("', '", unknown) + "'");
        }
        List<Comparison.Run> runs = new ArrayList<>();
        for (String id : ids) {
            try {
                JobSnapshot snapshot = jobs.snapshot(id);
                runs.add(new Comparison.Run(snapshot.record(), snapshot.metrics()));
            } catch (NotFoundException e) {
                throw new InvalidRequestException("jobs", "names no job: '" + id + "' (it was just deleted)");
            }
        }
        return png(Comparison.png(runs, size));
    }

    /**
     * One of the per-epoch curves of a job: its size checked, then the job (404 if unknown) and its metrics, read
     * together so that the marks the record places (the best epoch, the stop) fall on the rows drawn.
     */
    private ResponseEntity<byte[]> curve(String id, int width, int height, CurvePlot plot) {
        PlotSize size = size(width, height);
        JobSnapshot snapshot = jobs.snapshot(id);
        return png(plot.render(snapshot.record(), snapshot.metrics(), size));
    }

    /** A plot of {@link CurvePlots}: the job, its metrics so far, the size. */
    @FunctionalInterface
    private interface CurvePlot {
        byte[] render(JobRecord job, List<EpochMetrics> rows, PlotSize size);
    }

    /** The job's model, or null while it has none (the caller has fetched the job, so an unknown one is a 404). */
    private ModelDocument model(JobRecord job) {
        try {
            return models.model(job.id());
        } catch (ConflictException | NotFoundException e) {
            return null;
        }
    }

    static PlotSize size(int width, int height) {
        List<FieldError> errors = new ArrayList<>();
        if (width < PlotSize.MIN_WIDTH || width > PlotSize.MAX_WIDTH) {
            errors.add(new FieldError("width", "must be between " + PlotSize.MIN_WIDTH + " and " + PlotSize.MAX_WIDTH
                    + " pixels; got " + width));
        }
        if (height < PlotSize.MIN_HEIGHT || height > PlotSize.MAX_HEIGHT) {
            errors.add(new FieldError("height", "must be between " + PlotSize.MIN_HEIGHT + " and "
                    + PlotSize.MAX_HEIGHT + " pixels; got " + height));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PlotSize(width, height);
    }

    /** The response of every image endpoint (the previews' too): a PNG that is drawn afresh for every request. */
    static ResponseEntity<byte[]> png(byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(bytes);
    }

    /** The width query parameter, documented once. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "Width in pixels, 400–2400")
    @interface Width {
    }

    /** The height query parameter, documented once. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "Height in pixels, 300–1600")
    @interface Height {
    }
}
