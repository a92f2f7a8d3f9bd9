package dev.regtrain.plots;

import dev.regtrain.jobs.JobRecord;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelLayer;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The distribution of a model's weights, one outline per layer: proximal L1 piles weights up at exactly zero, L2
 * gives a bell around it. Bins are symmetric about zero, with one centred on it, over a range that holds 99 % of each
 * layer's non-zero weights (the rest count in the outer bins); heights are each layer's share of its own weights, so
 * layers of different sizes compare.
 */
public final class WeightHistogram {

    static final int BINS = 41;

    private WeightHistogram() {
    }

    /** @param model the job's model, or null while it has none */
    public static byte[] png(JobRecord job, ModelDocument model, PlotSize size) {
        String title = (model == null || job.status().isFinal() ? "Final weights · " : "Weights so far · ")
                + JobText.name(job);
        XYChart chart = Charts.xy(size, title, "weight value", "share of the layer's weights (%)");
        String regularisation = JobText.regularisation(job);
        if (model == null) {
            Charts.emptyAxes(chart, 1);
            chart.getStyler().setXAxisMin(-1.0);
            return Png.of(chart, size, List.of(JobText.state(job), regularisation), switch (job.status()) {
                case QUEUED -> "No model yet: the job is queued";
                case RUNNING -> "No model yet: the job has not saved a checkpoint";
                default -> "No model: the job ended without one";
            });
        }
        double largest = 0;
        double range = 0;
        for (ModelLayer layer : model.layers()) {
            double[] magnitudes = nonZeroMagnitudes(layer);
            if (magnitudes.length > 0) {
                largest = Math.max(largest, magnitudes[magnitudes.length - 1]);
                range = Math.max(range, magnitudes[(int) (0.99 * (magnitudes.length - 1))]);
            }
        }
        // the range holds 99 % of every layer's non-zero weights, so that a few large ones do not squeeze the rest
        // into one bin; weights beyond it are counted in the outer bins
        double half = Charts.nice(range > 0 ? range : 1);
        Charts.roundXTicks(chart, -half, half);
        chart.getStyler().setXAxisDecimalPattern(half >= 5 ? "#,##0" : half >= 0.5 ? "0.0#" : "0.0##");
        double width = 2 * half / BINS;
        for (int l = 0; l < model.layers().size(); l++) {
            ModelLayer layer = model.layers().get(l);
            int[] counts = new int[BINS];
            int zeros = 0;
            int total = 0;
            for (double[] row : layer.weights()) {
                for (double w : row) {
                    counts[Math.max(0, Math.min(BINS - 1, (int) Math.floor((w + half) / width)))]++;
                    zeros += w == 0 ? 1 : 0;
                    total++;
                }
            }
            Color color = Charts.PALETTE[l % Charts.PALETTE.length];
            String name = "layer " + (l + 1) + ": " + layer.inputs() + " × " + layer.units() + ", "
                    + percent(zeros, total) + " exactly 0";
            XYSeries series = chart.addSeries(name, edges(half, width), heights(counts, total));
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            series.setLineColor(color);
            series.setLineStyle(Charts.STROKES[l / Charts.PALETTE.length % Charts.STROKES.length]);
            series.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 48));
            series.setMarker(SeriesMarkers.NONE);
        }
        String clipped = largest > half ? "; beyond ±" + JobText.number(half) + " (largest |w| "
                + JobText.number(largest) + ") in the outer bins" : "";
        return Png.of(chart, size, List.of(JobText.state(job), regularisation + " · the model from epoch "
                + model.epoch() + " · bins " + JobText.number(width) + " wide, one centred on 0" + clipped), null);
    }

    /** |w| of the layer's non-zero weights, ascending. */
    private static double[] nonZeroMagnitudes(ModelLayer layer) {
        return java.util.Arrays.stream(layer.weights()).flatMapToDouble(java.util.Arrays::stream).filter(w -> w != 0)
                .map(Math::abs).sorted().toArray();
    }

    /** The step outline's x: the first edge twice (to rise from 0), every left edge, the last edge twice. */
    private static double[] edges(double half, double width) {
        double[] x = new double[BINS + 3];
        x[0] = -half;
        for (int b = 0; b <= BINS; b++) {
            x[b + 1] = -half + b * width;
        }
        x[BINS + 2] = half;
        return x;
    }

    private static double[] heights(int[] counts, int total) {
        double[] y = new double[BINS + 3];
        for (int b = 0; b < BINS; b++) {
            y[b + 1] = 100.0 * counts[b] / total;
        }
        y[BINS + 1] = y[BINS];
        return y;
    }

    private static String percent(int part, int total) {
        double share = 100.0 * part / total;
        return share == 0 || share >= 1 ? Math.round(share) + " %"
                : String.format(java.util.Locale.ROOT, "%.1f %%", share);
    }
}
