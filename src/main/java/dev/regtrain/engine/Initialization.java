package dev.regtrain.engine;

/** Weight initialisation schemes (biases always start at 0). */
public enum Initialization {
    /** He normal: w ~ N(0, 2/n[l−1]). */
    HE {
        @Override
        void fill(double[] weights, int fanIn, int fanOut, Rng rng) {
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < weights.length; i++) {
                weights[i] = std * rng.nextGaussian();
            }
        }
    },
    /** Xavier (Glorot) uniform: w ~ U(−r, r), r = √(6/(n[l−1] + n[l])). */
    XAVIER {
        @Override
        void fill(double[] weights, int fanIn, int fanOut, Rng rng) {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < weights.length; i++) {
                weights[i] = limit * (2.0 * rng.nextDouble() - 1.0);
            }
        }
    };

    abstract void fill(double[] weights, int fanIn, int fanOut, Rng rng);
}
