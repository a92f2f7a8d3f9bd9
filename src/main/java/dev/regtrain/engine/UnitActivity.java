package dev.regtrain.engine;

import java.util.Arrays;

/**
 * What the hidden units did over one epoch of training batches (MATH.md, gradient diagnostics): for relu-like layers
 * which units were ever positive (the rest are dead: zero output for every example), for sigmoid and tanh layers
 * Σ|z| per unit over the examples (a unit whose mean |z| exceeds 4 is saturated). A training workspace fills it while
 * its forward pass has each column in cache; each thread writes only its own columns.
 */
final class UnitActivity<A> {

    /** Mean |z| above which a sigmoid or tanh unit counts as saturated. */
    static final double SATURATION_THRESHOLD = 4.0;

    private final NetworkSpec spec;
    private final Arithmetic<A> arithmetic;
    private final boolean[][] active;
    private final double[][] absoluteSums;
    private long rows;

    UnitActivity(NetworkSpec spec, Arithmetic<A> arithmetic) {
        this.spec = spec;
        this.arithmetic = arithmetic;
        int layers = spec.layerCount();
        this.active = new boolean[layers][];
        this.absoluteSums = new double[layers][];
        for (int l = 1; l < layers; l++) {
            if (reluLike(spec.activation(l))) {
                active[l] = new boolean[spec.units(l)];
            } else if (saturating(spec.activation(l))) {
                absoluteSums[l] = new double[spec.units(l)];
            }
        }
    }

    static boolean reluLike(Activation activation) {
        return activation == Activation.RELU || activation == Activation.LEAKY_RELU;
    }

    static boolean saturating(Activation activation) {
        return activation == Activation.SIGMOID || activation == Activation.TANH;
    }

    void reset() {
        for (boolean[] layer : active) {
            if (layer != null) {
                Arrays.fill(layer, false);
            }
        }
        for (double[] layer : absoluteSums) {
            if (layer != null) {
                Arrays.fill(layer, 0);
            }
        }
        rows = 0;
    }

    /** Counts the rows of one training batch. */
    void addRows(int batchRows) {
        rows += batchRows;
    }

    /** Before the activation of layer l, columns [from, to) of z: Σ|z| for a sigmoid or tanh layer. */
    void beforeActivation(int l, A z, int batchRows, int fromColumn, int toColumn) {
        double[] sums = absoluteSums[l];
        if (sums == null) {
            return;
        }
        for (int j = fromColumn; j < toColumn; j++) {
            sums[j] += arithmetic.absoluteSum(z, j * batchRows, (j + 1) * batchRows);
        }
    }

    /** After the activation of layer l, columns [from, to) of a: marks the relu-like units that were positive. */
    void afterActivation(int l, A a, int batchRows, int fromColumn, int toColumn) {
        boolean[] seen = active[l];
        if (seen == null) {
            return;
        }
        for (int j = fromColumn; j < toColumn; j++) {
            if (!seen[j]) {
                seen[j] = arithmetic.anyPositive(a, j * batchRows, (j + 1) * batchRows);
            }
        }
    }

    /** The share of layer l's units that were zero for every example, or null when l is not a relu-like layer. */
    Double deadFraction(int l) {
        if (l >= spec.layerCount() || active[l] == null || rows == 0) {
            return null;
        }
        int dead = 0;
        for (boolean unit : active[l]) {
            dead += unit ? 0 : 1;
        }
        return (double) dead / active[l].length;
    }

    /** The share of layer l's units whose mean |z| exceeded 4, or null when l is not a sigmoid or tanh layer. */
    Double saturatedFraction(int l) {
        if (l >= spec.layerCount() || absoluteSums[l] == null || rows == 0) {
            return null;
        }
        int saturated = 0;
        for (double sum : absoluteSums[l]) {
            saturated += sum / rows > SATURATION_THRESHOLD ? 1 : 0;
        }
        return (double) saturated / absoluteSums[l].length;
    }
}
