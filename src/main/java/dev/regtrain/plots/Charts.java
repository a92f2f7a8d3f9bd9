package dev.regtrain.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The house style of every plot: white, sans-serif, the Okabe–Ito colours (told apart with the common colour-vision
 * deficiencies), a legend; and helpers for series, markers and axes.
 */
final class Charts {

    static final Color TEXT = new Color(0x1f, 0x23, 0x28);
    static final Color MUTED = new Color(0x4a, 0x51, 0x59);
    static final Color GRID = new Color(0xdd, 0xe1, 0xe6);
    static final Color BLUE = new Color(0x00, 0x72, 0xb2);
    static final Color VERMILLION = new Color(0xd5, 0x5e, 0x00);
    static final Color GREEN = new Color(0x00, 0x9e, 0x73);
    static final Color PURPLE = new Color(0xcc, 0x79, 0xa7);
    static final Color ORANGE = new Color(0xe6, 0x9f, 0x00);
    static final Color SKY = new Color(0x56, 0xb4, 0xe9);
    static final Color BLACK = new Color(0x22, 0x22, 0x22);
    static final Color YELLOW = new Color(0xf0, 0xe4, 0x42);
    /** Series colours in order; yellow last, as it is faint on white. */
    static final Color[] PALETTE = {BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY, BLACK, YELLOW};

    static final BasicStroke SOLID = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
            new float[] {8, 5}, 0);
    static final BasicStroke DOTTED = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
            new float[] {0.5f, 5}, 0);
    static final BasicStroke DASH_DOT = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
            new float[] {9, 4, 2, 4}, 0);
    static final BasicStroke[] STROKES = {SOLID, DASHED, DOTTED, DASH_DOT};

    private static final String FONT = Font.SANS_SERIF;

    private Charts() {
    }

    /** An XY chart that leaves room for the caption line under it. */
    static XYChart xy(PlotSize size, String title, String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder().width(size.width())
                .height(size.height() - Png.CAPTION_LINES * Png.CAPTION_LINE - 10)
                .title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(GRID);
        styler.setPlotGridLinesColor(GRID);
        styler.setChartFontColor(TEXT);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 17));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(GRID);
        styler.setLegendSeriesLineLength(28);
        styler.setSeriesColors(PALETTE);
        styler.setSeriesMarkers(new Marker[] {SeriesMarkers.NONE});
        styler.setSeriesLines(STROKES);
        styler.setChartPadding(12);
        styler.setAntiAlias(true);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    /** A line series; values that do not exist or are not finite are gaps. */
    static XYSeries line(XYChart chart, String name, double[] x, Double[] y, Color color, BasicStroke stroke) {
        double[] values = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            values[i] = y[i] == null || !Double.isFinite(y[i]) ? Double.NaN : y[i];
        }
        XYSeries series = chart.addSeries(name, x, values);
        series.setLineColor(color);
        series.setLineStyle(stroke);
        series.setMarker(x.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setMarkerColor(color);
        return series;
    }

    /** A vertical line at {@code x} from {@code low} to {@code high}, with its meaning in the legend. */
    static void vertical(XYChart chart, String name, double x, double low, double high, Color color) {
        XYSeries series = chart.addSeries(name, new double[] {x, x}, new double[] {low, high});
        series.setLineColor(color);
        series.setLineStyle(DASHED);
        series.setMarker(SeriesMarkers.NONE);
    }

    /** Whether any series has a finite y value. */
    static boolean hasFiniteValues(XYChart chart) {
        return range(chart) != null;
    }

    /** The smallest and largest finite y value of the chart's series, or null when there is none. */
    static double[] range(XYChart chart) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double y : series.getYData()) {
                if (Double.isFinite(y)) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                }
            }
        }
        return low <= high ? new double[] {low, high} : null;
    }

    /** Fixed axes for a chart with nothing to show: x from 0 to {@code xMax}, y from 0 to 1. */
    static void emptyAxes(XYChart chart, double xMax) {
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Math.max(1, xMax));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setYAxisTicksVisible(false);
    }

    /** Tick labels with as many decimals as the y range needs, and no more. */
    static void decimals(XYChart chart) {
        double[] range = range(chart);
        if (range == null || chart.getStyler().getYAxisDecimalPattern() != null) {
            return;
        }
        double span = Math.max(range[1] - range[0], Math.abs(range[1]) * 1e-3);
        int digits = span <= 0 ? 2 : Math.max(0, (int) Math.ceil(-Math.log10(span / 6)) + 1);
        chart.getStyler().setYAxisDecimalPattern(digits == 0 ? "#,##0" : "#,##0." + "#".repeat(Math.min(digits, 8)));
    }

    /**
     * Ticks at round numbers between {@code min} and {@code max}. XChart puts the ticks of equally spaced x data (a
     * histogram's bin edges) at the data; an invisible helper series with one irregular x value makes it choose round
     * numbers as it does for other data.
     */
    static void roundXTicks(XYChart chart, double min, double max) {
        chart.getStyler().setXAxisMin(min).setXAxisMax(max);
        XYSeries helper = chart.addSeries(" ", new double[] {min, min + 0.3183 * (max - min), max},
                new double[] {Double.NaN, Double.NaN, Double.NaN});
        helper.setShowInLegend(false);
        helper.setMarker(SeriesMarkers.NONE);
        helper.setLineStyle(new BasicStroke(0f));
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code value} (> 0). */
    static double nice(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
