package dev.regtrain.engine;

import dev.regtrain.engine.kernel.ElementLoops;

/** Sums over a parameter's values used by the penalties and the metrics. */
final class Norms {

    private Norms() {
    }

    /** Σ|wᵢ|. */
    static double l1(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += Math.abs(v);
        }
        return sum;
    }

    /** Σwᵢ². */
    static double squaredL2(double[] values) {
        return squaredL2(values, 0, values.length);
    }

    /** Σwᵢ² over [from, to), in {@link ElementLoops}' fixed order. */
    static double squaredL2(double[] values, int from, int to) {
        return ElementLoops.squaredL2(values, from, to);
    }

    /** Soft-thresholding, the proximal operator of τ·|w|: sign(w)·max(|w| − τ, 0). */
    static double softThreshold(double w, double tau) {
        if (w > tau) {
            return w - tau;
        }
        return w < -tau ? w + tau : 0.0;
    }
}
