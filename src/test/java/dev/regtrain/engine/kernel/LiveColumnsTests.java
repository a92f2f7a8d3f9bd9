package dev.regtrain.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.ShuffledRunner;
import dev.regtrain.engine.kernel.VectorKernelTests.Bound;
import dev.regtrain.engine.kernel.VectorKernelTests.Layout;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A list of live columns found once and read by the products (instead of each product scanning the same operand):
 * the list itself, that a product reading it gives the bits of one that finds the columns itself, that it really
 * reads it (a list that misses a live column changes the result), and which products read one at all.
 */
class LiveColumnsTests {

    @Test
    void collectListsTheMarkedColumnsInOrderAndOverwritesTheLastList() {
        LiveColumns live = new LiveColumns(6);
        for (int j : new int[] {4, 1, 5}) {
            live.mark(j, true);
        }
        live.collect();
        assertThat(live.count()).isEqualTo(3);
        assertThat(Arrays.copyOf(live.columns(), live.count())).containsExactly(1, 4, 5);
        assertThat(live.width()).isEqualTo(6);

        live.mark(4, false);
        live.mark(0, true);
        live.collect();
        assertThat(Arrays.copyOf(live.columns(), live.count())).containsExactly(0, 1, 5);

        for (int j = 0; j < 6; j++) {
            live.mark(j, false);
        }
        live.collect();
        assertThat(live.count()).isZero();
    }

    @Test
    void aProductReadingTheListGivesTheBitsOfOneThatFindsTheColumnsItself() {
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            for (MatrixKernel kernel : List.of(VectorKernel.INSTANCE, VectorKernel.parallel(three))) {
                for (Layout layout : List.of(Layout.NN, Layout.TN)) {
                    for (int[] shape : List.of(new int[] {128, 784, 256}, new int[] {256, 128, 128},
                            new int[] {37, 600, 19}, new int[] {9, 7, 5})) {
                        for (double deadShare : List.of(0.0, 0.4, 1.0)) {
                            String name = kernel.name() + " " + layout + " " + Arrays.toString(shape) + " dead "
                                    + deadShare;
                            Bound finds = bound(kernel, layout, shape, deadShare);
                            Bound reads = bound(kernel, layout, shape, deadShare);
                            LiveColumns live = listOf(reads);
                            // a TN product reads it on its sparse path, which op(A) of fewer rows than a group
                            // never takes (Sparsity.DEFAULT)
                            assertThat(reads.product.readLiveColumns(live)).as(name)
                                    .isEqualTo(layout == Layout.NN || shape[0] >= VectorSparseColumns.GROUP);

                            finds.product.compute();
                            reads.product.compute();

                            assertThat(reads.target.data).as(name).isEqualTo(finds.target.data);
                            assertThat(reads.target.data).as(name).isEqualTo(reads.fmaChain());
                        }
                    }
                }
            }
        }
    }

    @Test
    void aProductTrustsItsListInsteadOfScanning() {
        for (Layout layout : List.of(Layout.NN, Layout.TN)) {
            int[] shape = {128, 300, 64};
            Bound reads = bound(VectorKernel.INSTANCE, layout, shape, 0.3);
            LiveColumns live = new LiveColumns(reads.left.getColDim());
            int skipped = -1;
            for (int j = 0; j < live.width(); j++) {
                boolean holds = holdsNonZero(reads, j);
                if (holds && skipped < 0) {
                    skipped = j; // a live column the list leaves out
                    holds = false;
                }
                live.mark(j, holds);
            }
            live.collect();
            assertThat(reads.product.readLiveColumns(live)).as(layout.name()).isTrue();

            reads.product.compute();

            assertThat(reads.target.data).as(layout + ": the product used the list, not a scan of its own")
                    .isNotEqualTo(reads.fmaChain());
            for (int j = 0; j < reads.left.getRowDim(); j++) {
                reads.left.data[j + skipped * reads.left.getRowDim()] = 0; // now the list is right
            }
            reads.product.compute();
            assertThat(reads.target.data).as(layout.name()).isEqualTo(reads.fmaChain());
        }
    }

    @Test
    void onlyProductsThatSkipZerosOfTheirLeftOperandReadAList() {
        int[] shape = {64, 96, 32};
        assertThat(bound(VectorKernel.INSTANCE, Layout.NT, shape, 0).product.readLiveColumns(new LiveColumns(96)))
                .as("NT: its left operand is δ, whose columns it does not skip").isFalse();
        assertThat(bound(VectorKernel.INSTANCE.dense(), Layout.NN, shape, 0).product
                .readLiveColumns(new LiveColumns(96))).as("the dense kernel").isFalse();
        assertThat(bound(OjalgoKernel.INSTANCE, Layout.NN, shape, 0).product.readLiveColumns(new LiveColumns(96)))
                .as("ojalgo").isFalse();
        assertThat(bound(VectorKernel.INSTANCE, Layout.NN, shape, 0).product.readLiveColumns(new LiveColumns(95)))
                .as("a list of another width").isFalse();
        assertThat(bound(VectorKernel.INSTANCE, Layout.TN, shape, 0).product.readLiveColumns(new LiveColumns(64)))
                .as("TN: op(A)'s 64 rows are A's columns").isTrue();
    }

    private static Bound bound(MatrixKernel kernel, Layout layout, int[] shape, double deadShare) {
        Bound bound = new Bound(layout, shape[0], shape[1], shape[2], kernel);
        bound.randomise(shape[1]);
        bound.sparsifyRight(shape[2], 0.2); // δ-like: the sparse path of TN products
        bound.zeroLeftColumns(shape[0], deadShare);
        return bound;
    }

    /** The live columns of the stored left operand, found the slow way. */
    private static LiveColumns listOf(Bound bound) {
        LiveColumns live = new LiveColumns(bound.left.getColDim());
        for (int j = 0; j < live.width(); j++) {
            live.mark(j, holdsNonZero(bound, j));
        }
        live.collect();
        return live;
    }

    private static boolean holdsNonZero(Bound bound, int column) {
        int rows = bound.left.getRowDim();
        for (int i = 0; i < rows; i++) {
            if (bound.left.data[i + column * rows] != 0) {
                return true;
            }
        }
        return false;
    }
}
