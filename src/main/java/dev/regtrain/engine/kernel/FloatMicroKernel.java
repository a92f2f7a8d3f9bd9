package dev.regtrain.engine.kernel;

import static dev.regtrain.engine.kernel.VectorMicroKernel.NARROW;
import static dev.regtrain.engine.kernel.VectorMicroKernel.WIDE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorKernel} in single precision, {@link VectorMicroKernel}'s twins on {@code
 * FloatVector}: an MR × NR block of C with MR = 2 vectors (16 rows with AVX2, 32 with AVX-512) and NR = 6 or 4
 * columns, the same packed layouts, the same loop shape, and every element of C one chain of fused multiply-adds
 * c = fma(a_p, b_p, c) over p = 0, 1, …, k−1 from 0, in float. Twice the rows per vector means twice the flops per
 * instruction; the tile widths per JDK are {@link VectorMicroKernel#PREFERRED_COLUMNS}'s.
 */
final class FloatMicroKernel {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int V = SPECIES.length();
    static final int MR = 2 * V;

    private FloatMicroKernel() {
    }

    /**
     * C tile (MR × columns) = S + A panel (MR × depth) · B panel (depth × columns), where the start S is read from
     * {@code s[sOffset + r + q·sStride]} (zeros for a plain product, the partial sums of an earlier depth block to
     * continue its chains) and C is written to {@code c[cOffset + r + q·cStride]}; S and C may be the same tile.
     * {@code columns} is {@link #WIDE} or {@link #NARROW}, the width the B panel was packed with.
     */
    static void tile(int columns, float[] a, int aOffset, float[] b, int bOffset, int depth, float[] s,
                     int sOffset, int sStride, float[] c, int cOffset, int cStride) {
        if (columns == WIDE) {
            tile6(a, aOffset, b, bOffset, depth, s, sOffset, sStride, c, cOffset, cStride);
        } else {
            tile4(a, aOffset, b, bOffset, depth, s, sOffset, sStride, c, cOffset, cStride);
        }
    }

    /** The 16 × 6 tile (with AVX2): per p, two A vectors, six broadcasts, twelve fused multiply-adds. */
    static void tile6(float[] a, int aOffset, float[] b, int bOffset, int depth, float[] s, int sOffset,
                     int sStride, float[] c, int cOffset, int cStride) {
        FloatVector c00 = FloatVector.fromArray(SPECIES, s, sOffset);
        FloatVector c01 = FloatVector.fromArray(SPECIES, s, sOffset + V);
        FloatVector c10 = FloatVector.fromArray(SPECIES, s, sOffset + sStride);
        FloatVector c11 = FloatVector.fromArray(SPECIES, s, sOffset + sStride + V);
        FloatVector c20 = FloatVector.fromArray(SPECIES, s, sOffset + 2 * sStride);
        FloatVector c21 = FloatVector.fromArray(SPECIES, s, sOffset + 2 * sStride + V);
        FloatVector c30 = FloatVector.fromArray(SPECIES, s, sOffset + 3 * sStride);
        FloatVector c31 = FloatVector.fromArray(SPECIES, s, sOffset + 3 * sStride + V);
        FloatVector c40 = FloatVector.fromArray(SPECIES, s, sOffset + 4 * sStride);
        FloatVector c41 = FloatVector.fromArray(SPECIES, s, sOffset + 4 * sStride + V);
        FloatVector c50 = FloatVector.fromArray(SPECIES, s, sOffset + 5 * sStride);
        FloatVector c51 = FloatVector.fromArray(SPECIES, s, sOffset + 5 * sStride + V);
        // the B index as the loop variable, as in VectorMicroKernel (no bounds checks on B in the loop)
        int bEnd = bOffset + depth * WIDE;
        for (int ap = aOffset, bp = bOffset; bp < bEnd; ap += MR, bp += WIDE) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, ap);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, ap + V);
            FloatVector bv = FloatVector.broadcast(SPECIES, b[bp]);
            c00 = a0.fma(bv, c00);
            c01 = a1.fma(bv, c01);
            bv = FloatVector.broadcast(SPECIES, b[bp + 1]);
            c10 = a0.fma(bv, c10);
            c11 = a1.fma(bv, c11);
            bv = FloatVector.broadcast(SPECIES, b[bp + 2]);
            c20 = a0.fma(bv, c20);
            c21 = a1.fma(bv, c21);
            bv = FloatVector.broadcast(SPECIES, b[bp + 3]);
            c30 = a0.fma(bv, c30);
            c31 = a1.fma(bv, c31);
            bv = FloatVector.broadcast(SPECIES, b[bp + 4]);
            c40 = a0.fma(bv, c40);
            c41 = a1.fma(bv, c41);
            bv = FloatVector.broadcast(SPECIES, b[bp + 5]);
            c50 = a0.fma(bv, c50);
            c51 = a1.fma(bv, c51);
        }
        int c1 = cOffset + cStride;
        int c2 = c1 + cStride;
        int c3 = c2 + cStride;
        int c4 = c3 + cStride;
        int c5 = c4 + cStride;
        c00.intoArray(c, cOffset);
        c01.intoArray(c, cOffset + V);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + V);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + V);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + V);
        c40.intoArray(c, c4);
        c41.intoArray(c, c4 + V);
        c50.intoArray(c, c5);
        c51.intoArray(c, c5 + V);
    }

    /** The 16 × 4 tile (with AVX2): per p, two A vectors, four broadcasts, eight fused multiply-adds. */
    static void tile4(float[] a, int aOffset, float[] b, int bOffset, int depth, float[] s, int sOffset,
                      int sStride, float[] c, int cOffset, int cStride) {
        FloatVector c00 = FloatVector.fromArray(SPECIES, s, sOffset);
        FloatVector c01 = FloatVector.fromArray(SPECIES, s, sOffset + V);
        FloatVector c10 = FloatVector.fromArray(SPECIES, s, sOffset + sStride);
        FloatVector c11 = FloatVector.fromArray(SPECIES, s, sOffset + sStride + V);
        FloatVector c20 = FloatVector.fromArray(SPECIES, s, sOffset + 2 * sStride);
        FloatVector c21 = FloatVector.fromArray(SPECIES, s, sOffset + 2 * sStride + V);
        FloatVector c30 = FloatVector.fromArray(SPECIES, s, sOffset + 3 * sStride);
        FloatVector c31 = FloatVector.fromArray(SPECIES, s, sOffset + 3 * sStride + V);
        int bEnd = bOffset + depth * NARROW;
        for (int ap = aOffset, bp = bOffset; bp < bEnd; ap += MR, bp += NARROW) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, ap);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, ap + V);
            FloatVector bv = FloatVector.broadcast(SPECIES, b[bp]);
            c00 = a0.fma(bv, c00);
            c01 = a1.fma(bv, c01);
            bv = FloatVector.broadcast(SPECIES, b[bp + 1]);
            c10 = a0.fma(bv, c10);
            c11 = a1.fma(bv, c11);
            bv = FloatVector.broadcast(SPECIES, b[bp + 2]);
            c20 = a0.fma(bv, c20);
            c21 = a1.fma(bv, c21);
            bv = FloatVector.broadcast(SPECIES, b[bp + 3]);
            c30 = a0.fma(bv, c30);
            c31 = a1.fma(bv, c31);
        }
        int c1 = cOffset + cStride;
        int c2 = c1 + cStride;
        int c3 = c2 + cStride;
        c00.intoArray(c, cOffset);
        c01.intoArray(c, cOffset + V);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + V);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + V);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + V);
    }
}
