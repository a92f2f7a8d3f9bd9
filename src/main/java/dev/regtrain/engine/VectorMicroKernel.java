package dev.regtrain.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile of {@link VectorKernel}: an MR × NR block of C, MR = 2 vectors of the preferred species (8 rows
 * with AVX2, 16 with AVX-512) and NR = 6 columns, held in 12 vector accumulators while p runs over the whole
 * inner dimension. Per p it loads two vectors of op(A)'s column p and broadcasts six elements of op(B)'s row p.
 *
 * <p>Operands are addressed through strides, so that one tile serves every layout: element (r, p) of the A panel is
 * {@code a[aOffset + r + p·aStride]}, element (p, q) of the B panel is {@code b[bOffset + p·bpStride + q·bqStride]},
 * and element (r, q) of the C tile goes to {@code c[cOffset + r + q·cStride]}.
 *
 * <p>Every element of C is one chain of fused multiply-adds c = fma(a_p, b_p, c) over p = 0, 1, …, k−1 from c = 0,
 * whatever the tile position or the vector length (edges are computed by the same tile on zero-padded copies), so
 * results are bit-identical between calls, and independent of how C is split into tiles.
 */
final class VectorMicroKernel {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int V = SPECIES.length();
    static final int MR = 2 * V;
    static final int NR = 6;

    private VectorMicroKernel() {
    }

    /** C tile (MR × NR) = A panel (MR × k) · B panel (k × NR). */
    static void tile(double[] a, int aOffset, int aStride, double[] b, int bOffset, int bpStride, int bqStride,
                     int k, double[] c, int cOffset, int cStride) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        int q1 = bqStride;
        int q2 = 2 * bqStride;
        int q3 = 3 * bqStride;
        int q4 = 4 * bqStride;
        int q5 = 5 * bqStride;
        int ap = aOffset;
        int bp = bOffset;
        for (int p = 0; p < k; p++) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, ap);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, ap + V);
            DoubleVector bv = DoubleVector.broadcast(SPECIES, b[bp]);
            c00 = a0.fma(bv, c00);
            c01 = a1.fma(bv, c01);
            bv = DoubleVector.broadcast(SPECIES, b[bp + q1]);
            c10 = a0.fma(bv, c10);
            c11 = a1.fma(bv, c11);
            bv = DoubleVector.broadcast(SPECIES, b[bp + q2]);
            c20 = a0.fma(bv, c20);
            c21 = a1.fma(bv, c21);
            bv = DoubleVector.broadcast(SPECIES, b[bp + q3]);
            c30 = a0.fma(bv, c30);
            c31 = a1.fma(bv, c31);
            bv = DoubleVector.broadcast(SPECIES, b[bp + q4]);
            c40 = a0.fma(bv, c40);
            c41 = a1.fma(bv, c41);
            bv = DoubleVector.broadcast(SPECIES, b[bp + q5]);
            c50 = a0.fma(bv, c50);
            c51 = a1.fma(bv, c51);
            ap += aStride;
            bp += bpStride;
        }
        c00.intoArray(c, cOffset);
        c01.intoArray(c, cOffset + V);
        c10.intoArray(c, cOffset + cStride);
        c11.intoArray(c, cOffset + cStride + V);
        c20.intoArray(c, cOffset + 2 * cStride);
        c21.intoArray(c, cOffset + 2 * cStride + V);
        c30.intoArray(c, cOffset + 3 * cStride);
        c31.intoArray(c, cOffset + 3 * cStride + V);
        c40.intoArray(c, cOffset + 4 * cStride);
        c41.intoArray(c, cOffset + 4 * cStride + V);
        c50.intoArray(c, cOffset + 5 * cStride);
        c51.intoArray(c, cOffset + 5 * cStride + V);
    }
}
