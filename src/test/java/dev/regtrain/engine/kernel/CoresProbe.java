package dev.regtrain.engine.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

/**
 * Whether this machine's cores multiply as that many cores right now ({@code bench/cores}; {@code bench/compare} runs
 * it before each implementation): the vector kernel's wide register tile on panels that stay in L1 (as {@link
 * TileBenchmark}), first on one thread, then on one thread per core at once, in interleaved rounds. Where the second
 * figure falls to about half the first, two training threads multiply no faster than one (as on a virtual machine whose
 * host runs both vCPUs on the hyperthreads of one physical core, which the guest does not see as steal time). Then one
 * thread's read rate over 32 MiB (about one L3 of a server part, shared with cores the guest does not own) and over 256
 * MiB (main memory): the tile never leaves L1, so these show what it cannot, another tenant's use of the shared caches.
 * Options: --seconds S per measurement (default 0.3), --rounds N (default 3); prints the medians and their ratio.
 */
public final class CoresProbe {

    private static final int DEPTH = 256;

    public static void main(String[] args) throws Exception {
        double seconds = 0.3;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        gflops(cores, 0.5); // the JIT compiles the tile on every thread's path
        double[] one = new double[rounds];
        double[] each = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            one[r] = gflops(1, seconds);
            each[r] = gflops(cores, seconds) / cores;
        }
        double alone = TileBenchmark.median(one);
        double together = TileBenchmark.median(each);
        double[] cache = new double[4 << 20]; // 32 MiB: about one L3 of a server part, shared with its other cores
        double[] memory = new double[32 << 20]; // 256 MiB: main memory
        Arrays.fill(cache, 1e-3);
        Arrays.fill(memory, 1e-3);
        double[] cacheRounds = new double[rounds];
        double[] memoryRounds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            cacheRounds[r] = readGbps(cache, seconds);
            memoryRounds[r] = readGbps(memory, seconds);
        }
        System.out.printf(Locale.ROOT, "CORES one_thread_gflops %.1f each_of_%d_at_once_gflops %.1f ratio %.2f"
                        + " read_32mib_gbps %.1f read_256mib_gbps %.1f%n", alone, cores, together, together / alone,
                TileBenchmark.median(cacheRounds), TileBenchmark.median(memoryRounds));
    }

    /**
     * GB/s of one thread reading {@code values} again and again for {@code seconds}, after one pass to warm: the
     * sum of their squares by the training's own vectorised loop.
     */
    static double readGbps(double[] values, double seconds) {
        sink += ElementLoops.squaredL2(values, 0, values.length);
        long passes = 0;
        long begin = System.nanoTime();
        long end = begin + (long) (seconds * 1e9);
        do {
            sink += ElementLoops.squaredL2(values, 0, values.length);
            passes++;
        } while (System.nanoTime() < end);
        return passes * 8.0 * values.length / ((System.nanoTime() - begin) / 1e9) / 1e9;
    }

    private static volatile double sink;

    /** GFLOP/s of {@code threads} threads running the wide tile on their own panels for {@code seconds}, summed. */
    static double gflops(int threads, double seconds) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        long[] calls = new long[threads];
        Thread[] workers = new Thread[threads];
        long[] deadline = new long[1];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                int mr = VectorMicroKernel.MR;
                int width = VectorMicroKernel.WIDE;
                double[] a = new double[mr * DEPTH];
                double[] b = new double[width * DEPTH];
                double[] c = new double[mr * width];
                Arrays.fill(a, 1e-3);
                Arrays.fill(b, 1e-3);
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long n = 0;
                while (System.nanoTime() < deadline[0]) {
                    for (int i = 0; i < 64; i++) {
                        VectorMicroKernel.tile(width, a, 0, b, 0, DEPTH, c, 0, mr, c, 0, mr);
                    }
                    n += 64;
                }
                calls[index] = n;
            });
            workers[t].start();
        }
        long begin = System.nanoTime();
        deadline[0] = begin + (long) (seconds * 1e9);
        start.await(); // the barrier publishes the deadline to the workers
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        double flopsPerCall = 2.0 * VectorMicroKernel.MR * VectorMicroKernel.WIDE * DEPTH;
        return Arrays.stream(calls).sum() * flopsPerCall / elapsed / 1e9;
    }
}

