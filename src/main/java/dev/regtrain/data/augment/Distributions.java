package dev.regtrain.data.augment;

import dev.regtrain.engine.Rng;

/** Draws from the distributions augmentation needs, all from the job's augmentation stream. */
final class Distributions {

    private Distributions() {
    }

    /** Uniform in [−limit, limit]. */
    static double symmetric(Rng rng, double limit) {
        return limit * (2 * rng.nextDouble() - 1);
    }

    /** A pair of independent standard normals by Marsaglia's polar method (one log, no trigonometry). */
    static void normalPair(Rng rng, double[] pair) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        pair[0] = u * factor;
        pair[1] = v * factor;
    }

    /**
     * Gamma(shape, 1) by Marsaglia and Tsang (2000); for shape &lt; 1, Gamma(shape + 1)·U^(1/shape).
     * {@code pair} is scratch space for two normals.
     */
    static double gamma(Rng rng, double shape, double[] pair) {
        if (shape < 1) {
            return gamma(rng, shape + 1, pair) * StrictMath.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            normalPair(rng, pair);
            double x = pair[0];
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** Beta(a, b) = X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    static double beta(Rng rng, double a, double b, double[] pair) {
        double x = gamma(rng, a, pair);
        double y = gamma(rng, b, pair);
        return x / (x + y);
    }
}
