package dev.regtrain.plots;

import dev.regtrain.models.ClassProbabilities;
import dev.regtrain.models.DecisionSurface;
import dev.regtrain.jobs.JobRecord;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The decision regions of a two-feature classifier: every pixel of the plot area tinted with the class the model
 * predicts there (paler where it is less sure, the boundary drawn dark), and the training (dots) and validation
 * (diamonds) points over it.
 */
public final class DecisionRegions {

    private static final Color BOUNDARY = new Color(0x33, 0x33, 0x33);

    private DecisionRegions() {
    }

    public static byte[] png(JobRecord job, DecisionSurface surface, PlotSize size) {
        XYChart chart = Charts.xy(size, "Decision regions · " + JobText.name(job), surface.features().get(0),
                surface.features().get(1));
        DecisionSurface.Extent extent = surface.extent();
        chart.getStyler().setXAxisMin(extent.xMin()).setXAxisMax(extent.xMax());
        chart.getStyler().setYAxisMin(extent.yMin()).setYAxisMax(extent.yMax());
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setMarkerSize(7);
        for (int c = 0; c < surface.classes().size(); c++) {
            addPoints(chart, "class " + surface.classes().get(c) + " · training", surface.training(), c, false);
        }
        for (int c = 0; c < surface.classes().size(); c++) {
            addPoints(chart, "class " + surface.classes().get(c) + " · validation", surface.validation(), c, true);
        }
        String points = "dots: " + count(surface.training().size(), surface.trainingRows()) + " training points, "
                + "diamonds: " + count(surface.validation().size(), surface.validationRows()) + " validation points";
        if (surface.grid() == null) {
            return Png.of(chart, size, List.of(JobText.state(job), "no model yet, so no regions · " + points),
                    null);
        }
        String model = "the model from epoch " + surface.grid().probabilities().epoch()
                + " · shade: the class it predicts, paler where it is less sure · ";
        return Png.of(chart, size, List.of(JobText.state(job), model + points), null,
                (g, laidOut) -> paintRegions(g, laidOut, surface));
    }

    private static String count(int shown, int all) {
        return shown == all ? Integer.toString(all) : shown + " of " + all;
    }

    private static void addPoints(XYChart chart, String name, DecisionSurface.Points points, int label,
                                  boolean validation) {
        int n = 0;
        for (int l : points.labels()) {
            n += l == label ? 1 : 0;
        }
        if (n == 0) {
            return;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, k = 0; i < points.size(); i++) {
            if (points.labels()[i] == label) {
                x[k] = points.x()[i];
                y[k++] = points.y()[i];
            }
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        Color color = Charts.PALETTE[label % Charts.PALETTE.length];
        series.setMarker(validation ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        series.setMarkerColor(validation ? color.darker() : color);
    }

    /** Tints each pixel of the plot area by the class predicted there, interpolating the grid bilinearly. */
    private static void paintRegions(Graphics2D g, XYChart chart, DecisionSurface surface) {
        DecisionSurface.Extent extent = surface.extent();
        int left = (int) Math.round(chart.getScreenXFromChart(extent.xMin()));
        int right = (int) Math.round(chart.getScreenXFromChart(extent.xMax()));
        int top = (int) Math.round(chart.getScreenYFromChart(extent.yMax()));
        int bottom = (int) Math.round(chart.getScreenYFromChart(extent.yMin()));
        int width = right - left;
        int height = bottom - top;
        if (width <= 0 || height <= 0) {
            return;
        }
        DecisionSurface.Grid grid = surface.grid();
        ClassProbabilities p = grid.probabilities();
        int k = p.classes();
        int[] predicted = new int[width * height];
        BufferedImage regions = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double[] mixed = new double[k];
        for (int py = 0; py < height; py++) {
            // grid coordinates of this pixel's centre: cell centres sit at integer positions
            double gy = (1 - (py + 0.5) / height) * grid.rows() - 0.5;
            for (int px = 0; px < width; px++) {
                double gx = (px + 0.5) / width * grid.columns() - 0.5;
                interpolate(p, grid, gx, gy, mixed);
                int best = 0;
                for (int c = 1; c < k; c++) {
                    best = mixed[c] > mixed[best] ? c : best;
                }
                predicted[py * width + px] = best;
                double sure = k == 1 ? 1 : Math.max(0, (mixed[best] - 1.0 / k) / (1 - 1.0 / k));
                regions.setRGB(px, py, tint(Charts.PALETTE[best % Charts.PALETTE.length], 0.08 + 0.27 * sure));
            }
        }
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                int here = predicted[py * width + px];
                if (px > 0 && predicted[py * width + px - 1] != here
                        || py > 0 && predicted[(py - 1) * width + px] != here) {
                    regions.setRGB(px, py, BOUNDARY.getRGB());
                }
            }
        }
        g.drawImage(regions, left, top, null);
    }

    private static void interpolate(ClassProbabilities p, DecisionSurface.Grid grid, double gx, double gy,
                                    double[] into) {
        double x = Math.max(0, Math.min(grid.columns() - 1, gx));
        double y = Math.max(0, Math.min(grid.rows() - 1, gy));
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = Math.min(x0 + 1, grid.columns() - 1);
        int y1 = Math.min(y0 + 1, grid.rows() - 1);
        double fx = x - x0;
        double fy = y - y0;
        int k = p.classes();
        double[] v = p.values();
        int columns = grid.columns();
        for (int c = 0; c < k; c++) {
            double bottom = v[(y0 * columns + x0) * k + c] * (1 - fx) + v[(y0 * columns + x1) * k + c] * fx;
            double top = v[(y1 * columns + x0) * k + c] * (1 - fx) + v[(y1 * columns + x1) * k + c] * fx;
            into[c] = bottom * (1 - fy) + top * fy;
        }
    }

    /** The colour laid over white with the given opacity. */
    private static int tint(Color color, double opacity) {
        int r = (int) Math.round(255 + (color.getRed() - 255) * opacity);
        int g = (int) Math.round(255 + (color.getGreen() - 255) * opacity);
        int b = (int) Math.round(255 + (color.getBlue() - 255) * opacity);
        return r << 16 | g << 8 | b;
    }
}
