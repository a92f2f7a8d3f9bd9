package dev.regtrain.engine.kernel;

import java.util.Arrays;
import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One core's ceiling and the register tile against it ({@code bench/tile}): GFLOP/s of a loop of nothing but
 * independent fused multiply-adds on the tile's vector species (what one core can do at all), and of
 * {@link VectorMicroKernel#tile} on packed panels small enough to stay in L1, so that the figure is the tile's own
 * code, without packing, edges or memory; both tile widths, since which is faster depends on the JDK and the vector
 * size; in double precision and then in float ({@code FloatMicroKernel}, the build's twin). Run it under different
 * JDKs (JAVA_HOME) to compare their compilers.
 * Options: --depth D (default 256), --rounds N (default 9 of each, 0.3 s, interleaved, after a warm-up); prints
 * medians.
 */
public final class TileBenchmark {

    private static final VectorSpecies<Double> SPECIES = VectorMicroKernel.SPECIES;

    public static void main(String[] args) {
        int depth = 256;
        int rounds = 9;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--depth" -> depth = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int mr = VectorMicroKernel.MR;
        int widest = VectorMicroKernel.WIDE;
        double[] a = new double[mr * depth];
        double[] b = new double[widest * depth];
        double[] c = new double[mr * widest];
        for (int i = 0; i < a.length; i++) {
            a[i] = 1e-3 * (i % 17);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 1e-3 * (i % 13);
        }
        int tileDepth = depth;
        int[] widths = {VectorMicroKernel.WIDE, VectorMicroKernel.NARROW};
        Runnable[] tiles = new Runnable[widths.length];
        for (int t = 0; t < widths.length; t++) {
            int width = widths[t];
            tiles[t] = () -> VectorMicroKernel.tile(width, a, 0, b, 0, tileDepth, c, 0, mr, c, 0, mr);
        }
        report("double", SPECIES.toString(), mr, widths, rounds, depth, () -> sink += fmaLoop(),
                2.0 * SPECIES.length() * 12 * FMA_STEPS, tiles);
        int floatMr = FloatMicroKernel.MR;
        float[] fa = new float[floatMr * depth];
        float[] fb = new float[widest * depth];
        float[] fc = new float[floatMr * widest];
        for (int i = 0; i < fa.length; i++) {
            fa[i] = 1e-3f * (i % 17);
        }
        for (int i = 0; i < fb.length; i++) {
            fb[i] = 1e-3f * (i % 13);
        }
        Runnable[] floatTiles = new Runnable[widths.length];
        for (int t = 0; t < widths.length; t++) {
            int width = widths[t];
            floatTiles[t] = () -> FloatMicroKernel.tile(width, fa, 0, fb, 0, tileDepth, fc, 0, floatMr, fc, 0, floatMr);
        }
        report("float", FloatMicroKernel.SPECIES.toString(), floatMr, widths, rounds, depth,
                () -> sink += floatFmaLoop(), 2.0 * FloatMicroKernel.V * 12 * FMA_STEPS, floatTiles);
    }

    /** Warms, then measures the FMA loop and the tiles in interleaved rounds, and prints the medians. */
    private static void report(String precision, String species, int mr, int[] widths, int rounds, int depth,
                               Runnable peak, double peakFlops, Runnable[] tiles) {
        warm(peak);
        for (Runnable tile : tiles) {
            warm(tile);
        }
        double[] peakRounds = new double[rounds];
        double[][] tileRounds = new double[widths.length][rounds];
        for (int r = 0; r < rounds; r++) { // interleaved, so that a slow spell of the machine hits all
            peakRounds[r] = gflops(peak, peakFlops);
            for (int t = 0; t < widths.length; t++) {
                tileRounds[t][r] = gflops(tiles[t], 2.0 * mr * widths[t] * depth);
            }
        }
        double peakGflops = median(peakRounds);
        System.out.printf(Locale.ROOT, "java %s, %s, tiles %dx%d and %dx%d (this JVM uses %d columns), depth %d%n",
                Runtime.version(), species, mr, widths[0], mr, widths[1], VectorMicroKernel.PREFERRED_COLUMNS, depth);
        StringBuilder result = new StringBuilder(String.format(Locale.ROOT, "RESULT %s fma_loop_gflops %.1f",
                precision, peakGflops));
        for (int t = 0; t < widths.length; t++) {
            double tileGflops = median(tileRounds[t]);
            result.append(String.format(Locale.ROOT, " tile_%dx%d_gflops %.1f share %.2f", mr, widths[t], tileGflops,
                    tileGflops / peakGflops));
        }
        System.out.println(result);
    }

    private static final int FMA_STEPS = 10_000;
    private static volatile double sink;

    /**
     * Twelve independent chains (as many as the wide tile's accumulators), FMA_STEPS fused multiply-adds each. On
     * JDK 25 this loop itself runs at 18–23 GFLOP/s (with eight chains too), so its figure is a ceiling on JDK 17 only.
     */
    private static double fmaLoop() {
        DoubleVector x = DoubleVector.broadcast(SPECIES, 1.0000001);
        DoubleVector y = DoubleVector.broadcast(SPECIES, 0.9999999);
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        DoubleVector c4 = c0;
        DoubleVector c5 = c0;
        DoubleVector c6 = c0;
        DoubleVector c7 = c0;
        DoubleVector c8 = c0;
        DoubleVector c9 = c0;
        DoubleVector c10 = c0;
        DoubleVector c11 = c0;
        for (int i = 0; i < FMA_STEPS; i++) {
            c0 = x.fma(y, c0);
            c1 = x.fma(y, c1);
            c2 = x.fma(y, c2);
            c3 = x.fma(y, c3);
            c4 = x.fma(y, c4);
            c5 = x.fma(y, c5);
            c6 = x.fma(y, c6);
            c7 = x.fma(y, c7);
            c8 = x.fma(y, c8);
            c9 = x.fma(y, c9);
            c10 = x.fma(y, c10);
            c11 = x.fma(y, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /**
     * The same twelve chains on the float species: a method of its own, since one loop called with both species
     * would see two vector classes at each call and keep them as objects instead of in registers.
     */
    private static double floatFmaLoop() {
        FloatVector x = FloatVector.broadcast(FloatMicroKernel.SPECIES, 1.0000001f);
        FloatVector y = FloatVector.broadcast(FloatMicroKernel.SPECIES, 0.9999999f);
        FloatVector c0 = FloatVector.zero(FloatMicroKernel.SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        FloatVector c8 = c0;
        FloatVector c9 = c0;
        FloatVector c10 = c0;
        FloatVector c11 = c0;
        for (int i = 0; i < FMA_STEPS; i++) {
            c0 = x.fma(y, c0);
            c1 = x.fma(y, c1);
            c2 = x.fma(y, c2);
            c3 = x.fma(y, c3);
            c4 = x.fma(y, c4);
            c5 = x.fma(y, c5);
            c6 = x.fma(y, c6);
            c7 = x.fma(y, c7);
            c8 = x.fma(y, c8);
            c9 = x.fma(y, c9);
            c10 = x.fma(y, c10);
            c11 = x.fma(y, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static void warm(Runnable work) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000_000_000L) {
            work.run();
        }
    }

    /** GFLOP/s of calls to {@code work} over 0.3 s. */
    private static double gflops(Runnable work, double flopsPerCall) {
        long start = System.nanoTime();
        long calls = 0;
        long elapsed;
        do {
            for (int i = 0; i < 64; i++) {
                work.run();
            }
            calls += 64;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 300_000_000L);
        return flopsPerCall * calls / elapsed;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private TileBenchmark() {
    }
}
