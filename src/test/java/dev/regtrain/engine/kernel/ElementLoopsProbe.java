package dev.regtrain.engine.kernel;

import java.util.Arrays;

/**
 * Prints, one per line, whether this JVM has the Vector API module and then the bits of {@link ElementLoops}' results
 * on fixed inputs (sums of squares of doubles and of floats, and sums of floats, over ranges of several lengths and offsets, dropout's scales and outputs in both
 * precisions, as hashes of their bits): ScalarLoopsIT runs it in a JVM with the module and in one without, and the
 * lines after the first must be the same.
 */
public final class ElementLoopsProbe {

    private ElementLoopsProbe() {
    }

    public static void main(String[] args) {
        System.out.println("vector=" + Kernels.vectorAvailable());
        int n = 5_003;
        double[] values = new double[n];
        float[] floats = new float[n];
        long z = 7;
        for (int i = 0; i < n; i++) {
            z = SplitMix64.mix64(z + SplitMix64.GAMMA);
            values[i] = ((z >>> 11) * 0x1.0p-53 - 0.5) * Math.pow(10, (i % 11) - 5);
            floats[i] = (float) values[i];
        }
        int[][] ranges = {{0, n}, {3, 35}, {5, 36}, {7, 7 + 784}, {100, 100 + 31}, {11, 4_000}};
        for (int[] r : ranges) {
            System.out.println("squares " + r[0] + ".." + r[1] + " "
                    + Long.toHexString(Double.doubleToRawLongBits(ElementLoops.squaredL2(values, r[0], r[1]))) + " "
                    + Long.toHexString(Double.doubleToRawLongBits(ElementLoops.squaredL2(floats, r[0], r[1]))) + " "
                    + Long.toHexString(Double.doubleToRawLongBits(ElementLoops.sum(floats, r[0], r[1]))));
        }
        for (double rate : new double[] {0.1, 0.5, 0.8}) {
            double[] target = new double[n];
            double[] scales = new double[n];
            float[] floatTarget = new float[n];
            float[] floatScales = new float[n];
            ElementLoops.drop(values, target, scales, rate, 42L, 0, 2_000);
            ElementLoops.drop(values, target, scales, rate, 42L, 2_000, n);
            ElementLoops.drop(floats, floatTarget, floatScales, rate, 42L, 1, n);
            System.out.println("drop " + rate + " " + Arrays.hashCode(target) + " " + Arrays.hashCode(scales) + " "
                    + Arrays.hashCode(floatTarget) + " " + Arrays.hashCode(floatScales));
        }
    }
}
