package dev.regtrain.bench;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ojalgo.matrix.store.R064Store;

/**
 * GFLOP/s of one kernel on the eight products of an R1 mini-batch (batch 128, 784-256-128-10), two weight gradients
 * whose δ is as sparse as R1's (counted as dense flops), and 512³, each bound once and computed repeatedly, as the
 * trainer does. Options: --kernel K (repeatable; default vector and ojalgo;
 * "vector:2" for 2 threads),
 * --seconds S per shape (default 1).
 */
public final class GemmBenchmark {

    /**
     * A product C = op(A)·op(B) of shape m×k · k×n in a layout, with what it is in R1 and the share of B that is
     * non-zero (R1's δ behind relu and dropout; the vector kernel's TN products skip the zeros below one half).
     */
    record Shape(String what, String layout, int m, int k, int n, double rightDensity) {
        Shape(String what, String layout, int m, int k, int n) {
            this(what, layout, m, k, n, 1.0);
        }
    }

    static final List<Shape> R1 = List.of(
            new Shape("forward 1", "NN", 128, 784, 256),
            new Shape("forward 2", "NN", 128, 256, 128),
            new Shape("forward 3", "NN", 128, 128, 10),
            new Shape("weight gradient 1", "TN", 784, 128, 256),
            new Shape("weight gradient 2", "TN", 256, 128, 128),
            new Shape("weight gradient 3", "TN", 128, 128, 10),
            new Shape("w. gradient 1, 2 %", "TN", 784, 128, 256, 0.02),
            new Shape("w. gradient 2, 25 %", "TN", 256, 128, 128, 0.25),
            new Shape("backward 3", "NT", 128, 10, 128),
            new Shape("backward 2", "NT", 128, 128, 256),
            new Shape("square", "NN", 512, 512, 512));

    public static void main(String[] args) {
        List<String> kernels = new ArrayList<>();
        double seconds = 1.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernels.add(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (kernels.isEmpty()) {
            kernels = List.of("vector", "ojalgo");
        }
        List<MatrixKernel> bound = kernels.stream().map(R1Benchmark::kernel).toList();
        System.out.printf(Locale.ROOT, "%-18s %-6s %-16s", "product", "layout", "m x k x n");
        for (String kernel : kernels) {
            System.out.printf(Locale.ROOT, " %12s", kernel + " GF/s");
        }
        System.out.println();
        for (Shape shape : R1) {
            System.out.printf(Locale.ROOT, "%-18s %-6s %-16s", shape.what(), shape.layout(),
                    shape.m() + "x" + shape.k() + "x" + shape.n());
            for (MatrixKernel kernel : bound) {
                System.out.printf(Locale.ROOT, " %12.1f", gflops(kernel, shape, seconds));
            }
            System.out.println();
        }
    }

    static double gflops(MatrixKernel kernel, Shape shape, double seconds) {
        boolean tl = shape.layout().charAt(0) == 'T';
        boolean tr = shape.layout().charAt(1) == 'T';
        SplittableRandom random = new SplittableRandom(1);
        R064Store left = tl ? R064Store.FACTORY.make(shape.k(), shape.m()) : R064Store.FACTORY.make(shape.m(), shape.k());
        R064Store right = tr ? R064Store.FACTORY.make(shape.n(), shape.k()) : R064Store.FACTORY.make(shape.k(), shape.n());
        R064Store target = R064Store.FACTORY.make(shape.m(), shape.n());
        for (int i = 0; i < left.data.length; i++) {
            left.data[i] = random.nextDouble() - 0.5;
        }
        for (int i = 0; i < right.data.length; i++) {
            right.data[i] = random.nextDouble() < shape.rightDensity() ? random.nextDouble() - 0.5 : 0.0;
        }
        MatrixProduct product = kernel.bind(target, left, tl, right, tr);
        double flops = 2.0 * shape.m() * shape.k() * shape.n();
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < seconds * 0.5e9) {
            product.compute();
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            long reps = 0;
            long elapsed;
            do {
                product.compute();
                reps++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < seconds * 0.1e9);
            best = Math.max(best, flops * reps / elapsed);
        }
        return best;
    }
}
