package dev.regtrain.engine;

/** Weight initialisation schemes (biases always start at 0; batch normalisation's γ at 1 and β at 0). */
public enum Initialization {
    /** Decided per weight layer: {@link #HE} for relu-like activations, {@link #XAVIER} otherwise and for the output. */
    AUTO {
        @Override
        void fill(double[] weights, int fanIn, int fanOut, Rng rng) {
            throw new IllegalStateException("AUTO is resolved per layer before weights are drawn");
        }
    },
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
