package dev.regtrain.engine;

/**
 * The engine's one random generator: SplitMix64 (Steele, Lea and Flood 2014, the algorithm behind
 * {@link java.util.SplittableRandom}), with its whole state in one {@code long} so that a checkpoint can hold it and a
 * resumed job draws exactly the numbers it would have drawn. A job derives one stream per {@link RandomPurpose}
 * from its seed.
 */
public final class Rng {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public Rng(long state) {
        this.state = state;
    }

    /** The stream for one purpose of a job with the given seed. */
    public static Rng of(long seed, RandomPurpose purpose) {
        return new Rng(mix64(seed ^ mix64(purpose.salt * GOLDEN_GAMMA)));
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
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Without advancing: sets {@code values[i]}, for i in [from, to), to what the (i+1)-th next call of
     * {@link #nextDouble()} would return. SplitMix64's state moves by a constant, so any draw can be computed on its
     * own, and ranges of one block of draws can be filled in any order, or at the same time.
     */
    public void peekDoubles(double[] values, int from, int to) {
        long s = state + (long) from * GOLDEN_GAMMA;
        for (int i = from; i < to; i++) {
            s += GOLDEN_GAMMA;
            values[i] = (mix64(s) >>> 11) * 0x1.0p-53;
        }
    }

    /**
     * The draw {@link #peekDoubles} writes at index {@code i} for a generator whose state is {@code state}: the
     * (i+1)-th next {@link #nextDouble()}, computed on its own.
     */
    static double peekDouble(long state, int i) {
        return (mix64(state + (i + 1L) * GOLDEN_GAMMA) >>> 11) * 0x1.0p-53;
    }

    /** Skips {@code draws} draws, as many calls of {@link #nextLong()} would. */
    public void advance(long draws) {
        state += draws * GOLDEN_GAMMA;
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

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
