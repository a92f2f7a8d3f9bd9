package dev.regtrain.engine;

import dev.regtrain.engine.kernel.SplitMix64;

/**
 * The engine's one random generator: SplitMix64 (Steele, Lea and Flood 2014, the algorithm behind
 * {@link java.util.SplittableRandom}), with its whole state in one {@code long} so that a checkpoint can hold it and a
 * resumed job draws exactly the numbers it would have drawn. A job derives one stream per {@link RandomPurpose}
 * from its seed.
 */
public final class Rng {

    private long state;

    public Rng(long state) {
        this.state = state;
    }

    /** The stream for one purpose of a job with the given seed. */
    public static Rng of(long seed, RandomPurpose purpose) {
        return new Rng(SplitMix64.mix64(seed ^ SplitMix64.mix64(purpose.salt * SplitMix64.GAMMA)));
    }

    /** The generator's whole state; {@code new Rng(state())} continues the same sequence. */
    public long state() {
        return state;
    }

    /** Jumps back to a state taken earlier with {@link #state()}. */
    void restore(long savedState) {
        this.state = savedState;
    }

    public long nextLong() {
        state += SplitMix64.GAMMA;
        return SplitMix64.mix64(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Skips {@code draws} draws, as many calls of {@link #nextLong()} would. */
    public void advance(long draws) {
        state += draws * SplitMix64.GAMMA;
    }

    /** Uniform in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int r = (int) (nextLong() >>> 33);
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >>> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = (int) (nextLong() >>> 33)) {
            // rejection: retry while u falls in the incomplete last block
        }
        return r;
    }

    /** Standard normal by the Box–Muller transform (one of the pair; no cached spare, so no hidden state). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Fisher–Yates shuffle of {@code values[0..length)}. */
    public void shuffle(int[] values, int length) {
        for (int i = length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
