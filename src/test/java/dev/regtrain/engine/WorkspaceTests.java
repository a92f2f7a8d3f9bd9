package dev.regtrain.engine;

import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
