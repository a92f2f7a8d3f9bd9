package dev.regtrain.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-input z-scores: x ↦ (x − mean)/std (per channel for images, see {@link #fit}). {@link #fit} uses the population standard deviation (divided by n) of the
 * rows it is given; a column whose standard deviation is 0 or below {@value #MIN_STD} is stored with std 1.0, so a
 * constant column passes through centred (all zeros) instead of dividing by zero. The arrays are not copied; treat
 * them as read-only.
 */
public record Standardization(double[] mean, double[] std) {

    public static final double MIN_STD = 1e-12;

    public Standardization {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per input; got " + mean.length + " and "
                    + std.length);
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j]) || !Double.isFinite(std[j]) || std[j] <= 0) {
                throw new IllegalArgumentException("input " + j + " has mean " + mean[j] + " and std " + std[j]
                        + "; the mean must be finite and the std finite and positive");
            }
        }
    }

    /**
     * Means and population standard deviations of the given rows of {@code data}: column by column for a table, and
     * per channel (pooled over all pixels) for an image dataset, so that a pixel moved by augmentation keeps its
     * meaning: per-pixel statistics would blow a stroke shifted onto an almost-always-empty border pixel up to
     * hundreds of standard deviations.
     */
    public static Standardization fit(Dataset data, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("standardisation needs at least one row");
        }
        int inputs = data.inputs();
        int groups = data.imageShape() == null ? inputs : data.imageShape().channels();
        double[] x = data.features();
        double[] groupMean = new double[groups];
        for (int row : rows) {
            Objects.checkIndex(row, data.rows());
            for (int j = 0; j < inputs; j++) {
                groupMean[j % groups] += x[row * inputs + j];
            }
        }
        double count = (double) rows.length * (inputs / groups);
        for (int g = 0; g < groups; g++) {
            groupMean[g] /= count;
        }
        double[] groupStd = new double[groups];
        for (int row : rows) {
            for (int j = 0; j < inputs; j++) {
                double d = x[row * inputs + j] - groupMean[j % groups];
                groupStd[j % groups] += d * d;
            }
        }
        for (int g = 0; g < groups; g++) {
            groupStd[g] = Math.sqrt(groupStd[g] / count);
            if (!(groupStd[g] >= MIN_STD)) {
                groupStd[g] = 1.0;
            }
        }
        double[] mean = new double[inputs];
        double[] std = new double[inputs];
        for (int j = 0; j < inputs; j++) {
            mean[j] = groupMean[j % groups];
            std[j] = groupStd[j % groups];
        }
        return new Standardization(mean, std);
    }

    /** Mean 0 and std 1 for every input: values pass through unchanged. */
    public static Standardization identity(int inputs) {
        double[] ones = new double[inputs];
        Arrays.fill(ones, 1.0);
        return new Standardization(new double[inputs], ones);
    }

    public int inputs() {
        return mean.length;
    }

    /** Replaces every value of {@code rows} row-major rows by (x − mean)/std of its column. */
    public void applyInPlace(double[] rowMajor, int rows) {
        int inputs = mean.length;
        if (rowMajor.length != (long) rows * inputs) {
            throw new IllegalArgumentException(rows + " rows of " + inputs + " inputs need " + (long) rows * inputs
                    + " values; got " + rowMajor.length);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < inputs; j++) {
                int at = i * inputs + j;
                rowMajor[at] = (rowMajor[at] - mean[j]) / std[j];
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Standardization s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
