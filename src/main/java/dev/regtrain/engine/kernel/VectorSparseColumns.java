package dev.regtrain.engine.kernel;

import static dev.regtrain.engine.kernel.VectorMicroKernel.SPECIES;
import static dev.regtrain.engine.kernel.VectorMicroKernel.V;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The kernel of {@link VectorKernel}'s sparse path: C = op(A) · B where most of B is zero, as the weight gradient
 * out[l−1]ᵀ·δ[l] of a hidden layer is (δ is zero wherever dropout dropped a unit or relu was flat). B's columns are compacted into lists of their non-zero entries, and column j of C is then
 * Σ over the non-zero B(p, j) of B(p, j)·op(A)(·, p): each entry costs one broadcast and one fused multiply-add per
 * vector of rows, and the zeros cost nothing.
 *
 * <p>op(A) is packed in groups of {@link #GROUP} rows, p-major (element (r, p) of group G at
 * {@code G·GROUP·k + p·GROUP + r}), so that the rows an entry multiplies are {@link #VECTORS} consecutive vectors.
 * The group's rows are held in as many accumulators while the entries of one column pass.
 *
 * <p>The result is bit-identical to the dense tiles' ({@link VectorMicroKernel}): an element of C is the chain
 * c = fma(a_p, b_p, c) over p in increasing order with the p where b_p = 0 left out, and leaving them out changes
 * nothing, because such a step adds an exact zero (a·0 = ±0 for finite a) to a partial sum that starts at +0 and can
 * never become −0 (a sum that rounds to zero is +0). Only an infinite or NaN a, which the dense product turns into a
 * NaN, would tell them apart.
 */
final class VectorSparseColumns {

    /** Accumulators of one group: 8 vectors, the rows of four dense row panels. */
    static final int VECTORS = 8;
    /** Rows of a packed group of op(A): {@link #VECTORS} vectors. */
    static final int GROUP = VECTORS * V;

    /** The zero a comparison tests against, in this class's precision. */
    private static final double ZERO = 0;

    private VectorSparseColumns() {
    }

    /**
     * Lists the non-zero entries of rows [p0, p1) of column {@code column} of B (k × n, column-major) at
     * {@code index[column·k + p0 ...]} (their p) and {@code value[...]} (their value), in increasing p, and returns
     * how many there are. Within a vector that holds a non-zero, branch-free: every value is written, and the slot
     * only advances past a non-zero one.
     */
    static int compact(double[] b, int k, int column, int p0, int p1, int[] index, double[] value) {
        int start = column * k + p0;
        int end = column * k + p1;
        int slot = start;
        int source = start;
        // a vector of zeros (most of them in a sparse column) is passed over with one comparison
        for (int p = p0; source + V <= end; source += V, p += V) {
            if (DoubleVector.fromArray(SPECIES, b, source).compare(VectorOperators.NE, ZERO).anyTrue()) {
                slot = list(b, source, source + V, p, index, value, slot);
            }
        }
        return list(b, source, end, p0 + (source - start), index, value, slot) - start;
    }

    /** How many values of a[from, to) are other than ±0 (a NaN counts). */
    static long countNonZero(double[] a, int from, int to) {
        long count = 0;
        int i = from;
        for (; i + V <= to; i += V) {
            count += DoubleVector.fromArray(SPECIES, a, i).compare(VectorOperators.NE, ZERO).trueCount();
        }
        for (; i < to; i++) {
            count += a[i] != 0 ? 1 : 0;
        }
        return count;
    }

    /** Whether a[from, to) holds a value other than ±0 (a NaN counts as one); stops at the first vector that does. */
    static boolean anyNonZero(double[] a, int from, int to) {
        int i = from;
        for (; i + V <= to; i += V) {
            if (DoubleVector.fromArray(SPECIES, a, i).compare(VectorOperators.NE, ZERO).anyTrue()) {
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
    private static int list(double[] b, int from, int to, int p, int[] index, double[] value, int slot) {
        for (int source = from; source < to; source++, p++) {
            double v = b[source];
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
    static void column(double[] a, int groupOffset, int[] index, double[] value, int from, int to, double[] s,
                       int sOffset, double[] c, int cOffset) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, s, sOffset);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, s, sOffset + V);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, s, sOffset + 2 * V);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, s, sOffset + 3 * V);
        DoubleVector c4 = DoubleVector.fromArray(SPECIES, s, sOffset + 4 * V);
        DoubleVector c5 = DoubleVector.fromArray(SPECIES, s, sOffset + 5 * V);
        DoubleVector c6 = DoubleVector.fromArray(SPECIES, s, sOffset + 6 * V);
        DoubleVector c7 = DoubleVector.fromArray(SPECIES, s, sOffset + 7 * V);
        for (int t = from; t < to; t++) {
            int ap = groupOffset + index[t] * GROUP;
            DoubleVector bv = DoubleVector.broadcast(SPECIES, value[t]);
            c0 = DoubleVector.fromArray(SPECIES, a, ap).fma(bv, c0);
            c1 = DoubleVector.fromArray(SPECIES, a, ap + V).fma(bv, c1);
            c2 = DoubleVector.fromArray(SPECIES, a, ap + 2 * V).fma(bv, c2);
            c3 = DoubleVector.fromArray(SPECIES, a, ap + 3 * V).fma(bv, c3);
            c4 = DoubleVector.fromArray(SPECIES, a, ap + 4 * V).fma(bv, c4);
            c5 = DoubleVector.fromArray(SPECIES, a, ap + 5 * V).fma(bv, c5);
            c6 = DoubleVector.fromArray(SPECIES, a, ap + 6 * V).fma(bv, c6);
            c7 = DoubleVector.fromArray(SPECIES, a, ap + 7 * V).fma(bv, c7);
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
