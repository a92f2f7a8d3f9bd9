package dev.regtrain.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.XYChart;

/**
 * Turns a chart into a PNG: the chart, a message over an empty plot, up to two caption lines under it, and the title
 * and caption also as text in the file (iTXt "Title" and "Description").
 */
final class Png {

    static final int CAPTION_LINE = 19;
    static final int CAPTION_LINES = 2;
    private static final String FONT = Font.SANS_SERIF;
    private static final String PNG_METADATA = "javax_imageio_png_1.0";
    private static final Color MESSAGE_BACKGROUND = new Color(0xf3, 0xf5, 0xf7);

    private Png() {
    }

    static byte[] of(XYChart chart, PlotSize size, List<String> caption, String emptyMessage) {
        return of(chart, size, caption, emptyMessage, null);
    }

    /**
     * Paints the chart, an optional message over its empty plot and the caption, as a PNG. An {@code underlay}
     * paints under the chart (the chart's own backgrounds are then left transparent); it is called with the chart
     * already laid out, so {@link XYChart#getScreenXFromChart} and its siblings give pixel positions.
     */
    static byte[] of(XYChart chart, PlotSize size, List<String> caption, String emptyMessage,
                     BiConsumer<Graphics2D, XYChart> underlay) {
        if (emptyMessage != null) {
            chart.getStyler().setLegendVisible(false);
        }
        Charts.decimals(chart);
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size.width(), size.height());
            if (underlay != null) {
                layOut(chart);
                chart.getStyler().setChartBackgroundColor(new Color(0, 0, 0, 0));
                chart.getStyler().setPlotBackgroundColor(new Color(0, 0, 0, 0));
                underlay.accept(g, chart);
            }
            chart.paint(g, chart.getWidth(), chart.getHeight());
            if (emptyMessage != null) {
                message(g, emptyMessage, chart.getWidth(), chart.getHeight());
            }
            caption(g, caption, size.width(), chart.getHeight());
        } finally {
            g.dispose();
        }
        List<String> description = new ArrayList<>(caption);
        if (emptyMessage != null) {
            description.add(emptyMessage);
        }
        return encode(image, chart.getTitle(), String.join("\n", description));
    }

    /** The PNG, with the title and the caption as iTXt "Title" and "Description" (what the pixels say, as text). */
    private static byte[] encode(BufferedImage image, String title, String description) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            IIOMetadataNode text = new IIOMetadataNode("iTXt");
            text.appendChild(textEntry("Title", title));
            text.appendChild(textEntry("Description", description));
            IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
            root.appendChild(text);
            metadata.mergeTree(PNG_METADATA, root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static IIOMetadataNode textEntry(String keyword, String value) {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "en");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", value == null ? "" : value);
        return entry;
    }

    /** Paints once on a scratch image so that the chart knows where its plot area is. */
    private static void layOut(XYChart chart) {
        BufferedImage scratch = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
    }

    private static void message(Graphics2D g, String text, int width, int height) {
        g.setFont(new Font(FONT, Font.PLAIN, 16));
        FontMetrics metrics = g.getFontMetrics();
        String shown = fit(text, metrics, width - 120);
        int boxWidth = metrics.stringWidth(shown) + 32;
        int boxHeight = metrics.getHeight() + 20;
        int left = (width - boxWidth) / 2;
        int top = (height - boxHeight) / 2;
        g.setColor(MESSAGE_BACKGROUND);
        g.fillRoundRect(left, top, boxWidth, boxHeight, 10, 10);
        g.setColor(Charts.GRID);
        g.drawRoundRect(left, top, boxWidth, boxHeight, 10, 10);
        g.setColor(Charts.TEXT);
        g.drawString(shown, left + 16, top + 10 + metrics.getAscent());
    }

    /** Up to two lines under the chart, each cut to the width. */
    private static void caption(Graphics2D g, List<String> lines, int width, int top) {
        g.setFont(new Font(FONT, Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        g.setColor(Charts.MUTED);
        for (int i = 0; i < Math.min(CAPTION_LINES, lines.size()); i++) {
            g.drawString(fit(lines.get(i), metrics, width - 24), 12, top + i * CAPTION_LINE + metrics.getAscent());
        }
    }

    /** The text, cut with an ellipsis where it would be wider than {@code width}. */
    static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && metrics.stringWidth(text.substring(0, end) + "…") > width) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
