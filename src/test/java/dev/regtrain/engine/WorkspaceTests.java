package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.kernel.LiveColumns;
import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.OjalgoKernel;
import dev.regtrain.engine.kernel.VectorKernel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTests {

    /** Rows below, at and beyond blocks of eight; a shuffled order and an offset into it. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 13, 64, 131})
    void gatherCopiesTheOrderedExamplesIntoColumnMajorBuffers(int rows) {
        Examples data = Fixtures.classification(300, 11, 3, 0.5, 4);
        NetworkSpec spec = new NetworkSpec(11, List.of(new LayerSpec(5, Activation.RELU)), Output.SOFTMAX, 3,
                Initialization.HE);
        Workspace<double[]> w = Workspace.of(Network.zeros(spec), rows, null, null, OjalgoKernel.INSTANCE);
        int[] order = new int[300];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new Rng(8).shuffle(order, order.length);
        int from = 300 - rows - 3;

        w.gather(data, order, from);

        for (int i = 0; i < rows; i++) {
            int example = order[from + i];
            for (int j = 0; j < 11; j++) {
                assertThat(w.input[i + j * rows]).isEqualTo(data.features()[example * 11 + j]);
            }
            for (int k = 0; k < 3; k++) {
                assertThat(w.targets[i + k * rows]).isEqualTo(data.targets()[example * 3 + k]);
            }
        }
        w.gather(data, null, 2);
        assertThat(w.input[rows - 1 + 10 * rows]).isEqualTo(data.features()[(rows + 1) * 11 + 10]);
    }

    /**
     * One list of live units per layer and batch, found after the layer is written and read by every product that
     * skips the others: with the vector kernel every layer's (its forward product and weight gradient read it, and
     * behind a relu layer the backward product), with the dense kernel and ojalgo none (they compute every column);
     * each list current after every forward pass.
     */
    @Test
    void eachLayerListsItsLiveUnitsOncePerBatchForTheProductsThatReadThem() {
        NetworkSpec spec = new NetworkSpec(20, List.of(new LayerSpec(16, Activation.RELU),
                new LayerSpec(12, Activation.TANH)), Output.SOFTMAX, 3, Initialization.HE);
        Examples data = Fixtures.classification(200, 20, 3, 0.5, 9);
        for (int i = 0; i < data.rows(); i++) {
            data.features()[i * 20 + 3] = 0; // an input that is zero in every example
        }
        Network network = Network.initialise(spec, new Rng(4));
        network.biases(1).data[5] = -1e6; // a relu unit flat for every example
        double[] dropRates = {0.2, 0.5, 0.5};
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            VectorKernel vectorKernel = VectorKernel.parallel(three);
            for (MatrixKernel kernel : List.of(vectorKernel, vectorKernel.dense(), OjalgoKernel.INSTANCE)) {
                Workspace<double[]> w = Workspace.of(network, 40, dropRates, Network.zeros(spec), kernel, three);
                boolean vector = kernel == vectorKernel;
                assertThat(Arrays.stream(w.liveColumns).map(list -> list != null).toList()).as(kernel.name())
                        .containsExactly(vector, vector, vector);
                Rng dropout = new Rng(11);
                for (int from = 0; from + 40 <= data.rows(); from += 40) {
                    w.gather(data, null, from);
                    w.forward(dropout);
                    for (int l = 0; l < 3; l++) {
                        if (w.liveColumns[l] != null) {
                            assertListsTheLiveColumns(w.liveColumns[l], w.layerOutput(l), 40, kernel.name() + " "
                                    + from + " layer " + l);
                        }
                    }
                    if (vector) {
                        assertThat(w.liveColumns[1].count()).isLessThanOrEqualTo(15);
                    }
                    w.backward();
                }
                if (vector) {
                    assertThat(w.liveColumns[0].count()).as("inputs that are not zero in every example").isEqualTo(19);
                }
            }
        }
        Workspace<double[]> inference = Workspace.of(network, 40, null, null, OjalgoKernel.INSTANCE);
        assertThat(inference.liveColumns).as("ojalgo, no backward pass: nothing reads a list").containsOnlyNulls();
    }

    private static void assertListsTheLiveColumns(LiveColumns list, double[] values, int rows, String name) {
        int count = 0;
        for (int j = 0; j < list.width(); j++) {
            boolean live = false;
            for (int i = 0; i < rows; i++) {
                live |= values[i + j * rows] != 0;
            }
            if (live) {
                assertThat(list.columns()[count++]).as(name + ", column " + j).isEqualTo(j);
            }
        }
        assertThat(list.count()).as(name).isEqualTo(count);
    }
}
