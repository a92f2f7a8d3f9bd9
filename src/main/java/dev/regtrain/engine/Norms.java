package dev.regtrain.engine;

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

    /**
     * Σwᵢ² over [from, to), in four interleaved sums (i mod 4) added at the end, (s₀ + s₁) + (s₂ + s₃): one running
     * sum waits for each addition to finish before the next, and ran at a quarter of the speed of the loads.
     */
    static double squaredL2(double[] values, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s0 += values[i] * values[i];
            s1 += values[i + 1] * values[i + 1];
            s2 += values[i + 2] * values[i + 2];
            s3 += values[i + 3] * values[i + 3];
        }
        for (; i < to; i++) {
            s0 += values[i] * values[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Soft-thresholding, the proximal operator of τ·|w|: sign(w)·max(|w| − τ, 0). */
    static double softThreshold(double w, double tau) {
        if (w > tau) {
            return w - tau;
        }
        return w < -tau ? w + tau : 0.0;
    }
}
