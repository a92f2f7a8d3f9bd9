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
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return sum;
    }

    /** Soft-thresholding, the proximal operator of τ·|w|: sign(w)·max(|w| − τ, 0). */
    static double softThreshold(double w, double tau) {
        if (w > tau) {
            return w - tau;
        }
        return w < -tau ? w + tau : 0.0;
    }
}
