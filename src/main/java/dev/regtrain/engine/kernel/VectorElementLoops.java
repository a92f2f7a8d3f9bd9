package dev.regtrain.engine.kernel;

import static dev.regtrain.engine.kernel.ElementLoops.CHAINS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementLoops} on the Vector API, in the machine's preferred shape only (the one the GEMM kernel uses, so
 * that no shared method of the API sees a second shape). Dropout: a long lane per draw (eight with AVX-512),
 * SplitMix64's output function lane-wise, the keep test as a mask and the scales blended from it. Sums of squares of
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

    @Override
    public int drop(double[] source, double[] target, double[] scales, double rate, long state, int from, int to) {
        DoubleVector keep = DoubleVector.broadcast(DOUBLES, 1.0 / (1.0 - rate));
        DoubleVector none = DoubleVector.zero(DOUBLES);
        long threshold = ElementLoops.keepThreshold(rate);
        LongVector counters = LANE_STEPS.add(state + (from + 1L) * SplitMix64.GAMMA);
        int i = from;
        for (; i + LANES <= to; i += LANES) {
            DoubleVector scale = none.blend(keep, kept(counters, threshold).cast(DOUBLES));
            scale.intoArray(scales, i);
            DoubleVector.fromArray(DOUBLES, source, i).mul(scale).intoArray(target, i);
            counters = counters.add(LANES * SplitMix64.GAMMA);
        }
        return i;
    }

    @Override
    public void kept(double rate, long state, int from, long[] kept) {
        LongVector one = LongVector.broadcast(LONGS, 1L);
        LongVector none = LongVector.zero(LONGS);
        long threshold = ElementLoops.keepThreshold(rate);
        LongVector counters = LANE_STEPS.add(state + (from + 1L) * SplitMix64.GAMMA);
        int j = 0;
        for (; j + LANES <= kept.length; j += LANES) {
            none.blend(one, kept(counters, threshold)).intoArray(kept, j);
            counters = counters.add(LANES * SplitMix64.GAMMA);
        }
        for (; j < kept.length; j++) {
            kept[j] = ElementLoops.keepFlag(state, from + j, threshold);
        }
    }

    /** The lanes whose draw, mix64(counter) ≫ 11, is at least the threshold. */
    private static VectorMask<Long> kept(LongVector counters, long threshold) {
        LongVector z = counters;
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(SplitMix64.MIX_1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(SplitMix64.MIX_2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        return z.lanewise(VectorOperators.LSHR, 11).compare(VectorOperators.GE, threshold);
    }

    /**
     * Four accumulators of eight lanes or eight of four, written out: the same 32 sums in either, and one method over
     * an array of vectors would box them (vectors held in an array are objects, not registers).
     */
    @Override
    public int squares(double[] values, int from, int to, double[] sums) {
        if (to - from < CHAINS) {
            return from;
        }
        return switch (DOUBLES.length()) {
            case 8 -> squaresByEight(values, from, to, sums);
            case 4 -> squaresByFour(values, from, to, sums);
            default -> from;
        };
    }

    private static int squaresByEight(double[] values, int from, int to, double[] sums) {
        DoubleVector s0 = DoubleVector.zero(DOUBLES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = from;
        for (; i + CHAINS <= to; i += CHAINS) {
            s0 = s0.add(square(values, i));
            s1 = s1.add(square(values, i + 8));
            s2 = s2.add(square(values, i + 16));
            s3 = s3.add(square(values, i + 24));
        }
        s0.intoArray(sums, 0);
        s1.intoArray(sums, 8);
        s2.intoArray(sums, 16);
        s3.intoArray(sums, 24);
        return i;
    }

    private static int squaresByFour(double[] values, int from, int to, double[] sums) {
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
            s0 = s0.add(square(values, i));
            s1 = s1.add(square(values, i + 4));
            s2 = s2.add(square(values, i + 8));
            s3 = s3.add(square(values, i + 12));
            s4 = s4.add(square(values, i + 16));
            s5 = s5.add(square(values, i + 20));
            s6 = s6.add(square(values, i + 24));
            s7 = s7.add(square(values, i + 28));
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
     * Floats: a vector of the preferred float shape holds twice the lanes of the preferred double one, and widens
     * into two of them (parts 0 and 1, its lower and upper lanes), which go to the sums the doubles would.
     */
    @Override
    public int sums(float[] values, int from, int to, boolean squared, double[] sums) {
        if (to - from < CHAINS || FLOATS.length() != 2 * DOUBLES.length()) {
            return from;
        }
        return switch (DOUBLES.length()) {
            case 8 -> floatSumsByEight(values, from, to, squared, sums);
            case 4 -> floatSumsByFour(values, from, to, squared, sums);
            default -> from;
        };
    }

    private static int floatSumsByEight(float[] values, int from, int to, boolean squared, double[] sums) {
        DoubleVector s0 = DoubleVector.zero(DOUBLES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = from;
        for (; i + CHAINS <= to; i += CHAINS) {
            FloatVector v0 = FloatVector.fromArray(FLOATS, values, i);
            FloatVector v1 = FloatVector.fromArray(FLOATS, values, i + 16);
            s0 = s0.add(widen(v0, 0, squared));
            s1 = s1.add(widen(v0, 1, squared));
            s2 = s2.add(widen(v1, 0, squared));
            s3 = s3.add(widen(v1, 1, squared));
        }
        s0.intoArray(sums, 0);
        s1.intoArray(sums, 8);
        s2.intoArray(sums, 16);
        s3.intoArray(sums, 24);
        return i;
    }

    private static int floatSumsByFour(float[] values, int from, int to, boolean squared, double[] sums) {
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
            FloatVector v0 = FloatVector.fromArray(FLOATS, values, i);
            FloatVector v1 = FloatVector.fromArray(FLOATS, values, i + 8);
            FloatVector v2 = FloatVector.fromArray(FLOATS, values, i + 16);
            FloatVector v3 = FloatVector.fromArray(FLOATS, values, i + 24);
            s0 = s0.add(widen(v0, 0, squared));
            s1 = s1.add(widen(v0, 1, squared));
            s2 = s2.add(widen(v1, 0, squared));
            s3 = s3.add(widen(v1, 1, squared));
            s4 = s4.add(widen(v2, 0, squared));
            s5 = s5.add(widen(v2, 1, squared));
            s6 = s6.add(widen(v3, 0, squared));
            s7 = s7.add(widen(v3, 1, squared));
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

    /** Part 0 or 1 of a float vector, widened to the preferred double shape, and squared (exactly) if asked. */
    private static DoubleVector widen(FloatVector v, int part, boolean squared) {
        DoubleVector d = (DoubleVector) v.convertShape(VectorOperators.F2D, DOUBLES, part);
        return squared ? d.mul(d) : d;
    }

    private static DoubleVector square(double[] values, int i) {
        DoubleVector v = DoubleVector.fromArray(DOUBLES, values, i);
        return v.mul(v);
    }
}
