package dev.regtrain.engine;

import java.util.Arrays;

/**
 * A set of examples as the engine consumes them: features and targets, row-major ({@code features[i·inputs + j]}),
 * already standardised. Targets are one-hot rows for softmax, 0/1 for sigmoid, values for a linear output; soft
 * targets (mixup) are allowed. The features are held in a training precision ({@link FeatureValues}): a float32
 * job's in floats, everything else's in doubles.
 */
public record Examples(FeatureValues values, double[] targets, int rows, int inputs, int outputs) {

    public Examples {
        if (rows < 1 || inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("examples need at least one row, input and output");
        }
        if (values.length() != (long) rows * inputs || targets.length != (long) rows * outputs) {
            throw new IllegalArgumentException("features or targets do not match " + rows + " rows");
        }
    }

    /** Examples whose features are held as doubles. */
    public Examples(double[] features, double[] targets, int rows, int inputs, int outputs) {
        this(new FeatureValues.Doubles(features), targets, rows, inputs, outputs);
    }

    /** The features, when they are held as doubles. */
    public double[] features() {
        return values.doubles();
    }

    /** A copy of rows [from, to), features in the same precision. */
    public Examples rows(int from, int to) {
        return new Examples(values.copy(from * inputs, to * inputs),
                Arrays.copyOfRange(targets, from * outputs, to * outputs), to - from, inputs, outputs);
    }

    /** The precision the features are held in. */
    public Precision precision() {
        return values.precision();
    }

    /**
     * These examples with their features held in {@code precision}: themselves when they already are, else a copy
     * rounded to float (the targets shared). Float32 values are not widened back: the digits they lost are gone.
     */
    public Examples inPrecision(Precision precision) {
        if (precision == precision()) {
            return this;
        }
        if (precision != Precision.FLOAT32) {
            throw new IllegalArgumentException("examples held in " + precision().apiName() + " cannot be held in "
                    + precision.apiName());
        }
        return new Examples(FeatureValues.Floats.rounded(features()), targets, rows, inputs, outputs);
    }
}
