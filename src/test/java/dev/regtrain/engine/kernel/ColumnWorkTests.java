package dev.regtrain.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.ShuffledRunner;
import dev.regtrain.engine.kernel.VectorKernelTests.Bound;
import dev.regtrain.engine.kernel.VectorKernelTests.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Column work handed to a product ({@code computeThen}, {@code computeColumnsThen}): every column of the target in
 * exactly one range, each range run only once its columns hold their final values, whatever the layout, the path
 * (dense, sparse, live columns) and the number of parts.
 */
class ColumnWorkTests {

    /** Columns [from, to) as handed over, and what they held at that moment. */
    private record HandedOver(int from, int to, double[] seen) {
    }

    /** The ranges a product handed over, with what its columns held at that moment. */
    private static final class Recorder implements MatrixKernel.ColumnWork {
        final Bound bound;
        final List<HandedOver> ranges = Collections.synchronizedList(new ArrayList<>());

        Recorder(Bound bound) {
            this.bound = bound;
        }

        @Override
        public void apply(int fromColumn, int toColumn) {
            ranges.add(new HandedOver(fromColumn, toColumn,
                    Arrays.copyOfRange(bound.target.data, fromColumn * bound.m, toColumn * bound.m)));
        }

        /** Asserts that the ranges partition [0, n) and that each saw its columns as they are now, final. */
        void assertCoversOnceWithFinalValues(String name) {
            int[] times = new int[bound.n];
            for (HandedOver range : ranges) {
                assertThat(range.from()).as(name).isLessThanOrEqualTo(range.to());
                for (int j = range.from(); j < range.to(); j++) {
                    times[j]++;
                }
                double[] now = Arrays.copyOfRange(bound.target.data, range.from() * bound.m, range.to() * bound.m);
                assertThat(range.seen()).as(name + ", columns " + range.from() + ".." + range.to()).isEqualTo(now);
            }
            int[] once = new int[bound.n];
            Arrays.fill(once, 1);
            assertThat(times).as(name + ": how often each column was handed over").isEqualTo(once);
        }
    }

    @Test
    void everyLayoutHandsOverEveryColumnOnceAfterItsFinalValue() {
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            List<MatrixKernel> kernels = List.of(VectorKernel.parallel(three), VectorKernel.INSTANCE,
                    VectorKernel.parallel(three).dense());
            List<int[]> shapes = List.of(new int[] {128, 784, 256}, new int[] {256, 128, 128}, new int[] {37, 600, 19},
                    new int[] {9, 7, 5}, new int[] {1, 1, 1});
            for (MatrixKernel kernel : kernels) {
                for (Layout layout : Layout.values()) {
                    for (int[] shape : shapes) {
                        for (double density : List.of(1.0, 0.1, 0.0)) {
                            Bound bound = new Bound(layout, shape[0], shape[1], shape[2], kernel);
                            bound.randomise(shape[1]);
                            bound.sparsifyRight(shape[2], density); // the sparse path of TN products
                            bound.zeroLeftColumns(shape[0], 1 - density); // the live columns of NN products
                            Recorder recorder = new Recorder(bound);
                            String name = kernel.name() + " " + layout + " " + Arrays.toString(shape) + " density "
                                    + density;

                            assertThat(bound.product.computeThen(recorder)).as(name).isTrue();

                            assertThat(bound.target.data).as(name).isEqualTo(bound.fmaChain());
                            recorder.assertCoversOnceWithFinalValues(name);
                        }
                    }
                }
            }
            assertThat(three.runs).as("large products were split").isGreaterThan(0);
        }
    }

    @Test
    void anNtProductWithChosenColumnsHandsOverTheOthersTooAsZeros() {
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            for (MatrixKernel kernel : List.of(VectorKernel.parallel(three), VectorKernel.INSTANCE)) {
                for (int[] shape : List.of(new int[] {128, 128, 256}, new int[] {37, 600, 19}, new int[] {9, 7, 5})) {
                    int n = shape[2];
                    for (double share : List.of(0.0, 0.3, 0.9, 1.0)) {
                        Bound bound = new Bound(Layout.NT, shape[0], shape[1], n, kernel);
                        bound.randomise(n);
                        SplittableRandom random = new SplittableRandom(n);
                        int[] columns = new int[n];
                        int count = 0;
                        for (int j = 0; j < n; j++) {
                            if (random.nextDouble() < share) {
                                columns[count++] = j;
                            }
                        }
                        Recorder recorder = new Recorder(bound);
                        String name = kernel.name() + " " + Arrays.toString(shape) + ", " + count + " columns";

                        assertThat(bound.product.computeColumnsThen(columns, count, recorder)).as(name).isTrue();

                        double[] expected = bound.fmaChain();
                        boolean[] asked = new boolean[n];
                        for (int q = 0; q < count; q++) {
                            asked[columns[q]] = true;
                        }
                        for (int j = 0; j < n; j++) {
                            if (!asked[j]) {
                                Arrays.fill(expected, j * shape[0], (j + 1) * shape[0], 0.0);
                            }
                        }
                        assertThat(bound.target.data).as(name).isEqualTo(expected);
                        recorder.assertCoversOnceWithFinalValues(name);
                    }
                }
            }
        }
    }

    @Test
    void aKernelThatCannotSaysSoAndLeavesTheTargetAlone() {
        for (Layout layout : Layout.values()) {
            Bound bound = new Bound(layout, 20, 10, 6, OjalgoKernel.INSTANCE);
            bound.randomise(3);
            Recorder recorder = new Recorder(bound);

            assertThat(bound.product.computeThen(recorder)).isFalse();
            assertThat(bound.product.computeColumnsThen(new int[] {1, 2}, 2, recorder)).isFalse();

            assertThat(bound.target.data).as("untouched: still the NaNs it was made with").containsOnly(Double.NaN);
            assertThat(recorder.ranges).isEmpty();
        }
    }
}
