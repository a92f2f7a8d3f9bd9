package dev.regtrain.engine.kernel;

import java.util.Arrays;

/**
 * Element-wise loops of a training step that the JIT does not vectorise on its own: dropout's draws (64-bit
 * multiplies) and sums of squares (a reduction, whose order Java fixes). Without the Vector API module
 * they run one element at a time; with it, several lanes at a time ({@code VectorElementLoops}, loaded by reflection
 * as {@link Kernels} loads the vector kernel). Either way the results are the same bits, on any machine.
 *
 * <p><b>Dropout.</b> Element i of a block is dropped when draw i + 1 after {@code state}, u = (mix64(state + (i + 1)·γ)
 * ≫ 11)·2⁻⁵³ ({@link SplitMix64}: what the engine's generator would return next, taken without advancing it), is
 * below the rate. The test is made in integers, k = mix64(…) ≫ 11 against ⌈rate·2⁵³⌉, which is the same test (u and
 * rate·2⁵³ are exact and k is an integer) without a conversion or a branch. A kept element is scaled by 1/(1 − rate),
 * a dropped one by 0. In single precision the vector loop draws in long lanes, for the even and the odd elements
 * of a group apart, and merges the two into one float vector of the preferred shape without a shuffle
 * ({@code VectorElementLoops}): a float vector of as many lanes as a long one is not the machine's preferred shape,
 * and a second shape of FloatVector in the process made the float GEMM kernel's calls megamorphic (ten times
 * slower, measured); JDK 17 also compiles the casts and shuffles between the two shapes poorly.
 *
 * <p><b>Sums of squares.</b> Σᵢ vᵢ² over [from, to) in {@link #CHAINS} running sums, element from + i
 * going to sum i mod 32, then folded in one fixed order (see {@link #fold}). The order does not depend on the vector
 * width, so a job resumed on another machine adds the same numbers in the same order. Floats are widened to double
 * first and summed the same way; the vector loop widens a vector of the preferred float shape into two of the
 * preferred double shape (both the GEMM kernels' own), so no other shape enters the process.
 */
public final class ElementLoops {

    /** The running sums of a sum of squares: 32, four vectors of eight doubles with AVX-512, eight of four with AVX2. */
    static final int CHAINS = 32;

    /** The vectorised loops, or null without the Vector API module. */
    private static final Loops VECTOR = loadVectorLoops();
    /** A thread's running sums for {@link #squaredL2}, which runs hundreds of times a step (once per column). */
    private static final ThreadLocal<double[]> SUMS = ThreadLocal.withInitial(() -> new double[CHAINS]);

    private ElementLoops() {
    }

    /** The least 53-bit draw that is kept: ⌈rate·2⁵³⌉ (k·2⁻⁵³ &lt; rate exactly when k is below it). */
    static long keepThreshold(double rate) {
        return (long) Math.ceil(rate * 0x1.0p53);
    }

    /** 1 if element i of the block after {@code state} is kept, else 0, without a branch (the scalar loops'). */
    static long keepFlag(long state, int i, long threshold) {
        return (threshold - 1 - (SplitMix64.mix64(state + (i + 1L) * SplitMix64.GAMMA) >>> 11)) >>> 63;
    }

    /**
     * For i in [from, to): scales[i] = 0 if draw i + 1 after {@code state} is below {@code rate}, else 1/(1 − rate);
     * target[i] = source[i]·scales[i].
     */
    public static void drop(double[] source, double[] target, double[] scales, double rate, long state, int from,
                            int to) {
        int done = VECTOR == null ? from : VECTOR.drop(source, target, scales, rate, state, from, to);
        double keepScale = 1.0 / (1.0 - rate);
        long threshold = keepThreshold(rate);
        for (int i = done; i < to; i++) {
            long kept = keepFlag(state, i, threshold);
            double scale = keepScale * kept;
            scales[i] = scale;
            target[i] = source[i] * scale;
        }
    }

    /** The same in single precision (the scale 1/(1 − rate) rounded to float). */
    public static void drop(float[] source, float[] target, float[] scales, double rate, long state, int from,
                            int to) {
        int done = VECTOR == null ? from : VECTOR.drop(source, target, scales, rate, state, from, to);
        float keepScale = (float) (1.0 / (1.0 - rate));
        long threshold = keepThreshold(rate);
        for (int i = done; i < to; i++) {
            long kept = keepFlag(state, i, threshold);
            float scale = keepScale * kept;
            scales[i] = scale;
            target[i] = source[i] * scale;
        }
    }

    /** Σᵢ vᵢ² over [from, to). */
    public static double squaredL2(double[] values, int from, int to) {
        double[] sums = SUMS.get();
        Arrays.fill(sums, 0.0);
        int done = VECTOR == null ? from : VECTOR.squares(values, from, to, sums);
        for (int i = done; i < to; i++) {
            sums[(i - from) % CHAINS] += values[i] * values[i];
        }
        return fold(sums);
    }

    /**
     * Σᵢ vᵢ² over [from, to) of floats, each widened to double (where its square is exact) and added as {@link
     * #squaredL2(double[], int, int)} adds: the same bits as that method gives for the widened values.
     */
    public static double squaredL2(float[] values, int from, int to) {
        return sum(values, from, to, true);
    }

    /** Σᵢ vᵢ over [from, to) of floats, each widened to double, in the running sums and order of the squares. */
    public static double sum(float[] values, int from, int to) {
        return sum(values, from, to, false);
    }

    private static double sum(float[] values, int from, int to, boolean squared) {
        double[] sums = SUMS.get();
        Arrays.fill(sums, 0.0);
        int done = VECTOR == null ? from : VECTOR.sums(values, from, to, squared, sums);
        for (int i = done; i < to; i++) {
            double v = values[i];
            sums[(i - from) % CHAINS] += squared ? v * v : v;
        }
        return fold(sums);
    }

    /**
     * Σ over l in 0..7 (in order) of (s[l] + s[8 + l]) + (s[16 + l] + s[24 + l]): the lane-wise additions of four
     * vectors of eight (or of two sets of four vectors of four), then the eight lanes one after the other.
     */
    static double fold(double[] sums) {
        double total = 0;
        for (int l = 0; l < 8; l++) {
            total += (sums[l] + sums[8 + l]) + (sums[16 + l] + sums[24 + l]);
        }
        return total;
    }

    /** The vectorised loops. */
    interface Loops {
        /**
         * {@link ElementLoops#drop(double[], double[], double[], double, long, int, int)} on whole vectors from
         * {@code from}; returns the first index it left to the caller's loop.
         */
        int drop(double[] source, double[] target, double[] scales, double rate, long state, int from, int to);

        /** The same in single precision. */
        int drop(float[] source, float[] target, float[] scales, double rate, long state, int from, int to);

        /**
         * Sets {@code sums} to the {@link #CHAINS} running sums of the squares of the whole groups of 32 values from
         * {@code from}, or leaves it as it is when there is none; returns the first index it left to the caller.
         */
        int squares(double[] values, int from, int to, double[] sums);

        /** The same for floats, each widened to double (and then squared, if {@code squared}). */
        int sums(float[] values, int from, int to, boolean squared, double[] sums);

        /** {@link ElementLoops#anyNonZero(double[], int, int)}, a vector at a time. */
        boolean anyNonZero(double[] values, int from, int to);

        /** The same in single precision. */
        boolean anyNonZero(float[] values, int from, int to);
    }

    /**
     * Whether values[from, to) holds a value other than ±0 (a NaN counts as one): a unit's column of a mini-batch,
     * to tell a live unit from one flat or dropped in every row. Stops at the first (vector) that does.
     */
    public static boolean anyNonZero(double[] values, int from, int to) {
        if (VECTOR != null) {
            return VECTOR.anyNonZero(values, from, to);
        }
        for (int i = from; i < to; i++) {
            if (values[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** The same in single precision. */
    public static boolean anyNonZero(float[] values, int from, int to) {
        if (VECTOR != null) {
            return VECTOR.anyNonZero(values, from, to);
        }
        for (int i = from; i < to; i++) {
            if (values[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static Loops loadVectorLoops() {
        if (!Kernels.vectorAvailable()) {
            return null;
        }
        try {
            return (Loops) Class.forName("dev.regtrain.engine.kernel.VectorElementLoops").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the vectorised loops could not be loaded: " + e, e);
        }
    }
}
