package dev.regtrain.engine;

/**
 * A set of examples as the engine consumes them: features and targets, row-major ({@code features[i·inputs + j]}),
 * already standardised. Targets are one-hot rows for softmax, 0/1 for sigmoid, values for a linear output; soft
 * targets (mixup) are allowed.
 */
public record Examples(double[] features, double[] targets, int rows, int inputs, int outputs) {

    public Examples {
        if (rows < 1 || inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("examples need at least one row, input and output");
        }
        if (features.length != (long) rows * inputs || targets.length != (long) rows * outputs) {
            throw new IllegalArgumentException("features or targets do not match " + rows + " rows");
        }
    }
}
