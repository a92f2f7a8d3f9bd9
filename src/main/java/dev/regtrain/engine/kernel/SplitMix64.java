package dev.regtrain.engine.kernel;

/**
 * SplitMix64's increment and output function (Steele, Lea and Flood 2014): the engine's {@code Rng} steps its state by
 * {@link #GAMMA} and returns {@link #mix64} of it, and {@link ElementLoops} draws dropout's numbers the same way, so
 * both take them from here.
 */
public final class SplitMix64 {

    /** The increment, γ. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;
    static final long MIX_1 = 0xBF58476D1CE4E5B9L;
    static final long MIX_2 = 0x94D049BB133111EBL;

    private SplitMix64() {
    }

    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * MIX_1;
        z = (z ^ (z >>> 27)) * MIX_2;
        return z ^ (z >>> 31);
    }
}
