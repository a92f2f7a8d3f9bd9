package dev.regtrain.data.augment;

import dev.regtrain.data.Dataset;
import dev.regtrain.data.ImageShape;
import dev.regtrain.data.Standardization;
import dev.regtrain.engine.BatchAugmenter;
import dev.regtrain.engine.Rng;

/**
 * Augments training mini-batches in place (the engine calls it before each forward pass). Image transforms work in
 * raw pixel space: each example is un-standardised, transformed, and standardised again, so that "background 0" and
 * "± brightness·range" mean what they say. Then mixup mixes each example with a partner from the same batch.
 * Every draw comes from the job's augmentation stream, fresh per example and epoch; scratch space is allocated
 * once, so augmenting allocates nothing per mini-batch (after the first).
 */
public final class Augmenter implements BatchAugmenter {

    private final AugmentationSettings settings;
    private final ImageShape shape;
    private final double[] mean;
    private final double[] std;
    private final double range;
    private final int inputs;
    private final int outputs;
    private double[] a;
    private double[] b;
    private final double[] pair = new double[2];
    private double[] mixedInputs = new double[0];
    private double[] mixedTargets = new double[0];
    private int[] partners = new int[0];

    /**
     * @param shape the image geometry, or null for a table (then only gaussianNoise and mixup are allowed)
     * @param range max − min of the raw training pixels: the unit of brightness and image noise
     */
    public Augmenter(AugmentationSettings settings, ImageShape shape, Standardization standardization, double range,
                     int outputs) {
        if (shape == null && settings.hasImageTransforms()) {
            throw new IllegalArgumentException("image transforms need an image dataset");
        }
        this.settings = settings;
        this.shape = shape;
        this.mean = standardization.mean();
        this.std = standardization.std();
        this.range = range > 0 ? range : 1;
        this.inputs = mean.length;
        this.outputs = outputs;
        this.a = new double[inputs];
        this.b = new double[inputs];
    }

    /**
     * The augmenter for a job: the pixel range (the unit of brightness and image noise) is measured on the training
     * rows only, like the standardisation.
     */
    public static Augmenter forTraining(AugmentationSettings settings, Dataset data, int[] trainingRows,
                                        Standardization standardization, int outputs) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (data.imageShape() != null) {
            for (int row : trainingRows) {
                for (int j = 0; j < data.inputs(); j++) {
                    double v = data.features()[row * data.inputs() + j];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new Augmenter(settings, data.imageShape(), standardization, max - min, outputs);
    }

    @Override
    public void augment(double[] x, double[] y, int rows, Rng rng) {
        if (shape != null && (settings.hasImageTransforms() || settings.gaussianNoise() > 0)) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < inputs; j++) {
                    a[j] = x[i + j * rows] * std[j] + mean[j];
                }
                transform(rng);
                for (int j = 0; j < inputs; j++) {
                    x[i + j * rows] = (a[j] - mean[j]) / std[j];
                }
            }
        } else if (settings.gaussianNoise() > 0) {
            addNoise(x, rows * inputs, settings.gaussianNoise(), rng);
        }
        if (settings.mixup() > 0) {
            mix(x, y, rows, rng);
        }
    }

    /** Transforms the raw image in {@code a}; the result is in {@code a} again. */
    private void transform(Rng rng) {
        if (settings.flipHorizontal() && rng.nextDouble() < 0.5) {
            ImageTransforms.flipHorizontal(a, b, shape);
            swap();
        }
        if (settings.flipVertical() && rng.nextDouble() < 0.5) {
            ImageTransforms.flipVertical(a, b, shape);
            swap();
        }
        if (settings.rotationDegrees() > 0 || settings.zoom() > 0 || settings.shift() > 0) {
            double degrees = Distributions.symmetric(rng, settings.rotationDegrees());
            double scale = 1 + Distributions.symmetric(rng, settings.zoom());
            int dx = settings.shift() > 0 ? rng.nextInt(2 * settings.shift() + 1) - settings.shift() : 0;
            int dy = settings.shift() > 0 ? rng.nextInt(2 * settings.shift() + 1) - settings.shift() : 0;
            ImageTransforms.affine(a, b, shape, Math.toRadians(degrees), scale, dx, dy);
            swap();
        }
        if (settings.brightness() > 0) {
            ImageTransforms.brightness(a, Distributions.symmetric(rng, settings.brightness()) * range);
        }
        if (settings.contrast() > 0) {
            ImageTransforms.contrast(a, 1 + Distributions.symmetric(rng, settings.contrast()));
        }
        if (settings.gaussianNoise() > 0) {
            addNoise(a, inputs, settings.gaussianNoise() * range, rng);
        }
    }

    private void swap() {
        double[] t = a;
        a = b;
        b = t;
    }

    private void addNoise(double[] values, int count, double sigma, Rng rng) {
        for (int i = 0; i < count; i += 2) {
            Distributions.normalPair(rng, pair);
            values[i] += sigma * pair[0];
            if (i + 1 < count) {
                values[i + 1] += sigma * pair[1];
            }
        }
    }

    /** Mixup: x_i ← λ_i·x_i + (1 − λ_i)·x_π(i), likewise the targets, λ_i ~ Beta(α, α), π a random permutation. */
    private void mix(double[] x, double[] y, int rows, Rng rng) {
        if (partners.length < rows) {
            partners = new int[rows];
            mixedInputs = new double[rows * inputs];
            mixedTargets = new double[rows * outputs];
        }
        for (int i = 0; i < rows; i++) {
            partners[i] = i;
        }
        rng.shuffle(partners, rows);
        System.arraycopy(x, 0, mixedInputs, 0, rows * inputs);
        System.arraycopy(y, 0, mixedTargets, 0, rows * outputs);
        for (int i = 0; i < rows; i++) {
            double lambda = Distributions.beta(rng, settings.mixup(), settings.mixup(), pair);
            int p = partners[i];
            for (int j = 0; j < inputs; j++) {
                x[i + j * rows] = lambda * mixedInputs[i + j * rows] + (1 - lambda) * mixedInputs[p + j * rows];
            }
            for (int k = 0; k < outputs; k++) {
                y[i + k * rows] = lambda * mixedTargets[i + k * rows] + (1 - lambda) * mixedTargets[p + k * rows];
            }
        }
    }

    /**
     * One raw (unstandardised) image, augmented as a training example would be: for previews. Mixup, which needs a
     * batch, is left out.
     */
    public double[] augmentImage(double[] raw, Rng rng) {
        System.arraycopy(raw, 0, a, 0, inputs);
        transform(rng);
        return a.clone();
    }
}
