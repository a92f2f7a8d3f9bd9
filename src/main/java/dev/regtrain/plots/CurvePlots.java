package dev.regtrain.plots;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LayerMetrics;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.StopReasonCode;
import dev.regtrain.jobs.request.HiddenLayerRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.knowm.xchart.XYChart;

/** Per-epoch curves of one job: its losses and penalty, its accuracy (or RMSE), its weight norms. */
public final class CurvePlots {

    private CurvePlots() {
    }

    /**
     * Training objective J, training data loss, validation loss and the penalty term per epoch, with markers at the
     * best epoch and where early stopping fired (or training diverged).
     */
    public static byte[] loss(JobRecord job, List<EpochMetrics> rows, PlotSize size) {
        XYChart chart = Charts.xy(size, "Loss · " + JobText.name(job), "epoch", "loss (mean per training example)");
        double[] epochs = epochs(rows);
        boolean penalised = rows.stream().anyMatch(r -> r.penalty() != 0);
        if (penalised) {
            Charts.line(chart, "training objective J", epochs, values(rows, r -> r.trainLoss()), Charts.BLUE,
                    Charts.SOLID);
        }
        if (!rows.isEmpty()) {
            Charts.line(chart, penalised ? "training data loss" : "training loss", epochs,
                    values(rows, r -> r.trainDataLoss()), Charts.SKY, penalised ? Charts.DASHED : Charts.SOLID);
        }
        if (rows.stream().anyMatch(r -> r.valLoss() != null)) {
            Charts.line(chart, "validation loss", epochs, values(rows, EpochMetrics::valLoss), Charts.VERMILLION,
                    Charts.SOLID);
        }
        if (penalised) {
            Charts.line(chart, "penalty", epochs, values(rows, r -> r.penalty()), Charts.PURPLE, Charts.DOTTED);
        }
        String objective = job.objective() == null ? JobText.regularisation(job) : job.objective();
        return finish(chart, job, rows, size, List.of(JobText.state(job), objective));
    }

    /** Training and validation accuracy per epoch; RMSE for a regression. */
    public static byte[] accuracy(JobRecord job, List<EpochMetrics> rows, PlotSize size) {
        boolean regression = rows.isEmpty() ? job.data() != null && "regression".equals(job.data().task())
                : rows.stream().allMatch(r -> r.trainAccuracy() == null);
        XYChart chart = regression
                ? Charts.xy(size, "RMSE · " + JobText.name(job), "epoch", "root mean squared error")
                : Charts.xy(size, "Accuracy · " + JobText.name(job), "epoch", "accuracy (share classified correctly)");
        double[] epochs = epochs(rows);
        if (!rows.isEmpty()) {
            Charts.line(chart, regression ? "training RMSE" : "training accuracy", epochs,
                    values(rows, regression ? EpochMetrics::trainRmse : EpochMetrics::trainAccuracy), Charts.BLUE,
                    Charts.SOLID);
        }
        if (rows.stream().anyMatch(r -> (regression ? r.valRmse() : r.valAccuracy()) != null)) {
            Charts.line(chart, regression ? "validation RMSE" : "validation accuracy", epochs,
                    values(rows, regression ? EpochMetrics::valRmse : EpochMetrics::valAccuracy), Charts.VERMILLION,
                    Charts.SOLID);
        }
        return finish(chart, job, rows, size, List.of(JobText.state(job), "training values as trained (dropout "
                + "and augmentation on); validation values in inference mode" + (job.request().validationSplit() == 0
                ? "; this job has no validation split" : "")));
    }

    /** Each weight layer's Frobenius norm ‖W‖_F per epoch: how penalties and weight decay shrink the weights. */
    public static byte[] weights(JobRecord job, List<EpochMetrics> rows, PlotSize size) {
        XYChart chart = Charts.xy(size, "Weight norms · " + JobText.name(job), "epoch",
                "‖W‖_F, the Frobenius norm of a layer's weights");
        double[] epochs = epochs(rows);
        int layers = rows.isEmpty() ? 0 : rows.get(0).layers().size();
        for (int l = 0; l < layers; l++) {
            int layer = l;
            Charts.line(chart, layerName(job, layer + 1), epochs, values(rows, r -> weightNorm(r, layer)),
                    Charts.PALETTE[layer % Charts.PALETTE.length],
                    Charts.STROKES[layer / Charts.PALETTE.length % Charts.STROKES.length]);
        }
        return finish(chart, job, rows, size, List.of(JobText.state(job), JobText.regularisation(job)));
    }

    /** Epochs from 0; markers; or empty axes with a message when there is nothing finite to draw. */
    static byte[] finish(XYChart chart, JobRecord job, List<EpochMetrics> rows, PlotSize size,
                                 List<String> caption) {
        chart.getStyler().setXAxisMin(0.0);
        if (!Charts.hasFiniteValues(chart)) {
            Charts.emptyAxes(chart, rows.isEmpty() ? job.request().training().epochs() : rows.size());
            return Png.of(chart, size, caption, rows.isEmpty() ? JobText.nothingYet(job)
                    : "Nothing finite to plot: " + JobText.state(job));
        }
        markEpochs(chart, job);
        return Png.of(chart, size, caption, null);
    }

    /** "layer 2: 16 → 1", or "layer 2" while the job's data is not known yet. */
    static String layerName(JobRecord job, int layer) {
        List<HiddenLayerRequest> hidden = job.request().network().hidden();
        if (job.data() == null || layer > hidden.size() + 1) {
            return "layer " + layer;
        }
        int in = layer == 1 ? job.data().inputs() : hidden.get(layer - 2).units();
        int out = layer == hidden.size() + 1 ? job.data().outputs() : hidden.get(layer - 1).units();
        return "layer " + layer + ": " + in + " → " + out;
    }

    private static Double weightNorm(EpochMetrics row, int layer) {
        List<LayerMetrics> layers = row.layers();
        return layer < layers.size() ? layers.get(layer).weightNorm() : null;
    }

    /** Vertical lines at the best epoch and where early stopping fired or training diverged. */
    private static void markEpochs(XYChart chart, JobRecord job) {
        double[] range = Charts.range(chart);
        Integer best = JobText.bestEpoch(job);
        if (best != null) {
            Charts.vertical(chart, JobText.best(job), best, range[0], range[1], Charts.GREEN);
        }
        if (job.stop() != null && job.stop().reason() == StopReasonCode.EARLY_STOPPED) {
            Charts.vertical(chart, "early stopping fired: epoch " + job.stop().epoch(), job.stop().epoch(), range[0],
                    range[1], Charts.BLACK);
        } else if (job.stop() != null && job.stop().reason() == StopReasonCode.DIVERGED) {
            Charts.vertical(chart, "diverged: epoch " + job.stop().epoch(), job.stop().epoch(), range[0], range[1],
                    Charts.BLACK);
        }
    }

    static double[] epochs(List<EpochMetrics> rows) {
        return rows.stream().mapToDouble(EpochMetrics::epoch).toArray();
    }

    static Double[] values(List<EpochMetrics> rows, Function<EpochMetrics, Double> value) {
        return rows.stream().map(value).map(v -> Objects.requireNonNullElse(v, Double.NaN)).toArray(Double[]::new);
    }
}
