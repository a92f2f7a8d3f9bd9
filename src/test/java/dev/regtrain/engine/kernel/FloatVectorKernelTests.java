package dev.regtrain.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.ShuffledRunner;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import dev.regtrain.engine.kernel.VectorKernelTests.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ojalgo.matrix.store.R032Store;

/**
 * The vector kernel in single precision ({@link FloatMicroKernel}, {@link FloatPacking}, {@link FloatSparseColumns})
 * against a float chain of fused multiply-adds and a naive product in double, for every layout, edge shape, path and
 * split, as {@link VectorKernelTests} holds the double kernel.
 */
class FloatVectorKernelTests {

    /** Float operands, a target filled with NaN, and the product bound once. */
    private static final class Bound {
        final Layout layout;
        final int m;
        final int k;
        final int n;
        final R032Store left;
        final R032Store right;
        final R032Store target;
        final MatrixProduct product;

        Bound(Layout layout, int m, int k, int n, MatrixKernel kernel) {
            this.layout = layout;
            this.m = m;
            this.k = k;
            this.n = n;
            left = layout.transposeLeft ? R032Store.FACTORY.make(k, m) : R032Store.FACTORY.make(m, k);
            right = layout.transposeRight ? R032Store.FACTORY.make(n, k) : R032Store.FACTORY.make(k, n);
            target = R032Store.FACTORY.make(m, n);
            Arrays.fill(target.data, Float.NaN);
            product = kernel.bind(target, left, layout.transposeLeft, right, layout.transposeRight);
        }

        void randomise(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            for (float[] data : List.of(left.data, right.data)) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextDouble(-1, 1) * Math.exp(random.nextDouble(-3, 3)));
                }
            }
        }

        void sparsifyRight(long seed, double density) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < right.data.length; i++) {
                if (random.nextDouble() >= density) {
                    right.data[i] = random.nextInt(4) == 0 ? -0.0f : 0.0f;
                }
            }
        }

        int zeroLeftColumns(long seed, double share) {
            SplittableRandom random = new SplittableRandom(seed);
            int rows = left.getRowDim();
            int live = 0;
            for (int column = 0; column < left.getColDim(); column++) {
                if (random.nextDouble() < share) {
                    Arrays.fill(left.data, column * rows, (column + 1) * rows, 0.0f);
                } else {
                    live++;
                }
            }
            return live;
        }

        float a(int i, int p) {
            return layout.transposeLeft ? left.data[p + i * k] : left.data[i + p * m];
        }

        float b(int p, int j) {
            return layout.transposeRight ? right.data[j + p * n] : right.data[p + j * k];
        }

        /** The kernel's documented order in float: one chain c = fma(a_p, b_p, c) per element. */
        float[] fmaChain() {
            float[] c = new float[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(a(i, p), b(p, j), sum);
                    }
                    c[i + j * m] = sum;
                }
            }
            return c;
        }

        /** The product in double: the float result is within float rounding of it. */
        double relativeErrorToDouble() {
            double difference = 0;
            double norm = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += (double) a(i, p) * b(p, j);
                    }
                    double d = target.data[i + j * m] - sum;
                    difference += d * d;
                    norm += sum * sum;
                }
            }
            return norm == 0 ? Math.sqrt(difference) : Math.sqrt(difference / norm);
        }

        @SuppressWarnings("rawtypes")
        VectorProduct vector() {
            return (VectorProduct) product;
        }
    }

    static Stream<Arguments> layoutsAndTileWidths() {
        return VectorKernelTests.layoutsAndTileWidths();
    }

    /** Sizes around the float tile (16 rows with AVX2), its vectors and the tile widths. */
    static List<Integer> edgeSizes(int nr) {
        int v = FloatMicroKernel.V;
        int mr = FloatMicroKernel.MR;
        TreeSet<Integer> sizes = new TreeSet<>(List.of(1, 2, 3, 5));
        for (int base : List.of(v, mr, 2 * mr, nr, 2 * nr)) {
            sizes.addAll(List.of(base - 1, base, base + 1));
        }
        sizes.remove(0);
        return new ArrayList<>(sizes);
    }

    @ParameterizedTest(name = "{0}, tiles {1} wide")
    @MethodSource("layoutsAndTileWidths")
    void everyEdgeShapeIsTheFloatChainOfFusedMultiplyAddsAndNearTheDoubleProduct(Layout layout, int tileColumns) {
        MatrixKernel kernel = VectorKernel.INSTANCE.withTileColumns(tileColumns);
        List<Integer> sizes = edgeSizes(tileColumns);
        int checked = 0;
        for (int m : sizes) {
            for (int k : sizes) {
                for (int n : sizes) {
                    Bound bound = new Bound(layout, m, k, n, kernel);
                    bound.randomise(31L * m + 17L * k + n);
                    bound.product.compute();
                    float[] first = bound.target.data.clone();
                    bound.product.compute();
                    String shape = layout + " " + m + "x" + k + "x" + n;
                    assertThat(first).as(shape).isEqualTo(bound.fmaChain());
                    assertThat(bound.target.data).as(shape + ", second call").isEqualTo(first);
                    assertThat(bound.relativeErrorToDouble()).as(shape).isLessThan(1e-5);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @ParameterizedTest(name = "{0}, tiles {1} wide")
    @MethodSource("layoutsAndTileWidths")
    void depthAndRowBlocksAndAParallelSplitKeepEverySingleChain(Layout layout, int tileColumns) {
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            int k = 2 * BlockedMultiply.DEPTH_BLOCK + 5;
            for (MatrixKernel kernel : List.of(VectorKernel.INSTANCE.withTileColumns(tileColumns),
                    VectorKernel.parallel(three).withTileColumns(tileColumns))) {
                Bound bound = new Bound(layout, 267, k, 3 * tileColumns + 1, kernel);
                bound.randomise(11);
                bound.product.compute();
                assertThat(bound.target.data).as(kernel.name()).isEqualTo(bound.fmaChain());
            }
            assertThat(three.runs).isGreaterThan(0);
        }
    }

    @Test
    void theSparsePathGivesTheDenseTilesBitsForEdgeShapesDensitiesAndSplits() {
        int group = FloatSparseColumns.GROUP;
        int depthBlock = VectorSparseProduct.SPARSE_DEPTH_BLOCK;
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            MatrixKernel always = VectorKernel.INSTANCE.withSparsity(Sparsity.ALWAYS);
            MatrixKernel alwaysSplit = VectorKernel.parallel(three).withSparsity(Sparsity.ALWAYS);
            for (double density : List.of(0.0, 0.02, 0.3, 1.0)) {
                for (int m : List.of(1, group - 1, group, group + 1, 2 * group + 3)) {
                    for (int k : List.of(1, depthBlock - 1, depthBlock + 1, 2 * depthBlock + 5)) {
                        for (int n : List.of(1, 7)) {
                            for (MatrixKernel kernel : List.of(always, alwaysSplit)) {
                                Bound sparse = new Bound(Layout.TN, m, k, n, kernel);
                                sparse.randomise(13L * m + 7L * k + n);
                                sparse.zeroLeftColumns(m, 0.3);
                                sparse.sparsifyRight(k, density);
                                sparse.product.compute();
                                String shape = kernel.name() + " " + m + "x" + k + "x" + n + " at " + density;
                                assertThat(sparse.vector().tookSparsePath()).as(shape).isTrue();
                                assertThat(sparse.target.data).as(shape).isEqualTo(sparse.fmaChain());
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void nnProductsSkipTheirLeftOperandsZeroColumnsAndNtProductsComputeTheColumnsAskedFor() {
        Bound forward = new Bound(Layout.NN, 37, 600, 19, VectorKernel.INSTANCE);
        forward.randomise(3);
        int live = forward.zeroLeftColumns(4, 0.9);
        forward.product.compute();
        assertThat(forward.vector().lastDepth()).isEqualTo(live);
        assertThat(forward.target.data).isEqualTo(forward.fmaChain());

        Bound backward = new Bound(Layout.NT, 40, 30, 21, VectorKernel.INSTANCE);
        backward.randomise(5);
        int[] columns = {0, 3, 4, 17, 20};
        backward.product.computeColumns(columns, columns.length);
        float[] expected = backward.fmaChain();
        for (int j = 0; j < 21; j++) {
            if (Arrays.binarySearch(columns, j) < 0) {
                Arrays.fill(expected, j * 40, (j + 1) * 40, 0.0f);
            }
        }
        assertThat(backward.target.data).isEqualTo(expected);
    }

    @Test
    void agreesWithTheOjalgoKernelsSinglePrecisionProduct() {
        for (Layout layout : Layout.values()) {
            Bound vector = new Bound(layout, 37, 45, 29, VectorKernel.INSTANCE);
            Bound ojalgo = new Bound(layout, 37, 45, 29, OjalgoKernel.INSTANCE);
            vector.randomise(9);
            ojalgo.randomise(9);
            vector.product.compute();
            ojalgo.product.compute();
            assertThat(vector.relativeErrorToDouble()).as(layout.name()).isLessThan(1e-5);
            assertThat(ojalgo.relativeErrorToDouble()).as(layout.name()).isLessThan(1e-5);
        }
    }
}
