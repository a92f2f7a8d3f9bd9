package dev.regtrain.engine.kernel;

import static dev.regtrain.engine.kernel.FloatMicroKernel.SPECIES;
import static dev.regtrain.engine.kernel.FloatMicroKernel.V;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link VectorSparseColumns} in single precision: B's columns compacted into lists of their non-zero entries and
 * each column of C summed over them, one broadcast and {@link #VECTORS} fused multiply-adds per entry, on {@code
 * FloatVector} (groups of 64 rows with AVX2). The same argument gives the dense tiles' bits: a left-out step adds an
 * exact zero to a partial sum that starts at +0 and can never become −0.
 */
final class FloatSparseColumns {

    /** Accumulators of one group: 8 vectors, the rows of four dense row panels. */
    static final int VECTORS = 8;
    /** Rows of a packed group of op(A): 64 with AVX2. */
    static final int GROUP = VECTORS * V;

    private FloatSparseColumns() {
    }

    /**
     * Lists the non-zero entries of rows [p0, p1) of column {@code column} of B (k × n, column-major) at
     * {@code index[column·k + p0 ...]} (their p) and {@code value[...]} (their value), in increasing p, and returns
     * how many there are. Within a vector that holds a non-zero, branch-free: every value is written, and the slot
     * only advances past a non-zero one.
     */
    static int compact(float[] b, int k, int column, int p0, int p1, int[] index, float[] value) {
        int start = column * k + p0;
        int end = column * k + p1;
        int slot = start;
        int source = start;
        // a vector of zeros (most of them in a sparse column) is passed over with one comparison
        for (int p = p0; source + V <= end; source += V, p += V) {
            if (FloatVector.fromArray(SPECIES, b, source).compare(VectorOperators.NE, 0.0f).anyTrue()) {
                slot = list(b, source, source + V, p, index, value, slot);
            }
        }
        return list(b, source, end, p0 + (source - start), index, value, slot) - start;
    }

    /** How many values of a[from, to) are other than ±0 (a NaN counts). */
    static long countNonZero(float[] a, int from, int to) {
        long count = 0;
        int i = from;
        for (; i + V <= to; i += V) {
            count += FloatVector.fromArray(SPECIES, a, i).compare(VectorOperators.NE, 0.0f).trueCount();
        }
        for (; i < to; i++) {
            count += a[i] != 0 ? 1 : 0;
        }
        return count;
    }

    /** Whether a[from, to) holds a value other than ±0 (a NaN counts as one); stops at the first vector that does. */
    static boolean anyNonZero(float[] a, int from, int to) {
        int i = from;
        for (; i + V <= to; i += V) {
            if (FloatVector.fromArray(SPECIES, a, i).compare(VectorOperators.NE, 0.0f).anyTrue()) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (a[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Lists the non-zero values of b[from, to), whose first is row p, from {@code slot} on; returns the next slot. */
    private static int list(float[] b, int from, int to, int p, int[] index, float[] value, int slot) {
        for (int source = from; source < to; source++, p++) {
            float v = b[source];
            index[slot] = p;
            value[slot] = v;
            slot += v != 0 ? 1 : 0;
        }
        return slot;
    }

    /**
     * One group of rows of one column of C: C(group rows, j) = S + Σ over entries t in [from, to) of
     * value[t] · op(A)(group rows, index[t]), S read from {@code s[sOffset ...]} (zeros, or the partial sums of an
     * earlier depth block) and C written to {@code c[cOffset ...]}, {@link #GROUP} consecutive values each.
     *
     * @param groupOffset where the packed group starts, {@code G·GROUP·k}
     */
    static void column(float[] a, int groupOffset, int[] index, float[] value, int from, int to, float[] s,
                       int sOffset, float[] c, int cOffset) {
        FloatVector c0 = FloatVector.fromArray(SPECIES, s, sOffset);
        FloatVector c1 = FloatVector.fromArray(SPECIES, s, sOffset + V);
        FloatVector c2 = FloatVector.fromArray(SPECIES, s, sOffset + 2 * V);
        FloatVector c3 = FloatVector.fromArray(SPECIES, s, sOffset + 3 * V);
        FloatVector c4 = FloatVector.fromArray(SPECIES, s, sOffset + 4 * V);
        FloatVector c5 = FloatVector.fromArray(SPECIES, s, sOffset + 5 * V);
        FloatVector c6 = FloatVector.fromArray(SPECIES, s, sOffset + 6 * V);
        FloatVector c7 = FloatVector.fromArray(SPECIES, s, sOffset + 7 * V);
        for (int t = from; t < to; t++) {
            int ap = groupOffset + index[t] * GROUP;
            FloatVector bv = FloatVector.broadcast(SPECIES, value[t]);
            c0 = FloatVector.fromArray(SPECIES, a, ap).fma(bv, c0);
            c1 = FloatVector.fromArray(SPECIES, a, ap + V).fma(bv, c1);
            c2 = FloatVector.fromArray(SPECIES, a, ap + 2 * V).fma(bv, c2);
            c3 = FloatVector.fromArray(SPECIES, a, ap + 3 * V).fma(bv, c3);
            c4 = FloatVector.fromArray(SPECIES, a, ap + 4 * V).fma(bv, c4);
            c5 = FloatVector.fromArray(SPECIES, a, ap + 5 * V).fma(bv, c5);
            c6 = FloatVector.fromArray(SPECIES, a, ap + 6 * V).fma(bv, c6);
            c7 = FloatVector.fromArray(SPECIES, a, ap + 7 * V).fma(bv, c7);
        }
        c0.intoArray(c, cOffset);
        c1.intoArray(c, cOffset + V);
        c2.intoArray(c, cOffset + 2 * V);
        c3.intoArray(c, cOffset + 3 * V);
        c4.intoArray(c, cOffset + 4 * V);
        c5.intoArray(c, cOffset + 5 * V);
        c6.intoArray(c, cOffset + 6 * V);
        c7.intoArray(c, cOffset + 7 * V);
    }
}
