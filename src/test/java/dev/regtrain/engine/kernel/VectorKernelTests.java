package dev.regtrain.engine.kernel;

import dev.regtrain.engine.Fixtures;
import dev.regtrain.engine.ShuffledRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
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
import org.ojalgo.matrix.store.R064Store;

/** The vector kernel against a naive triple loop, for every layout the engine binds and every kind of edge. */
class VectorKernelTests {

    enum Layout {
        NN(false, false), TN(true, false), NT(false, true);

        final boolean transposeLeft;
        final boolean transposeRight;

        Layout(boolean transposeLeft, boolean transposeRight) {
            this.transposeLeft = transposeLeft;
            this.transposeRight = transposeRight;
        }
    }

    /** Operands, a target filled with garbage, and the product bound once, as the trainer binds it. */
    static final class Bound {
        final Layout layout;
        final int m;
        final int k;
        final int n;
        final R064Store left;
        final R064Store right;
        final R064Store target;
        final MatrixProduct product;

        Bound(Layout layout, int m, int k, int n, MatrixKernel kernel) {
            this.layout = layout;
            this.m = m;
            this.k = k;
            this.n = n;
            left = layout.transposeLeft ? R064Store.FACTORY.make(k, m) : R064Store.FACTORY.make(m, k);
            right = layout.transposeRight ? R064Store.FACTORY.make(n, k) : R064Store.FACTORY.make(k, n);
            target = R064Store.FACTORY.make(m, n);
            Arrays.fill(target.data, Double.NaN);
            product = kernel.bind(target, left, layout.transposeLeft, right, layout.transposeRight);
        }

        void randomise(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            for (double[] data : List.of(left.data, right.data)) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = random.nextDouble(-1, 1) * Math.exp(random.nextDouble(-3, 3));
                }
            }
        }

        /** Keeps about {@code density} of B's entries and zeroes the rest, a quarter of them as −0. */
        void sparsifyRight(long seed, double density) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] data = right.data;
            for (int i = 0; i < data.length; i++) {
                if (random.nextDouble() >= density) {
                    data[i] = random.nextInt(4) == 0 ? -0.0 : 0.0;
                }
            }
        }

        /**
         * Zeroes about {@code share} of the stored left operand's columns (NN: A's columns, the depth; TN: Aᵀ's rows),
         * some as −0; returns how many columns keep a non-zero.
         */
        int zeroLeftColumns(long seed, double share) {
            SplittableRandom random = new SplittableRandom(seed);
            int rows = left.getRowDim();
            int live = 0;
            for (int column = 0; column < left.getColDim(); column++) {
                if (random.nextDouble() < share) {
                    for (int i = 0; i < rows; i++) {
                        left.data[i + column * rows] = random.nextInt(3) == 0 ? -0.0 : 0.0;
                    }
                } else {
                    live++;
                }
            }
            return live;
        }

        int lastLiveRows() {
            return ((VectorProduct) product).lastLiveRows();
        }

        int lastDepth() {
            return ((VectorProduct) product).lastDepth();
        }

        boolean tookSparsePath() {
            return ((VectorProduct) product).tookSparsePath();
        }

        double a(int i, int p) {
            return layout.transposeLeft ? left.data[p + i * k] : left.data[i + p * m];
        }

        double b(int p, int j) {
            return layout.transposeRight ? right.data[j + p * n] : right.data[p + j * k];
        }

        /** The textbook triple loop, plain multiply and add. */
        double[] naive() {
            double[] c = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += a(i, p) * b(p, j);
                    }
                    c[i + j * m] = sum;
                }
            }
            return c;
        }

        /** The kernel's documented order: one chain c = fma(a_p, b_p, c) over p = 0..k−1 per element. */
        double[] fmaChain() {
            double[] c = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(a(i, p), b(p, j), sum);
                    }
                    c[i + j * m] = sum;
                }
            }
            return c;
        }
    }

    /** Both tile widths, the one this JVM uses and the other: every test below runs with each. */
    static final List<Integer> TILE_WIDTHS = List.of(VectorMicroKernel.WIDE, VectorMicroKernel.NARROW);

    static Stream<Arguments> layoutsAndTileWidths() {
        return Stream.of(Layout.values()).flatMap(layout -> TILE_WIDTHS.stream()
                .map(width -> Arguments.of(layout, width)));
    }

    @Test
    void theSixColumnTileIsPreferredOnlyBeforeJdk21WithVectorsNarrowerThan512Bits() {
        assertThat(VectorMicroKernel.preferredColumns(17, 256)).isEqualTo(VectorMicroKernel.WIDE);
        assertThat(VectorMicroKernel.preferredColumns(20, 128)).isEqualTo(VectorMicroKernel.WIDE);
        assertThat(VectorMicroKernel.preferredColumns(17, 512)).isEqualTo(VectorMicroKernel.NARROW);
        assertThat(VectorMicroKernel.preferredColumns(21, 256)).isEqualTo(VectorMicroKernel.NARROW);
        assertThat(VectorMicroKernel.preferredColumns(25, 512)).isEqualTo(VectorMicroKernel.NARROW);
        assertThat(VectorMicroKernel.PREFERRED_COLUMNS).isEqualTo(VectorMicroKernel.preferredColumns(
                Runtime.version().feature(), VectorMicroKernel.SPECIES.vectorBitSize()));
    }

    private static MatrixKernel kernel(int tileColumns) {
        return VectorKernel.INSTANCE.withTileColumns(tileColumns);
    }

    /** 1, small odd sizes, and one below, at and above multiples of the vector length and of the tile's sizes. */
    static List<Integer> edgeSizes(int nr) {
        int v = VectorMicroKernel.V;
        int mr = VectorMicroKernel.MR;
        TreeSet<Integer> sizes = new TreeSet<>(List.of(1, 2, 3, 5, 7));
        for (int base : List.of(v, 2 * v, mr, 2 * mr, nr, 2 * nr, 3 * nr)) {
            sizes.addAll(List.of(base - 1, base, base + 1));
        }
        sizes.remove(0);
        return new ArrayList<>(sizes);
    }

    static Stream<Arguments> r1Shapes() {
        // The products of an R1 mini-batch (batch 128, 784-256-128-10), its ragged last batch of 96, and a 512-row
        // chunk as the evaluator binds it.
        List<Arguments> all = new ArrayList<>();
        for (int batch : new int[] {128, 96}) {
            all.add(Arguments.of(Layout.NN, batch, 784, 256));
            all.add(Arguments.of(Layout.NN, batch, 256, 128));
            all.add(Arguments.of(Layout.NN, batch, 128, 10));
            all.add(Arguments.of(Layout.TN, 784, batch, 256));
            all.add(Arguments.of(Layout.TN, 256, batch, 128));
            all.add(Arguments.of(Layout.TN, 128, batch, 10));
            all.add(Arguments.of(Layout.NT, batch, 10, 128));
            all.add(Arguments.of(Layout.NT, batch, 128, 256));
        }
        all.add(Arguments.of(Layout.NN, 512, 784, 256));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, tiles {1} wide")
    @MethodSource("layoutsAndTileWidths")
    void everyEdgeShapeMatchesTheNaiveProductAndIsBitIdenticalOnTheSecondCall(Layout layout, int tileColumns) {
        List<Integer> sizes = edgeSizes(tileColumns);
        MatrixKernel kernel = kernel(tileColumns);
        int checked = 0;
        for (int m : sizes) {
            for (int k : sizes) {
                for (int n : sizes) {
                    Bound bound = new Bound(layout, m, k, n, kernel);
                    bound.randomise(31L * m + 17L * k + n);
                    bound.product.compute();
                    double[] first = bound.target.data.clone();
                    bound.product.compute();

                    String shape = layout + " " + m + "x" + k + "x" + n;
                    assertThat(Fixtures.relativeError(first, bound.naive())).as(shape).isLessThan(1e-12);
                    assertThat(first).as(shape).isEqualTo(bound.fmaChain());
                    assertThat(bound.target.data).as(shape + ", second call").isEqualTo(first);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("r1Shapes")
    void r1ShapesMatchTheNaiveProductAndAreBitIdenticalOnTheSecondCall(Layout layout, int m, int k, int n) {
        Bound bound = new Bound(layout, m, k, n, VectorKernel.INSTANCE);
        bound.randomise(5);
        bound.product.compute();
        double[] first = bound.target.data.clone();
        bound.product.compute();

        assertThat(Fixtures.relativeError(first, bound.naive())).isLessThan(1e-12);
        assertThat(bound.target.data).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}, tiles {1} wide")
    @MethodSource("layoutsAndTileWidths")
    void productsSplitIntoDepthAndRowBlocksKeepEveryElementsSingleChain(Layout layout, int tileColumns) {
        // depth 2·256 + 5 makes three depth blocks (173, 172, 172), which at most 32768 / (MR·173) row panels each
        // then split 267 ragged rows into two row blocks; 19 columns leave a ragged last column panel
        int k = 2 * BlockedMultiply.DEPTH_BLOCK + 5;
        int m = 267;
        int n = 3 * tileColumns + 1;
        int panelsPerBlock = BlockedMultiply.A_BLOCK_DOUBLES / (VectorMicroKernel.MR * ((k + 2) / 3));
        assertThat((m + VectorMicroKernel.MR - 1) / VectorMicroKernel.MR).isGreaterThan(panelsPerBlock);

        Bound bound = new Bound(layout, m, k, n, kernel(tileColumns));
        bound.randomise(11);
        bound.product.compute();

        assertThat(bound.target.data).isEqualTo(bound.fmaChain());
        assertThat(Fixtures.relativeError(bound.target.data, bound.naive())).isLessThan(1e-12);
    }

    @ParameterizedTest(name = "{0}, tiles {1} wide")
    @MethodSource("layoutsAndTileWidths")
    void aBoundProductSeesNewOperandValuesOnEveryCall(Layout layout, int tileColumns) {
        int mr = VectorMicroKernel.MR;
        Bound bound = new Bound(layout, 2 * mr + 3, 13, tileColumns + 4, kernel(tileColumns));
        for (long seed = 1; seed <= 3; seed++) {
            bound.randomise(seed);
            bound.product.compute();
            assertThat(bound.target.data).as("values of seed %d", seed).isEqualTo(bound.fmaChain());
        }
    }

    @ParameterizedTest(name = "{0}, tiles {1} wide")
    @MethodSource("layoutsAndTileWidths")
    void aParallelKernelGivesBitIdenticalResultsWhateverTheOrderAndThreadOfItsParts(Layout layout, int tileColumns) {
        try (ShuffledRunner two = new ShuffledRunner(2); ShuffledRunner three = new ShuffledRunner(3)) {
            MatrixKernel parallelTwo = VectorKernel.parallel(two).withTileColumns(tileColumns);
            MatrixKernel parallelThree = VectorKernel.parallel(three).withTileColumns(tileColumns);
            List<int[]> shapes = new ArrayList<>(List.of(new int[] {128, 784, 256}, new int[] {96, 128, 10},
                    new int[] {784, 128, 256}, new int[] {128, 10, 128}, new int[] {201, 67, 133}));
            for (int size : List.of(1, VectorMicroKernel.MR + 1, 3 * tileColumns - 1, 97)) {
                shapes.add(new int[] {size, size + 2, size});
            }
            for (int[] shape : shapes) {
                Bound sequential = new Bound(layout, shape[0], shape[1], shape[2], VectorKernel.INSTANCE);
                Bound otherWidth = new Bound(layout, shape[0], shape[1], shape[2],
                        kernel(VectorMicroKernel.WIDE + VectorMicroKernel.NARROW - tileColumns));
                Bound twoParts = new Bound(layout, shape[0], shape[1], shape[2], parallelTwo);
                Bound threeParts = new Bound(layout, shape[0], shape[1], shape[2], parallelThree);
                for (Bound bound : List.of(sequential, otherWidth, twoParts, threeParts)) {
                    bound.randomise(77);
                    bound.product.compute();
                }
                String name = layout + " " + shape[0] + "x" + shape[1] + "x" + shape[2];
                assertThat(twoParts.target.data).as(name).isEqualTo(sequential.target.data);
                assertThat(threeParts.target.data).as(name).isEqualTo(sequential.target.data);
                assertThat(otherWidth.target.data).as(name + ", the other tile width").isEqualTo(sequential.target.data);
            }
            assertThat(two.runs).as("large products were split").isGreaterThan(0);
            assertThat(parallelTwo.name()).isEqualTo("vector-2t");
        }
    }

    static Stream<Arguments> sparseDensities() {
        return Stream.of(0.0, 0.02, 0.3, 1.0).map(Arguments::of);
    }

    @ParameterizedTest(name = "B {0} non-zero")
    @MethodSource("sparseDensities")
    void theSparsePathOfATnProductGivesTheDenseTilesBitsForEveryEdgeShape(double density) {
        int group = VectorSparseColumns.GROUP;
        int depthBlock = VectorSparseProduct.SPARSE_DEPTH_BLOCK;
        MatrixKernel always = VectorKernel.INSTANCE.withSparsity(Sparsity.ALWAYS);
        MatrixKernel never = VectorKernel.INSTANCE.withSparsity(Sparsity.NEVER);
        int checked = 0;
        for (int m : List.of(1, 7, group - 1, group, group + 1, 2 * group + 3)) {
            for (int k : List.of(1, 5, depthBlock - 1, depthBlock, depthBlock + 1, 2 * depthBlock + 5)) {
                for (int n : List.of(1, 3, 7)) {
                    Bound sparse = new Bound(Layout.TN, m, k, n, always);
                    Bound dense = new Bound(Layout.TN, m, k, n, never);
                    for (Bound bound : List.of(sparse, dense)) {
                        bound.randomise(13L * m + 7L * k + n);
                        bound.sparsifyRight(k, density);
                        bound.product.compute();
                    }
                    String shape = m + "x" + k + "x" + n;
                    assertThat(sparse.tookSparsePath()).as(shape).isTrue();
                    assertThat(dense.tookSparsePath()).as(shape).isFalse();
                    assertThat(sparse.target.data).as(shape).isEqualTo(dense.target.data)
                            .isEqualTo(sparse.fmaChain());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(108);
    }

    @Test
    void theDefaultPolicyTakesTheSparsePathForTnProductsWithAtMostHalfOfBNonZeroAndEnoughRows() {
        int group = VectorSparseColumns.GROUP;
        record Case(Layout layout, int m, double density, boolean sparse) {
        }
        List<Case> cases = List.of(new Case(Layout.TN, 784, 0.02, true), new Case(Layout.TN, 256, 0.3, true),
                new Case(Layout.TN, 784, 0.7, false), new Case(Layout.TN, 784, 1.0, false),
                new Case(Layout.TN, group - 1, 0.02, false), new Case(Layout.TN, group, 0.02, true),
                new Case(Layout.NN, 784, 0.02, false), new Case(Layout.NT, 784, 0.02, false));
        for (Case c : cases) {
            Bound bound = new Bound(c.layout(), c.m(), 128, 19, VectorKernel.INSTANCE);
            bound.randomise(3);
            bound.sparsifyRight(4, c.density());
            bound.product.compute();
            assertThat(bound.tookSparsePath()).as(c.toString()).isEqualTo(c.sparse());
            assertThat(bound.target.data).as(c.toString()).isEqualTo(bound.fmaChain());
        }
    }

    @Test
    void aBoundProductSwitchesBetweenTheSparseAndTheDensePathAsItsRightOperandChanges() {
        Bound bound = new Bound(Layout.TN, 75, 300, 14, VectorKernel.INSTANCE);
        boolean[] expected = {true, false, true, true};
        double[] densities = {0.1, 0.9, 0.0, 0.4};
        for (int call = 0; call < densities.length; call++) {
            bound.randomise(call);
            bound.sparsifyRight(100 + call, densities[call]);
            bound.product.compute();
            assertThat(bound.tookSparsePath()).as("call %d", call).isEqualTo(expected[call]);
            assertThat(bound.target.data).as("call %d", call).isEqualTo(bound.fmaChain());
        }
    }

    @Test
    void theSparsePathSplitAmongThreadsGivesTheSequentialBits() {
        try (ShuffledRunner two = new ShuffledRunner(2); ShuffledRunner three = new ShuffledRunner(3)) {
            List<MatrixKernel> kernels = List.of(VectorKernel.parallel(two), VectorKernel.parallel(three),
                    VectorKernel.parallel(three).withSparsity(Sparsity.ALWAYS));
            for (int[] shape : List.of(new int[] {784, 128, 256}, new int[] {256, 96, 128}, new int[] {201, 300, 133})) {
                for (double density : List.of(0.02, 0.25)) {
                    Bound dense = new Bound(Layout.TN, shape[0], shape[1], shape[2],
                            VectorKernel.INSTANCE.withSparsity(Sparsity.NEVER));
                    dense.randomise(5);
                    dense.sparsifyRight(6, density);
                    dense.product.compute();
                    for (MatrixKernel kernel : kernels) {
                        Bound split = new Bound(Layout.TN, shape[0], shape[1], shape[2], kernel);
                        split.randomise(5);
                        split.sparsifyRight(6, density);
                        split.product.compute();
                        String name = kernel.name() + " " + shape[0] + "x" + shape[1] + "x" + shape[2] + " at "
                                + density;
                        assertThat(split.tookSparsePath()).as(name).isTrue();
                        assertThat(split.target.data).as(name).isEqualTo(dense.target.data);
                    }
                }
            }
            assertThat(three.runs).as("large products were split").isGreaterThan(0);
        }
    }

    @Test
    void anNnProductSkipsTheColumnsOfZerosOfItsLeftOperandWithTheSameBits() {
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            List<MatrixKernel> kernels = new ArrayList<>(List.of(VectorKernel.parallel(three)));
            TILE_WIDTHS.forEach(width -> kernels.add(kernel(width)));
            List<int[]> shapes = List.of(new int[] {128, 256, 128}, new int[] {37, 600, 19}, new int[] {9, 7, 5},
                    new int[] {1, 1, 1}, new int[] {128, 784, 256});
            for (MatrixKernel kernel : kernels) {
                for (int[] shape : shapes) {
                    for (double share : List.of(0.0, 0.5, 0.9, 1.0)) {
                        Bound bound = new Bound(Layout.NN, shape[0], shape[1], shape[2], kernel);
                        bound.randomise(shape[1]);
                        int live = bound.zeroLeftColumns(shape[0], share);
                        bound.product.compute();
                        String name = kernel.name() + " " + shape[0] + "x" + shape[1] + "x" + shape[2] + ", "
                                + live + " live columns";
                        assertThat(bound.lastDepth()).as(name).isEqualTo(live);
                        assertThat(bound.target.data).as(name).isEqualTo(bound.fmaChain());
                    }
                }
            }
            assertThat(three.runs).as("large products were split").isGreaterThan(0);
        }
    }

    @Test
    void theDenseKernelSkipsNoZerosAndGivesTheSameBits() {
        try (ShuffledRunner two = new ShuffledRunner(2)) {
            VectorKernel dense = VectorKernel.parallel(two).dense();
            assertThat(dense.name()).isEqualTo("vector-dense-2t");
            assertThat(VectorKernel.INSTANCE.dense().name()).isEqualTo("vector-dense");
            Bound forward = new Bound(Layout.NN, 128, 256, 128, dense);
            forward.randomise(1);
            forward.zeroLeftColumns(2, 0.9);
            forward.product.compute();
            Bound gradient = new Bound(Layout.TN, 256, 128, 128, dense);
            gradient.randomise(3);
            gradient.sparsifyRight(4, 0.02);
            gradient.product.compute();

            assertThat(forward.lastDepth()).isEqualTo(256);
            assertThat(forward.target.data).isEqualTo(forward.fmaChain());
            assertThat(gradient.tookSparsePath()).isFalse();
            assertThat(gradient.target.data).isEqualTo(gradient.fmaChain());
        }
    }

    @Test
    void theSparsePathSkipsTheRowsOfZerosOfOpAWithTheSameBits() {
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            List<MatrixKernel> kernels = List.of(VectorKernel.INSTANCE, VectorKernel.parallel(three),
                    VectorKernel.INSTANCE.withSparsity(Sparsity.ALWAYS));
            List<int[]> shapes = List.of(new int[] {784, 128, 256}, new int[] {256, 300, 128}, new int[] {37, 5, 19},
                    new int[] {1, 3, 2});
            for (MatrixKernel kernel : kernels) {
                for (int[] shape : shapes) {
                    for (double share : List.of(0.0, 0.5, 0.9, 1.0)) {
                        Bound bound = new Bound(Layout.TN, shape[0], shape[1], shape[2], kernel);
                        bound.randomise(shape[0]);
                        int live = bound.zeroLeftColumns(shape[1], share);
                        bound.sparsifyRight(shape[2], 0.2);
                        bound.product.compute();
                        String name = kernel.name() + " " + shape[0] + "x" + shape[1] + "x" + shape[2] + ", "
                                + live + " live rows";
                        if (bound.tookSparsePath()) {
                            assertThat(bound.lastLiveRows()).as(name).isEqualTo(live);
                        }
                        assertThat(bound.target.data).as(name).isEqualTo(bound.fmaChain());
                    }
                }
            }
            assertThat(three.runs).as("large products were split").isGreaterThan(0);
        }
    }

    @Test
    void anNtProductComputesTheColumnsAskedForAndZerosTheOthers() {
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            List<MatrixKernel> kernels = new ArrayList<>(List.of(VectorKernel.parallel(three)));
            TILE_WIDTHS.forEach(width -> kernels.add(kernel(width)));
            List<int[]> shapes = List.of(new int[] {128, 128, 256}, new int[] {37, 600, 19}, new int[] {9, 7, 5},
                    new int[] {1, 1, 1});
            for (MatrixKernel kernel : kernels) {
                for (int[] shape : shapes) {
                    int n = shape[2];
                    for (double share : List.of(0.0, 0.1, 0.5, 0.9, 1.0)) {
                        Bound bound = new Bound(Layout.NT, shape[0], shape[1], n, kernel);
                        bound.randomise(n);
                        SplittableRandom random = new SplittableRandom(shape[0]);
                        int[] columns = new int[n + 3]; // longer than needed, as the workspace's may be
                        int count = 0;
                        for (int j = 0; j < n; j++) {
                            if (random.nextDouble() < share) {
                                columns[count++] = j;
                            }
                        }
                        assertThat(bound.product.computesChosenColumns()).isTrue();
                        bound.product.computeColumns(columns, count);

                        double[] expected = bound.fmaChain();
                        boolean[] asked = new boolean[n];
                        for (int q = 0; q < count; q++) {
                            asked[columns[q]] = true;
                        }
                        for (int j = 0; j < n; j++) {
                            if (!asked[j] && count < n) {
                                Arrays.fill(expected, j * shape[0], (j + 1) * shape[0], 0.0);
                            }
                        }
                        String name = kernel.name() + " " + shape[0] + "x" + shape[1] + "x" + n + ", " + count
                                + " columns";
                        assertThat(bound.target.data).as(name).isEqualTo(expected);
                    }
                }
            }
            assertThat(three.runs).as("large products were split").isGreaterThan(0);
        }
    }

    @Test
    void everyOtherProductAndTheDenseKernelComputeEveryColumn() {
        int[] columns = {1, 4};
        for (Layout layout : Layout.values()) {
            for (MatrixKernel kernel : List.of(VectorKernel.INSTANCE, VectorKernel.INSTANCE.dense(),
                    OjalgoKernel.INSTANCE)) {
                if (layout == Layout.NT && kernel == VectorKernel.INSTANCE) {
                    continue; // the one that computes only the columns asked for, above
                }
                Bound bound = new Bound(layout, 40, 30, 7, kernel);
                bound.randomise(8);
                assertThat(bound.product.computesChosenColumns()).as(layout + " " + kernel.name()).isFalse();
                bound.product.computeColumns(columns, columns.length);
                assertThat(Fixtures.relativeError(bound.target.data, bound.naive())).as(layout + " " + kernel.name())
                        .isLessThan(1e-12);
            }
        }
    }

    @Test
    void anNnProductFollowsItsLiveColumnsFromCallToCall() {
        Bound bound = new Bound(Layout.NN, 70, 530, 13, VectorKernel.INSTANCE);
        double[] shares = {0.6, 0.0, 1.0, 0.3, 0.95};
        for (int call = 0; call < shares.length; call++) {
            bound.randomise(call);
            int live = bound.zeroLeftColumns(call + 40, shares[call]);
            bound.product.compute();
            assertThat(bound.lastDepth()).as("call %d", call).isEqualTo(live);
            assertThat(bound.target.data).as("call %d", call).isEqualTo(bound.fmaChain());
        }
    }

    @Test
    void agreesWithTheOjalgoKernel() {
        for (Layout layout : Layout.values()) {
            Bound vector = new Bound(layout, 37, 45, 29, VectorKernel.INSTANCE);
            Bound ojalgo = new Bound(layout, 37, 45, 29, OjalgoKernel.INSTANCE);
            vector.randomise(9);
            ojalgo.randomise(9);
            vector.product.compute();
            ojalgo.product.compute();
            assertThat(Fixtures.relativeError(vector.target.data, ojalgo.target.data)).as(layout.name())
                    .isLessThan(1e-12);
        }
    }

    @Test
    void rejectsBothOperandsTransposedMismatchedShapesAndATargetThatIsAnOperand() {
        R064Store square = R064Store.FACTORY.make(4, 4);
        R064Store other = R064Store.FACTORY.make(4, 4);
        R064Store target = R064Store.FACTORY.make(4, 4);

        assertThatThrownBy(() -> VectorKernel.INSTANCE.bind(target, square, true, other, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TT");
        assertThatThrownBy(() -> VectorKernel.INSTANCE.bind(R064Store.FACTORY.make(4, 3), square, false, other, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape mismatch");
        assertThatThrownBy(() -> VectorKernel.INSTANCE.bind(square, square, false, other, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operand");
        assertThatThrownBy(() -> VectorKernel.INSTANCE.withTileColumns(5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 5");
    }
}
