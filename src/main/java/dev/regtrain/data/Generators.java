package dev.regtrain.data;

import dev.regtrain.engine.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in generators. Each one lays out its noise-free points, shuffles the row order, and only then draws the
 * Gaussian noise, row by row and feature by feature, all from the one {@code DATA} stream it is given; so the noise
 * level never moves the points' underlying positions. Trigonometry goes through {@link StrictMath}, so the same seed
 * gives bit-identical data on every JVM.
 */
final class Generators {

    private Generators() {
    }

    /**
     * scikit-learn's make_moons: the upper half of the unit circle (class 0) and the lower half of the unit circle
     * round (1, 0.5) (class 1), each at evenly spaced angles from 0 to π.
     */
    static Dataset moons(int samples, double noise, Rng rng) {
        int outer = samples / 2;
        int inner = samples - outer;
        double[] points = new double[2 * samples];
        int[] labels = new int[samples];
        for (int i = 0; i < outer; i++) {
            double t = linspace(0, Math.PI, outer, i);
            set(points, labels, i, StrictMath.cos(t), StrictMath.sin(t), 0);
        }
        for (int i = 0; i < inner; i++) {
            double t = linspace(0, Math.PI, inner, i);
            set(points, labels, outer + i, 1 - StrictMath.cos(t), 1 - StrictMath.sin(t) - 0.5, 1);
        }
        return classification("moons", points, labels, 2, 2, noise, rng);
    }

    /** scikit-learn's make_circles: a unit circle (class 0) around a circle of radius {@code factor} (class 1). */
    static Dataset circles(int samples, double noise, double factor, Rng rng) {
        int outer = samples / 2;
        int inner = samples - outer;
        double[] points = new double[2 * samples];
        int[] labels = new int[samples];
        for (int i = 0; i < outer; i++) {
            double t = 2 * Math.PI * i / outer;
            set(points, labels, i, StrictMath.cos(t), StrictMath.sin(t), 0);
        }
        for (int i = 0; i < inner; i++) {
            double t = 2 * Math.PI * i / inner;
            set(points, labels, outer + i, factor * StrictMath.cos(t), factor * StrictMath.sin(t), 1);
        }
        return classification("circles", points, labels, 2, 2, noise, rng);
    }

    /**
     * Interleaved spiral arms, one per class: point i of the n in arm k sits at radius r = (i + 1)/n and angle
     * 2πk/K + 3πr (one and a half turns from the centre out to radius 1).
     */
    static Dataset spirals(int samples, int classes, double noise, Rng rng) {
        double[] points = new double[2 * samples];
        int[] labels = new int[samples];
        int row = 0;
        for (int k = 0; k < classes; k++) {
            int n = share(samples, classes, k);
            for (int i = 0; i < n; i++, row++) {
                double r = (i + 1.0) / n;
                double angle = 2 * Math.PI * k / classes + 3 * Math.PI * r;
                set(points, labels, row, r * StrictMath.cos(angle), r * StrictMath.sin(angle), k);
            }
        }
        return classification("spirals", points, labels, 2, classes, noise, rng);
    }

    /**
     * Four clusters centred at (±1, ±1), taken in turn; the label is the xor of the signs of the cluster's centre,
     * so (1, 1) and (−1, −1) are class 0. Noise can carry a point across an axis, as it does in moons.
     */
    static Dataset xor(int samples, double noise, Rng rng) {
        double[][] centres = {{1, 1}, {1, -1}, {-1, -1}, {-1, 1}};
        double[] points = new double[2 * samples];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            double[] c = centres[i % 4];
            set(points, labels, i, c[0], c[1], i % 2);
        }
        return classification("xor", points, labels, 2, 2, noise, rng);
    }

    /**
     * Isotropic Gaussian clusters (scikit-learn's make_blobs): first the centres, uniform in [−10, 10] per feature,
     * class by class; then each class's share of the rows around its centre with standard deviation {@code spread}.
     */
    static Dataset blobs(int samples, int classes, int features, double spread, Rng rng) {
        double[] centres = new double[classes * features];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = -10 + 20 * rng.nextDouble();
        }
        double[] points = new double[samples * features];
        int[] labels = new int[samples];
        int row = 0;
        for (int k = 0; k < classes; k++) {
            for (int i = share(samples, classes, k); i > 0; i--, row++) {
                System.arraycopy(centres, k * features, points, row * features, features);
                labels[row] = k;
            }
        }
        return classification("blobs", points, labels, features, classes, spread, rng);
    }

    /** Regression: x uniform in [−π, π], then y = sin(x) + noise·N(0, 1), x for all rows before any noise. */
    static Dataset sine(int samples, double noise, Rng rng) {
        double[] x = new double[samples];
        double[] y = new double[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = -Math.PI + 2 * Math.PI * rng.nextDouble();
        }
        for (int i = 0; i < samples; i++) {
            y[i] = StrictMath.sin(x[i]) + (noise > 0 ? noise * rng.nextGaussian() : 0.0);
        }
        return new Dataset("sine", x, samples, 1, names(1), Task.REGRESSION, null, null, y, null);
    }

    /** Rows of class k when {@code samples} are dealt to {@code classes} classes as evenly as possible. */
    static int share(int samples, int classes, int k) {
        return samples / classes + (k < samples % classes ? 1 : 0);
    }

    private static double linspace(double from, double to, int count, int i) {
        return count == 1 ? from : from + (to - from) * i / (count - 1);
    }

    private static void set(double[] points, int[] labels, int row, double x, double y, int label) {
        points[2 * row] = x;
        points[2 * row + 1] = y;
        labels[row] = label;
    }

    /** Shuffles the rows, adds the noise, and wraps the result, classes named "0", "1", …. */
    private static Dataset classification(String name, double[] points, int[] labels, int features, int classes,
            double noise, Rng rng) {
        List<String> classNames = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            classNames.add(Integer.toString(k));
        }
        return classification(name, points, labels, features, classNames, noise, null, rng);
    }

    /** Shuffles the rows, adds the noise to every feature, and wraps the result. */
    static Dataset classification(String name, double[] points, int[] labels, int features, List<String> classNames,
                                  double noise, ImageShape imageShape, Rng rng) {
        int rows = labels.length;
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        rng.shuffle(order, rows);
        double[] shuffled = new double[points.length];
        int[] shuffledLabels = new int[rows];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(points, order[i] * features, shuffled, i * features, features);
            shuffledLabels[i] = labels[order[i]];
        }
        if (noise > 0) {
            for (int i = 0; i < shuffled.length; i++) {
                shuffled[i] += noise * rng.nextGaussian();
            }
        }
        return new Dataset(name, shuffled, rows, features, names(features), Task.CLASSIFICATION, classNames,
                shuffledLabels, null, imageShape);
    }

    static List<String> names(int features) {
        List<String> names = new ArrayList<>(features);
        for (int j = 1; j <= features; j++) {
            names.add("x" + j);
        }
        return names;
    }
}
