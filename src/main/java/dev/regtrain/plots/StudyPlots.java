package dev.regtrain.plots;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A study's pictures. The validation curve (as cv.glmnet draws it): each trial's mean over folds with ± one standard
 * error against the searched parameter, on a log axis for a log range, with the best and the one-standard-error
 * trials marked. The regularisation path: each weight layer's ‖W‖_F (left axis) and share of exact zeros (right
 * axis), means over folds, against the parameter.
 */
public final class StudyPlots {

    private StudyPlots() {
    }

    /**
     * What a study plot shows: one point per trial (sorted by {@code x}), values null where a trial has none yet.
     *
     * @param best the index of the best trial in the arrays, or null; {@code oneStandardError} likewise
     */
    public record Curve(String title, String parameter, boolean logAxis, double[] x, Double[] mean,
                        Double[] standardError, Integer best, Integer oneStandardError, String metric,
                        List<String> caption) {
    }

    /** Per weight layer, one value per trial: ‖W‖_F and the share of exact zeros. */
    public record Path(Curve curve, List<Double[]> weightNorms, List<Double[]> zeroShares) {
    }

    public static byte[] validationCurve(Curve c, PlotSize size) {
        XYChart chart = Charts.xy(size, "Validation curve · " + c.title(), axis(c), c.metric()
                + " (mean over folds ± 1 SE)");
        chart.getStyler().setXAxisLogarithmic(c.logAxis());
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < c.x().length; i++) {
            if (c.mean()[i] != null && Double.isFinite(c.mean()[i])) {
                xs.add(c.x()[i]);
                ys.add(c.mean()[i]);
                errors.add(c.standardError()[i] == null ? 0.0 : c.standardError()[i]);
            }
        }
        String empty = xs.isEmpty() ? "no trial has a value yet" : null;
        if (!xs.isEmpty()) {
            XYSeries series = chart.addSeries("mean ± 1 SE", xs, ys, errors);
            series.setLineColor(Charts.VERMILLION);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(Charts.VERMILLION);
            series.setLineStyle(Charts.DOTTED);
            chart.getStyler().setErrorBarsColor(Charts.MUTED);
            double[] range = Charts.range(chart);
            double low = range[0] - (range[1] - range[0]) * 0.05;
            double high = range[1] + (range[1] - range[0]) * 0.05;
            for (int i = 0; i < ys.size(); i++) {
                low = Math.min(low, ys.get(i) - errors.get(i));
                high = Math.max(high, ys.get(i) + errors.get(i));
            }
            if (c.best() != null) {
                Charts.vertical(chart, "best (min): " + value(c.x()[c.best()]), c.x()[c.best()], low, high,
                        Charts.BLUE);
            }
            if (c.oneStandardError() != null) {
                Charts.vertical(chart, "one standard error: " + value(c.x()[c.oneStandardError()]),
                        c.x()[c.oneStandardError()], low, high, Charts.GREEN);
            }
        } else {
            chart.getStyler().setXAxisLogarithmic(false);
            Charts.emptyAxes(chart, 1);
        }
        return Png.of(chart, size, c.caption(), empty);
    }

    public static byte[] path(Path p, PlotSize size) {
        Curve c = p.curve();
        XYChart chart = Charts.xy(size, "Regularisation path · " + c.title(), axis(c), "‖W‖_F (solid)");
        chart.getStyler().setXAxisLogarithmic(c.logAxis());
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "share of exact zeros (dashed)");
        chart.getStyler().setYAxisMin(1, 0.0).setYAxisMax(1, 1.0);
        chart.getStyler().putYAxisGroupDecimalPatternMap(1, "0.0");
        for (int l = 0; l < p.weightNorms().size(); l++) {
            java.awt.Color color = Charts.PALETTE[l % Charts.PALETTE.length];
            Charts.line(chart, "layer " + (l + 1) + " ‖W‖_F", c.x(), p.weightNorms().get(l), color, Charts.SOLID);
            XYSeries zeros = Charts.line(chart, "layer " + (l + 1) + " zeros", c.x(), p.zeroShares().get(l), color,
                    Charts.DASHED);
            zeros.setYAxisGroup(1);
        }
        String empty = p.weightNorms().isEmpty() || !Charts.hasFiniteValues(chart) ? "no trial has weights yet"
                : null;
        if (empty != null) {
            chart.getStyler().setXAxisLogarithmic(false);
            Charts.emptyAxes(chart, 1);
        }
        return Png.of(chart, size, c.caption(), empty);
    }

    private static String axis(Curve c) {
        return c.parameter() + (c.logAxis() ? " (log scale)" : "");
    }

    private static String value(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
