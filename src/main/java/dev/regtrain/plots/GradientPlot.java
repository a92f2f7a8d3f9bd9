package dev.regtrain.plots;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Finding;
import dev.regtrain.engine.LayerMetrics;
import dev.regtrain.jobs.JobRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;

/**
 * Each weight layer's data-gradient norm per epoch on a log scale: vanishing gradients show as the first layers'
 * lines lying orders of magnitude under the output layer's, exploding ones as lines that shoot up. The caption
 * names the diagnostics found (MATH.md).
 */
public final class GradientPlot {

    private GradientPlot() {
    }

    public static byte[] png(JobRecord job, List<EpochMetrics> rows, List<Finding> findings, PlotSize size) {
        XYChart chart = Charts.xy(size, "Gradient norms · " + JobText.name(job), "epoch",
                "mean ‖∂(data loss)/∂W‖_F per batch (log scale)");
        double[] epochs = CurvePlots.epochs(rows);
        int layers = rows.isEmpty() ? 0 : rows.get(0).layers().size();
        for (int l = 0; l < layers; l++) {
            int layer = l;
            Charts.line(chart, CurvePlots.layerName(job, layer + 1), epochs,
                    CurvePlots.values(rows, r -> positiveNorm(r, layer)), Charts.PALETTE[layer % Charts.PALETTE.length],
                    Charts.STROKES[layer / Charts.PALETTE.length % Charts.STROKES.length]);
        }
        if (Charts.hasFiniteValues(chart)) {
            chart.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern("0.#E0"); // 1E-7, not 0
        }
        return CurvePlots.finish(chart, job, rows, size, List.of(JobText.state(job), describe(findings, rows)));
    }

    /** The findings in one line, or that there are none. */
    static String describe(List<Finding> findings, List<EpochMetrics> rows) {
        if (findings.isEmpty()) {
            return rows.isEmpty() ? "no epochs yet" : "no vanishing or exploding gradients, dead units or saturation "
                    + "found";
        }
        Map<Finding.Kind, List<Finding>> byKind = new EnumMap<>(Finding.Kind.class);
        findings.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        return byKind.entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (e.getValue().size() == 1 ? " in layer " : " in layers ")
                + e.getValue().stream().map(f -> Integer.toString(f.layer())).collect(Collectors.joining(", "))
                + " from epoch " + e.getValue().stream().mapToInt(Finding::fromEpoch).min().orElse(0))
                .collect(Collectors.joining("; "));
    }

    /** The layer's gradient norm when it is positive and finite (a log scale has no place for the rest). */
    private static Double positiveNorm(EpochMetrics row, int layer) {
        List<LayerMetrics> layers = row.layers();
        if (layer >= layers.size()) {
            return null;
        }
        double norm = layers.get(layer).gradientNorm();
        return norm > 0 && Double.isFinite(norm) ? norm : null;
    }
}
