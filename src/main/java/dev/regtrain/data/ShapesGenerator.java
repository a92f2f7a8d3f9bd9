package dev.regtrain.data;

import dev.regtrain.engine.Rng;
import java.util.List;

/**
 * The built-in image generator {@code shapes}: size×size grey images of a circle, a square, a triangle or a cross,
 * drawn as outlines at a random position, scale and stroke thickness, with pixel values in [0, 1] (background 0)
 * plus Gaussian noise. Classes are balanced; labels are the shapes' names. Something to try augmentation on
 * without uploading anything.
 */
final class ShapesGenerator {

    static final List<String> SHAPES = List.of("circle", "square", "triangle", "cross");

    private ShapesGenerator() {
    }

    static Dataset generate(int samples, int size, int classes, double noise, Rng rng) {
        int pixels = size * size;
        double[] features = new double[samples * pixels];
        int[] labels = new int[samples];
        double[] image = new double[pixels];
        for (int i = 0; i < samples; i++) {
            int label = i % classes;
            double radius = size * (0.18 + 0.14 * rng.nextDouble());
            double thickness = 1 + rng.nextDouble() * Math.max(0.5, size / 10.0);
            double margin = radius + thickness;
            double cx = margin + rng.nextDouble() * Math.max(0, size - 1 - 2 * margin);
            double cy = margin + rng.nextDouble() * Math.max(0, size - 1 - 2 * margin);
            draw(image, size, label, cx, cy, radius, thickness);
            System.arraycopy(image, 0, features, i * pixels, pixels);
            labels[i] = label;
        }
        return Generators.classification("shapes", features, labels, pixels, SHAPES.subList(0, classes), noise,
                new ImageShape(size, size, 1), rng);
    }

    /** Intensity 1 on the outline, falling off linearly over one pixel: max(0, 1 − max(0, d − t/2)). */
    private static void draw(double[] image, int size, int shape, double cx, double cy, double r, double t) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d = distance(shape, x - cx, y - cy, r, t);
                image[y * size + x] = Math.max(0, 1 - Math.max(0, d - t / 2));
            }
        }
    }

    /** Distance from the point (dx, dy), relative to the centre, to the shape's outline. */
    private static double distance(int shape, double dx, double dy, double r, double t) {
        switch (shape) {
            case 0 -> {
                return Math.abs(Math.hypot(dx, dy) - r);
            }
            case 1 -> {
                double outside = Math.hypot(Math.max(Math.abs(dx) - r, 0), Math.max(Math.abs(dy) - r, 0));
                double inside = r - Math.max(Math.abs(dx), Math.abs(dy));
                return outside > 0 ? outside : inside;
            }
            case 2 -> {
                double ax = 0;
                double ay = -r;
                double bx = r * Math.sqrt(3) / 2;
                double by = r / 2;
                double dist = segment(dx, dy, ax, ay, bx, by);
                dist = Math.min(dist, segment(dx, dy, bx, by, -bx, by));
                return Math.min(dist, segment(dx, dy, -bx, by, ax, ay));
            }
            default -> {
                double horizontal = Math.abs(dx) <= r ? Math.abs(dy) : Math.hypot(Math.abs(dx) - r, dy);
                double vertical = Math.abs(dy) <= r ? Math.abs(dx) : Math.hypot(dx, Math.abs(dy) - r);
                return Math.min(horizontal, vertical);
            }
        }
    }

    private static double segment(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double u = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
        return Math.hypot(px - ax - u * vx, py - ay - u * vy);
    }
}
