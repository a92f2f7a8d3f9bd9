package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import dev.regtrain.engine.kernel.VectorKernel;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;

/**
 * A pass whose element-wise work runs inside the products' parts (bias, activation and dropout after the forward
 * product; dropout and activation after the backward one; the bias gradient beside the weight gradient) gives the
 * same bits as the same pass with that work in loops of its own after each product.
 */
class ColumnWorkPassTests {

    /** The same kernel, but its products cannot take column work: the workspace runs its own loops. */
    private static MatrixKernel withoutColumnWork(MatrixKernel kernel) {
        Function<MatrixProduct, MatrixProduct> plain = product -> new MatrixProduct() {
            @Override
            public void compute() {
                product.compute();
            }

            @Override
            public void computeColumns(int[] columns, int count) {
                product.computeColumns(columns, count);
            }

            @Override
            public boolean computesChosenColumns() {
                return product.computesChosenColumns();
            }
        };
        return new MatrixKernel() {
            @Override
            public MatrixProduct bind(R064Store target, R064Store left, boolean transposeLeft, R064Store right,
                                      boolean transposeRight) {
                return plain.apply(kernel.bind(target, left, transposeLeft, right, transposeRight));
            }

            @Override
            public MatrixProduct bind(R032Store target, R032Store left, boolean transposeLeft, R032Store right,
                                      boolean transposeRight) {
                return plain.apply(kernel.bind(target, left, transposeLeft, right, transposeRight));
            }

            @Override
            public String name() {
                return kernel.name() + " without column work";
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void handingTheElementWiseWorkToTheProductsChangesNoBit(Precision precision) {
        Examples data = Fixtures.classification(300, 40, 3, 0.5, 4).inPrecision(precision);
        NetworkSpec spec = new NetworkSpec(40, List.of(new LayerSpec(96, Activation.RELU),
                new LayerSpec(50, Activation.RELU), new LayerSpec(24, Activation.TANH, true)), Output.SOFTMAX, 3,
                Initialization.AUTO);
        Network start = Network.initialise(spec, new Rng(3));
        double[] dropRates = {0.2, 0.5, 0.3, 0.1};
        try (ShuffledRunner runner = new ShuffledRunner(3)) {
            MatrixKernel fused = VectorKernel.parallel(runner);
            double[][] expected = pass(precision, start, dropRates, withoutColumnWork(fused), runner, data);
            double[][] actual = pass(precision, start, dropRates, fused, runner, data);

            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as(precision + ": " + (i == 0 ? "outputs" : "gradient block " + i))
                        .isEqualTo(expected[i]);
            }
            assertThat(runner.runs).as("the products were split into parts").isGreaterThan(0);
        }
    }

    /** Two training passes (forward with dropout, backward) on 256 rows: the outputs, then every gradient block. */
    private static double[][] pass(Precision precision, Network start, double[] dropRates, MatrixKernel kernel,
                                   ShuffledRunner runner, Examples data) {
        Arithmetic<?> arithmetic = precision == Precision.FLOAT32 ? Arithmetic.FLOAT : Arithmetic.DOUBLE;
        return run(arithmetic, start, dropRates, kernel, runner, data);
    }

    private static <A> double[][] run(Arithmetic<A> arithmetic, Network start, double[] dropRates,
                                      MatrixKernel kernel, ShuffledRunner runner, Examples data) {
        NetworkValues<A> values = NetworkValues.of(start.copy(), arithmetic);
        NetworkValues<A> gradients = NetworkValues.zeros(start.spec(), arithmetic);
        Workspace<A> w = new Workspace<>(values, 256, dropRates, gradients, kernel, runner);
        Rng dropout = new Rng(11);
        for (int from : new int[] {0, 40}) {
            w.gather(data, null, from);
            w.forward(dropout);
            w.backward();
        }
        double[][] blocks = gradients.values();
        double[][] result = new double[blocks.length + 1][];
        result[0] = arithmetic.toDoubles(w.outputs());
        System.arraycopy(blocks, 0, result, 1, blocks.length);
        return result;
    }
}
