package dev.regtrain.models;

import dev.regtrain.common.ConflictException;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.datasets.JobDatasets;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetDescription;
import dev.regtrain.data.Split;
import dev.regtrain.data.Task;
import dev.regtrain.jobs.request.CrossValidations;
import dev.regtrain.jobs.request.DatasetRequest;
import dev.regtrain.jobs.request.JobRequest;
import org.springframework.stereotype.Service;

/**
 * The decision regions of a job that classifies two-feature data: its data regenerated (or loaded) and split exactly
 * as the job split it, and its current model evaluated on a grid over the data.
 */
@Service
public class DecisionSurfaces {

    /** The most points of each split a plot shows; larger splits are thinned evenly. */
    public static final int MAX_POINTS = 2000;
    private static final double MARGIN = 0.08;

    private final ModelService models;
    private final DatasetService datasets;
    private final JobDatasets jobDatasets;

    public DecisionSurfaces(ModelService models, DatasetService datasets) {
        this.models = models;
        this.datasets = datasets;
        this.jobDatasets = new JobDatasets(datasets);
    }

    /**
     * @param job the job as the caller fetched it (so an unknown job is the caller's 404)
     * @throws InvalidRequestException (field {@code dataset}) unless the job classifies data with exactly 2 features
     * @throws ConflictException when the job's uploaded dataset has been deleted
     */
    public DecisionSurface of(JobRecord job, int columns, int rows) {
        requireTwoFeatureClassification(job);
        JobRequest request = job.request();
        Dataset data = dataset(job);
        Split split = CrossValidations.split(data, request);
        DecisionSurface.Extent extent = extent(data);
        double[][] centres = new double[columns * rows][];
        for (int j = 0; j < rows; j++) {
            double y = extent.yMin() + (j + 0.5) * (extent.yMax() - extent.yMin()) / rows;
            for (int i = 0; i < columns; i++) {
                centres[j * columns + i] = new double[] {
                        extent.xMin() + (i + 0.5) * (extent.xMax() - extent.xMin()) / columns, y};
            }
        }
        DecisionSurface.Grid grid = models.classProbabilities(job, centres)
                .map(p -> new DecisionSurface.Grid(columns, rows, p)).orElse(null);
        return new DecisionSurface(data.classes(), data.featureNames(), extent, grid, points(data, split.train()),
                points(data, split.validation()), split.train().length, split.validation().length);
    }

    private void requireTwoFeatureClassification(JobRecord job) {
        Shape shape = shape(job);
        if (!shape.classification() || shape.features() != 2) {
            throw new InvalidRequestException("dataset", "decision regions are drawn for a classification with "
                    + "exactly 2 features; job " + job.id() + " trains on " + shape.source() + ", "
                    + (shape.classification() ? "a classification" : "a regression") + " with " + shape.features()
                    + (shape.features() == 1 ? " feature" : " features"));
        }
    }

    private record Shape(String source, boolean classification, int features) {
    }

    private Shape shape(JobRecord job) {
        DatasetRequest dataset = job.request().dataset();
        String source = dataset.id() != null ? "the uploaded dataset " + dataset.id()
                : "the generator " + dataset.builtin();
        if (job.data() != null) {
            return new Shape(source, "classification".equals(job.data().task()), job.data().inputs());
        }
        if (dataset.id() != null) {
            DatasetRecord record = datasets.find(dataset.id()).orElseThrow(() -> deleted(dataset.id()));
            return new Shape(source, "classification".equals(record.task()), record.features());
        }
        DatasetDescription description = BuiltinDatasets.describe(dataset.builtin(), JobDatasets.parameters(dataset));
        return new Shape(source, description.task() == Task.CLASSIFICATION, description.inputs());
    }

    private Dataset dataset(JobRecord job) {
        String uploaded = job.request().dataset().id();
        if (uploaded != null && datasets.find(uploaded).isEmpty()) {
            throw deleted(uploaded);
        }
        return jobDatasets.forJob(job.request());
    }

    private static ConflictException deleted(String datasetId) {
        return new ConflictException("the job's dataset " + datasetId
                + " has been deleted, so its data cannot be drawn");
    }

    private static DecisionSurface.Extent extent(Dataset data) {
        double[] f = data.features();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.rows(); i++) {
            xMin = Math.min(xMin, f[2 * i]);
            xMax = Math.max(xMax, f[2 * i]);
            yMin = Math.min(yMin, f[2 * i + 1]);
            yMax = Math.max(yMax, f[2 * i + 1]);
        }
        double xPad = xMax > xMin ? MARGIN * (xMax - xMin) : 1;
        double yPad = yMax > yMin ? MARGIN * (yMax - yMin) : 1;
        return new DecisionSurface.Extent(xMin - xPad, xMax + xPad, yMin - yPad, yMax + yPad);
    }

    private static DecisionSurface.Points points(Dataset data, int[] rows) {
        int step = Math.max(1, (rows.length + MAX_POINTS - 1) / MAX_POINTS);
        int n = (rows.length + step - 1) / step;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            int row = rows[k * step];
            x[k] = data.features()[2 * row];
            y[k] = data.features()[2 * row + 1];
            labels[k] = data.labels()[row];
        }
        return new DecisionSurface.Points(x, y, labels);
    }
}
