package dev.regtrain.data.augment;

import dev.regtrain.data.ImageShape;

/**
 * Label-preserving transforms of one image, pixels row-major with channels last ({@code ((y·w) + x)·c + channel}).
 * Each writes into {@code out} (never the input); pixels a transform exposes get the background value 0.
 */
public final class ImageTransforms {

    private ImageTransforms() {
    }

    /** Mirror left–right: out(y, x) = in(y, w − 1 − x). */
    public static void flipHorizontal(double[] in, double[] out, ImageShape shape) {
        int w = shape.width();
        int c = shape.channels();
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(in, (y * w + (w - 1 - x)) * c, out, (y * w + x) * c, c);
            }
        }
    }

    /** Mirror top–bottom: out(y, x) = in(h − 1 − y, x). */
    public static void flipVertical(double[] in, double[] out, ImageShape shape) {
        int rowLength = shape.width() * shape.channels();
        for (int y = 0; y < shape.height(); y++) {
            System.arraycopy(in, (shape.height() - 1 - y) * rowLength, out, y * rowLength, rowLength);
        }
    }

    /**
     * Rotation by θ (counter-clockwise on screen, y pointing down), scaling by s about the image centre, then a shift by
     * (dx, dy) pixels. Each output pixel samples the input at the inverse-mapped point by bilinear interpolation:
     * p_in = R(−θ)·(p_out − centre − d)/s + centre, and is 0 where that point lies outside the image.
     * With θ = 0, s = 1 and whole-pixel shifts every sample lands on a pixel, so pixels are moved exactly.
     */
    public static void affine(double[] in, double[] out, ImageShape shape, double radians, double scale, double dx,
                              double dy) {
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        double cos = StrictMath.cos(radians) / scale;
        double sin = StrictMath.sin(radians) / scale;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = x - cx - dx;
                double v = y - cy - dy;
                // R(−θ) for screen coordinates (y down): x' = cos·u − sin·v, y' = sin·u + cos·v
                double sx = cos * u - sin * v + cx;
                double sy = sin * u + cos * v + cy;
                sample(in, out, (y * w + x) * c, shape, sx, sy);
            }
        }
    }

    private static void sample(double[] in, double[] out, int target, ImageShape shape, double sx, double sy) {
        int c = shape.channels();
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        for (int ch = 0; ch < c; ch++) {
            double v00 = pixel(in, shape, x0, y0, ch);
            double v10 = pixel(in, shape, x0 + 1, y0, ch);
            double v01 = pixel(in, shape, x0, y0 + 1, ch);
            double v11 = pixel(in, shape, x0 + 1, y0 + 1, ch);
            out[target + ch] = (1 - fy) * ((1 - fx) * v00 + fx * v10) + fy * ((1 - fx) * v01 + fx * v11);
        }
    }

    private static double pixel(double[] in, ImageShape shape, int x, int y, int channel) {
        if (x < 0 || y < 0 || x >= shape.width() || y >= shape.height()) {
            return 0; // the background
        }
        return in[(y * shape.width() + x) * shape.channels() + channel];
    }

    /** Adds {@code delta} to every pixel. */
    public static void brightness(double[] image, double delta) {
        for (int i = 0; i < image.length; i++) {
            image[i] += delta;
        }
    }

    /** Scales every pixel around the image's mean: p ← mean + factor·(p − mean). */
    public static void contrast(double[] image, double factor) {
        double mean = 0;
        for (double p : image) {
            mean += p;
        }
        mean /= image.length;
        for (int i = 0; i < image.length; i++) {
            image[i] = mean + factor * (image[i] - mean);
        }
    }
}
