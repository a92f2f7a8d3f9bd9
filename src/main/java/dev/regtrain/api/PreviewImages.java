package dev.regtrain.api;

import dev.regtrain.data.ImageShape;
import dev.regtrain.datasets.Preview;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a preview as a PNG: one row per sample, the original in the first column and augmented versions beside
 * it, each pixel enlarged to a square; pixel values map linearly from the dataset's [min, max] to black … white.
 */
final class PreviewImages {

    private static final int GAP = 4;
    private static final int MIN_CELL = 72;

    private PreviewImages() {
    }

    static byte[] png(Preview preview) {
        ImageShape shape = preview.shape();
        int scale = Math.max(1, (MIN_CELL + Math.max(shape.width(), shape.height()) - 1)
                / Math.max(shape.width(), shape.height()));
        int cellWidth = shape.width() * scale;
        int cellHeight = shape.height() * scale;
        int columns = 1 + preview.augmented().get(0).size();
        int rows = preview.originals().size();
        BufferedImage image = new BufferedImage(columns * (cellWidth + GAP) + GAP + GAP,
                rows * (cellHeight + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2b, 0x6c, 0xb0));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        for (int r = 0; r < rows; r++) {
            int y = GAP + r * (cellHeight + GAP);
            draw(image, preview, preview.originals().get(r), GAP, y, scale);
            List<double[]> versions = preview.augmented().get(r);
            for (int c = 0; c < versions.size(); c++) {
                draw(image, preview, versions.get(c), GAP + GAP + (c + 1) * (cellWidth + GAP), y, scale);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(BufferedImage image, Preview preview, double[] pixels, int left, int top, int scale) {
        ImageShape shape = preview.shape();
        double span = preview.max() > preview.min() ? preview.max() - preview.min() : 1;
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int base = (y * shape.width() + x) * shape.channels();
                int rgb;
                if (shape.channels() >= 3) {
                    rgb = level(pixels[base], preview.min(), span) << 16 | level(pixels[base + 1], preview.min(), span) << 8
                            | level(pixels[base + 2], preview.min(), span);
                } else {
                    int grey = level(pixels[base], preview.min(), span);
                    rgb = grey << 16 | grey << 8 | grey;
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    private static int level(double value, double min, double span) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, (value - min) / span)));
    }
}
