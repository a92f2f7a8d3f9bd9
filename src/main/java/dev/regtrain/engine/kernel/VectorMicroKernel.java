package dev.regtrain.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorKernel}: an MR × NR block of C, MR = 2 vectors of the preferred species (two
 * 256-bit vectors with AVX2, two 512-bit ones with AVX-512) and NR = 6 or 4 columns, held in 12 or 8 vector
 * accumulators while p runs over the inner dimension. Per p a tile loads two vectors of the A panel and broadcasts NR
 * elements of the B panel. The build generates the single-precision twin, FloatMicroKernel, from this file (see
 * {@link VectorLanes}).
 *
 * <p>Both panels are packed ({@link VectorPacking}): element (r, p) of the A panel is {@code a[aOffset + p·MR + r]}
 * and element (p, q) of the B panel is {@code b[bOffset + p·NR + q]}. The constant strides let the JIT hoist the
 * bounds checks out of the loop and keep the loads sequential; operands read in place through variable strides
 * were markedly slower.
 *
 * <p>Which width is faster depends on the JIT ({@code bench/tile} measures both): JDK 17's C2 keeps the 6-column tile's
 * 12 accumulators, 2 A vectors and the broadcast in the 16 AVX2 registers, while JDK 25's schedules two broadcasts
 * early, spills an accumulator and keeps the bounds checks on A in the loop, where the 4-column tile stays clean. With
 * 512-bit vectors the 4-column tile is the faster one on JDK 17 too (an AVX-512 machine: in float 0.96 of the FMA
 * loop against 0.91; in double the two tiles are level on their own, but R1's whole products run 4–15 % faster with
 * the narrow one). {@link #PREFERRED_COLUMNS} is therefore 6 only on JDKs before 21 with vectors narrower than 512
 * bits, 4 otherwise (docs/performance.md has the measurements).
 *
 * <p>Every element of C is one chain of fused multiply-adds c = fma(a_p, b_p, c) over p = 0, 1, …, k−1, starting from
 * 0: the result does not depend on the tile's width or position, on how C is split into tiles, blocks or among
 * workers, nor on the vector length. A depth block continues the chains from the partial sums its predecessor
 * stored in C.
 */
final class VectorMicroKernel {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int V = SPECIES.length();
    static final int MR = 2 * V;
    /** The wide tile's columns. */
    static final int WIDE = 6;
    /** The narrow tile's columns. */
    static final int NARROW = 4;
    /** The tile width for this JVM's compiler and this machine's vectors, see the class comment. */
    static final int PREFERRED_COLUMNS = preferredColumns(Runtime.version().feature(), SPECIES.vectorBitSize());

    private VectorMicroKernel() {
    }

    /** The faster tile width for a JDK's feature release and a vector size in bits (measured, see the class comment). */
    static int preferredColumns(int jdkFeature, int vectorBits) {
        return jdkFeature < 21 && vectorBits < 512 ? WIDE : NARROW;
    }

    /**
     * C tile (MR × columns) = S + A panel (MR × depth) · B panel (depth × columns), where the start S is read from
     * {@code s[sOffset + r + q·sStride]} (zeros for a plain product, the partial sums of an earlier depth block to
     * continue its chains) and C is written to {@code c[cOffset + r + q·cStride]}; S and C may be the same tile.
     * {@code columns} is {@link #WIDE} or {@link #NARROW}, the width the B panel was packed with.
     */
    static void tile(int columns, double[] a, int aOffset, double[] b, int bOffset, int depth, double[] s,
                     int sOffset, int sStride, double[] c, int cOffset, int cStride) {
        if (columns == WIDE) {
            tile6(a, aOffset, b, bOffset, depth, s, sOffset, sStride, c, cOffset, cStride);
        } else {
            tile4(a, aOffset, b, bOffset, depth, s, sOffset, sStride, c, cOffset, cStride);
        }
    }

    /** The MR × 6 tile: per p, two A vectors, six broadcasts, twelve fused multiply-adds. */
    static void tile6(double[] a, int aOffset, double[] b, int bOffset, int depth, double[] s, int sOffset,
                     int sStride, double[] c, int cOffset, int cStride) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, s, sOffset);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, s, sOffset + V);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, s, sOffset + sStride);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, s, sOffset + sStride + V);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, s, sOffset + 2 * sStride);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, s, sOffset + 2 * sStride + V);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, s, sOffset + 3 * sStride);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, s, sOffset + 3 * sStride + V);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, s, sOffset + 4 * sStride);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, s, sOffset + 4 * sStride + V);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, s, sOffset + 5 * sStride);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, s, sOffset + 5 * sStride + V);
        // The B index steps as the loop variable, the A index beside it: with the usual p = 0..depth−1 and
        // bp = bOffset + 6·p, C2 turns 6·p into two shifts, no longer sees a scaled loop variable, and keeps two
        // bounds checks on B in the loop; with bp as the loop variable those go (docs/performance.md).
        int bEnd = bOffset + depth * WIDE;
        for (int ap = aOffset, bp = bOffset; bp < bEnd; ap += MR, bp += WIDE) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, ap);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, ap + V);
            DoubleVector bv = DoubleVector.broadcast(SPECIES, b[bp]);
            c00 = a0.fma(bv, c00);
            c01 = a1.fma(bv, c01);
            bv = DoubleVector.broadcast(SPECIES, b[bp + 1]);
            c10 = a0.fma(bv, c10);
            c11 = a1.fma(bv, c11);
            bv = DoubleVector.broadcast(SPECIES, b[bp + 2]);
            c20 = a0.fma(bv, c20);
            c21 = a1.fma(bv, c21);
            bv = DoubleVector.broadcast(SPECIES, b[bp + 3]);
            c30 = a0.fma(bv, c30);
            c31 = a1.fma(bv, c31);
            bv = DoubleVector.broadcast(SPECIES, b[bp + 4]);
            c40 = a0.fma(bv, c40);
            c41 = a1.fma(bv, c41);
            bv = DoubleVector.broadcast(SPECIES, b[bp + 5]);
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

    /** The MR × 4 tile: per p, two A vectors, four broadcasts, eight fused multiply-adds. */
    static void tile4(double[] a, int aOffset, double[] b, int bOffset, int depth, double[] s, int sOffset,
                      int sStride, double[] c, int cOffset, int cStride) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, s, sOffset);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, s, sOffset + V);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, s, sOffset + sStride);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, s, sOffset + sStride + V);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, s, sOffset + 2 * sStride);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, s, sOffset + 2 * sStride + V);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, s, sOffset + 3 * sStride);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, s, sOffset + 3 * sStride + V);
        int bEnd = bOffset + depth * NARROW;
        for (int ap = aOffset, bp = bOffset; bp < bEnd; ap += MR, bp += NARROW) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, ap);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, ap + V);
            DoubleVector bv = DoubleVector.broadcast(SPECIES, b[bp]);
            c00 = a0.fma(bv, c00);
            c01 = a1.fma(bv, c01);
            bv = DoubleVector.broadcast(SPECIES, b[bp + 1]);
            c10 = a0.fma(bv, c10);
            c11 = a1.fma(bv, c11);
            bv = DoubleVector.broadcast(SPECIES, b[bp + 2]);
            c20 = a0.fma(bv, c20);
            c21 = a1.fma(bv, c21);
            bv = DoubleVector.broadcast(SPECIES, b[bp + 3]);
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
