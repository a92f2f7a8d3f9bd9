package dev.regtrain.plots;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.JobRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/** The validation loss of several jobs on one chart: no regularisation against L2, dropout, early stopping … */
public final class Comparison {

    /** The most jobs one comparison draws. */
    public static final int MAX_JOBS = 10;

    /** One job and its metrics rows. */
    public record Run(JobRecord job, List<EpochMetrics> metrics) {
    }

    private Comparison() {
    }

    public static byte[] png(List<Run> runs, PlotSize size) {
        if (runs.isEmpty() || runs.size() > MAX_JOBS) {
            throw new IllegalArgumentException("a comparison draws 1 to " + MAX_JOBS + " jobs; got " + runs.size());
        }
        XYChart chart = Charts.xy(size, "Validation loss of " + runs.size() + (runs.size() == 1 ? " job" : " jobs"),
                "epoch", "validation loss (mean per example)");
        Map<String, Integer> seen = new HashMap<>();
        boolean anyRows = false;
        boolean trainingOnly = false;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            List<EpochMetrics> rows = run.metrics();
            if (rows.isEmpty()) {
                continue;
            }
            anyRows = true;
            boolean validated = rows.stream().anyMatch(r -> r.valLoss() != null);
            trainingOnly |= !validated;
            String name = JobText.name(run.job());
            int repeat = seen.merge(name, 1, Integer::sum);
            String label = (repeat > 1 ? name + " (" + run.job().id().substring(0, 8) + ")" : name)
                    + (validated ? "" : " · training loss");
            Charts.line(chart, label, CurvePlots.epochs(rows),
                    CurvePlots.values(rows, validated ? EpochMetrics::valLoss : r -> r.trainLoss()),
                    Charts.PALETTE[i % Charts.PALETTE.length],
                    Charts.STROKES[(i + i / Charts.PALETTE.length) % Charts.STROKES.length]);
        }
        chart.getStyler().setXAxisMin(0.0);
        List<String> caption = List.of("one line per job, in the order asked"
                + (trainingOnly ? "; a job without a validation split shows its training loss" : ""),
                String.join(" · ", runs.stream().map(r -> JobText.name(r.job()) + ": "
                        + JobText.state(r.job()).replaceFirst(";.*", "")).toList()));
        if (!Charts.hasFiniteValues(chart)) {
            Charts.emptyAxes(chart, runs.stream().mapToInt(r -> r.job().request().training().epochs()).max()
                    .orElse(1));
            return Png.of(chart, size, caption, anyRows ? "Nothing finite to plot"
                    : "Nothing to plot yet: no job has trained an epoch");
        }
        return Png.of(chart, size, caption, null);
    }
}
