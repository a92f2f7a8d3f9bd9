package dev.regtrain.engine.kernel;

import static dev.regtrain.engine.kernel.ElementLoops.CHAINS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementLoops} on the Vector API, in the machine's preferred shape only (the one the GEMM kernel uses, so
 * that no shared method of the API sees a second shape). Dropout: a long lane per draw (eight with AVX-512),
 * SplitMix64's output function lane-wise, and the keep test turned into the scale's bits (or 0) by lane-wise integer
 * operations, read as doubles (in single precision, the bits in the low or the high half of each long, so that two
 * vectors of draws read as one float vector of the preferred shape). Sums of squares of
 * doubles: the 32 running sums of {@link ElementLoops} as four vectors of eight or eight of four (other widths are
 * left to the scalar loop). Loaded only by reflection, in a JVM that has the module.
 */
final class VectorElementLoops implements ElementLoops.Loops {

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    /** The same shape and, 64-bit lanes both, as many lanes as {@link #LONGS}: a mask of one casts to the other. */
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** The GEMM kernel's float shape, twice the lanes of {@link #DOUBLES}. */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = LONGS.length();
    /** Lane j's offset in a group of draws: j·γ. */
    private static final LongVector LANE_STEPS = LongVector.zero(LONGS).addIndex(1).mul(SplitMix64.GAMMA);
    /** Lane j's offset among the even elements of a group of 2·LANES: 2j·γ. */
    private static final LongVector EVEN_STEPS = LongVector.zero(LONGS).addIndex(2).mul(SplitMix64.GAMMA);

    @Override
    public int drop(double[] source, double[] target, double[] scales, double rate, long state, int from, int to) {
        long scaleBits = Double.doubleToRawLongBits(1.0 / (1.0 - rate));
        long threshold = ElementLoops.keepThreshold(rate);
        LongVector counters = LANE_STEPS.add(state + (from + 1L) * SplitMix64.GAMMA);
        int i = from;
        for (; i + LANES <= to; i += LANES) {
            DoubleVector scale = keptBits(counters, threshold, scaleBits).reinterpretAsDoubles();
            scale.intoArray(scales, i);
            DoubleVector.fromArray(DOUBLES, source, i).mul(scale).intoArray(target, i);
            counters = counters.add(LANES * SplitMix64.GAMMA);
        }
        return i;
    }

    /**
     * In single precision, 2·LANES floats per step from two vectors of draws in long lanes: one for the even
     * elements, one for the odd ones. Each lane's kept test becomes the float scale's bits or 0 in the low half of
     * its long (the odd ones shifted to the high half), so the two together, read as floats, are the scales of 2·LANES
     * consecutive elements in order: lane-wise operations only, no shuffle and no second shape.
     */
    @Override
    public int drop(float[] source, float[] target, float[] scales, double rate, long state, int from, int to) {
        if (FLOATS.length() != 2 * LANES) {
            return from;
        }
        long scaleBits = Float.floatToRawIntBits((float) (1.0 / (1.0 - rate)));
        long threshold = ElementLoops.keepThreshold(rate);
        LongVector even = EVEN_STEPS.add(state + (from + 1L) * SplitMix64.GAMMA);
        LongVector odd = even.add(SplitMix64.GAMMA);
        int i = from;
        for (; i + 2 * LANES <= to; i += 2 * LANES) {
            LongVector low = keptBits(even, threshold, scaleBits);
            LongVector high = keptBits(odd, threshold, scaleBits).lanewise(VectorOperators.LSHL, 32);
            FloatVector scale = low.or(high).reinterpretAsFloats();
            scale.intoArray(scales, i);
            FloatVector.fromArray(FLOATS, source, i).mul(scale).intoArray(target, i);
            even = even.add(2 * LANES * SplitMix64.GAMMA);
            odd = odd.add(2 * LANES * SplitMix64.GAMMA);
        }
        return i;
    }

    /**
     * {@code bits} in the lanes whose element is kept (draw − threshold ≥ 0, so the arithmetic shift of the
     * difference by 63 is 0), 0 in the others (where it is −1).
     */
    private static LongVector keptBits(LongVector counters, long threshold, long bits) {
        return draws(counters).sub(threshold).lanewise(VectorOperators.ASHR, 63).not().and(bits);
    }

    /** mix64(counter) ≫ 11 in every lane: the 53-bit draws. */
    private static LongVector draws(LongVector counters) {
        LongVector z = counters;
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(SplitMix64.MIX_1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(SplitMix64.MIX_2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        return z.lanewise(VectorOperators.LSHR, 11);
    }

    @Override
    public boolean anyNonZero(double[] values, int from, int to) {
        return VectorSparseColumns.anyNonZero(values, from, to);
    }

    @Override
    public boolean anyNonZero(float[] values, int from, int to) {
        return FloatSparseColumns.anyNonZero(values, from, to);
    }

    @Override
    public int squares(double[] values, int from, int to, double[] sums) {
        return sums(values, null, from, to, true, sums);
    }

    @Override
    public int sums(float[] values, int from, int to, boolean squared, double[] sums) {
        return sums(null, values, from, to, squared, sums);
    }

    /**
     * The 32 running sums over whole groups of 32 values of {@code doubles} or, when it is null, of {@code floats}:
     * four accumulators of eight lanes or eight of four, written out (vectors held in an array would be objects, not
     * registers); other widths, and floats whose preferred shape is not twice the doubles' lanes, are left to the
     * scalar loop.
     */
    private static int sums(double[] doubles, float[] floats, int from, int to, boolean squared, double[] sums) {
        if (to - from < CHAINS || floats != null && FLOATS.length() != 2 * DOUBLES.length()) {
            return from;
        }
        return switch (DOUBLES.length()) {
            case 8 -> sumsByEight(doubles, floats, from, to, squared, sums);
            case 4 -> sumsByFour(doubles, floats, from, to, squared, sums);
            default -> from;
        };
    }

    private static int sumsByEight(double[] doubles, float[] floats, int from, int to, boolean squared,
                                   double[] sums) {
        DoubleVector s0 = DoubleVector.zero(DOUBLES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = from;
        for (; i + CHAINS <= to; i += CHAINS) {
            s0 = s0.add(lanes(doubles, floats, i, 0, squared));
            s1 = s1.add(lanes(doubles, floats, i, 1, squared));
            s2 = s2.add(lanes(doubles, floats, i, 2, squared));
            s3 = s3.add(lanes(doubles, floats, i, 3, squared));
        }
        s0.intoArray(sums, 0);
        s1.intoArray(sums, 8);
        s2.intoArray(sums, 16);
        s3.intoArray(sums, 24);
        return i;
    }

    private static int sumsByFour(double[] doubles, float[] floats, int from, int to, boolean squared,
                                  double[] sums) {
        DoubleVector s0 = DoubleVector.zero(DOUBLES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        int i = from;
        for (; i + CHAINS <= to; i += CHAINS) {
            s0 = s0.add(lanes(doubles, floats, i, 0, squared));
            s1 = s1.add(lanes(doubles, floats, i, 1, squared));
            s2 = s2.add(lanes(doubles, floats, i, 2, squared));
            s3 = s3.add(lanes(doubles, floats, i, 3, squared));
            s4 = s4.add(lanes(doubles, floats, i, 4, squared));
            s5 = s5.add(lanes(doubles, floats, i, 5, squared));
            s6 = s6.add(lanes(doubles, floats, i, 6, squared));
            s7 = s7.add(lanes(doubles, floats, i, 7, squared));
        }
        s0.intoArray(sums, 0);
        s1.intoArray(sums, 4);
        s2.intoArray(sums, 8);
        s3.intoArray(sums, 12);
        s4.intoArray(sums, 16);
        s5.intoArray(sums, 20);
        s6.intoArray(sums, 24);
        s7.intoArray(sums, 28);
        return i;
    }

    /**
     * Vector {@code c} of the group at {@code i} (the values i + c·L … i + c·L + L − 1, L the double lanes), squared if
     * asked: loaded from the doubles, or as part c mod 2 of the float vector that holds it, widened to the preferred
     * double shape (a float vector of the preferred shape holds twice the lanes, and both shapes are the GEMM
     * kernels' own).
     */
    private static DoubleVector lanes(double[] doubles, float[] floats, int i, int c, boolean squared) {
        DoubleVector d = doubles != null ? DoubleVector.fromArray(DOUBLES, doubles, i + c * DOUBLES.length())
                : (DoubleVector) FloatVector.fromArray(FLOATS, floats, i + (c >> 1) * FLOATS.length())
                        .convertShape(VectorOperators.F2D, DOUBLES, c & 1);
        return squared ? d.mul(d) : d;
    }
}
