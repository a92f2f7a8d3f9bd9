package dev.regtrain.engine;

import java.util.Arrays;

/**
 * The feature values of a set of examples, row-major, held in a training precision: doubles, or floats for a
 * float32 job, which then keeps its data in half the memory. A float is the double rounded once, the value the
 * float32 engine rounded it to at every mini-batch before, so where the examples live changes no result.
 */
public sealed interface FeatureValues permits FeatureValues.Doubles, FeatureValues.Floats {

    int length();

    Precision precision();

    /** A copy of the values [from, to), in the same precision. */
    FeatureValues copy(int from, int to);

    /** The values, when they are held as doubles. */
    default double[] doubles() {
        throw new IllegalStateException("these examples are held in " + precision().apiName());
    }

    /** The values, when they are held as floats. */
    default float[] floats() {
        throw new IllegalStateException("these examples are held in " + precision().apiName());
    }

    /** Values held as doubles. */
    record Doubles(double[] values) implements FeatureValues {

        @Override
        public double[] doubles() {
            return values;
        }

        @Override
        public int length() {
            return values.length;
        }

        @Override
        public Precision precision() {
            return Precision.FLOAT64;
        }

        @Override
        public Doubles copy(int from, int to) {
            return new Doubles(Arrays.copyOfRange(values, from, to));
        }
    }

    /** Values held as floats. */
    record Floats(float[] values) implements FeatureValues {

        /** Each double rounded to the nearest float. */
        public static Floats rounded(double[] values) {
            float[] floats = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                floats[i] = (float) values[i];
            }
            return new Floats(floats);
        }

        @Override
        public float[] floats() {
            return values;
        }

        @Override
        public int length() {
            return values.length;
        }

        @Override
        public Precision precision() {
            return Precision.FLOAT32;
        }

        @Override
        public Floats copy(int from, int to) {
            return new Floats(Arrays.copyOfRange(values, from, to));
        }
    }
}
