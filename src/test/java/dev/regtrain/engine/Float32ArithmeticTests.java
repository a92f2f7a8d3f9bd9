package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The single-precision arithmetic against the double one at the same values: a forward and backward pass and an
 * optimizer step agree to float rounding. This is how a float32 run's gradient is checked: {@link GradientCheck}
 * (and its tests) hold the float64 gradient to central differences, and this holds the float32 gradient to the
 * float64 one.
 */
class Float32ArithmeticTests {

    static Stream<Arguments> layers() {
        List<Arguments> all = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (Output output : Output.values()) {
                for (boolean batchNorm : new boolean[] {false, true}) {
                    all.add(Arguments.of(activation, output, batchNorm));
                }
            }
        }
        return all.stream();
    }

    private static double[] toDoubles(float[] values) {
        return Arithmetic.FLOAT.toDoubles(values);
    }

    @ParameterizedTest(name = "{0}, {1}, batch norm {2}")
    @MethodSource("layers")
    void aForwardAndBackwardPassInFloat32AgreeWithFloat64ToFloatRounding(Activation activation, Output output,
                                                                         boolean batchNorm) {
        int outputs = output == Output.SIGMOID ? 1 : 3;
        Examples data = output == Output.LINEAR ? Fixtures.regression(45, 7, outputs, 0.1, 4)
                : Fixtures.classification(45, 7, outputs, 0.5, 4);
        NetworkSpec spec = new NetworkSpec(7, List.of(new LayerSpec(13, activation, batchNorm),
                new LayerSpec(9, Activation.TANH)), output, outputs, Initialization.AUTO);
        Network network = Network.initialise(spec, new Rng(8));
        for (Parameter p : network.blocks()) {
            for (int i = 0; i < p.size(); i++) {
                p.values()[i] = (float) p.values()[i]; // the same starting values in both precisions
            }
        }
        Network gradients = Network.zeros(spec);
        Workspace<double[]> doubles = Workspace.of(network, 45, null, gradients, Kernels.select("vector"));
        NetworkValues<float[]> singleValues = NetworkValues.of(network, Arithmetic.FLOAT);
        NetworkValues<float[]> singleGradients = NetworkValues.zeros(spec, Arithmetic.FLOAT);
        Workspace<float[]> singles = new Workspace<>(singleValues, 45, null, singleGradients,
                Kernels.select("vector"), dev.regtrain.engine.kernel.TaskRunner.SEQUENTIAL);
        doubles.gather(data, null, 0);
        singles.gather(data.inPrecision(Precision.FLOAT32), null, 0);
        for (Workspace<?> w : List.of(doubles, singles)) {
            w.forward(null);
            w.backward();
        }

        assertThat(Fixtures.relativeError(toDoubles(singles.outputs()), doubles.outputs())).isLessThan(1e-5);
        assertThat(singles.lossSum()).isCloseTo(doubles.lossSum(),
                org.assertj.core.api.Assertions.withinPercentage(1e-3));
        double[][] single = singleGradients.values();
        double[][] reference = gradients.values();
        for (int i = 0; i < reference.length; i++) {
            if (gradients.blocks().get(i).kind().trainable()) {
                assertThat(Fixtures.relativeError(single[i], reference[i])).as(gradients.blocks().get(i).toString())
                        .isLessThan(1e-4);
            }
        }
    }

    @Test
    void dropoutDropsTheSameUnitsInEitherPrecision() {
        NetworkSpec spec = new NetworkSpec(11, List.of(new LayerSpec(17, Activation.RELU)), Output.SOFTMAX, 3,
                Initialization.AUTO);
        Network network = Network.initialise(spec, new Rng(2));
        double[] rates = {0.3, 0.5};
        Workspace<double[]> doubles = Workspace.of(network, 50, rates, null, Kernels.select("vector"));
        Workspace<float[]> singles = new Workspace<>(NetworkValues.of(network, Arithmetic.FLOAT), 50, rates, null,
                Kernels.select("vector"), dev.regtrain.engine.kernel.TaskRunner.SEQUENTIAL);
        Examples data = Fixtures.classification(50, 11, 3, 0.5, 1);
        Rng first = new Rng(77);
        Rng second = new Rng(77);
        doubles.gather(data, null, 0);
        singles.gather(data.inPrecision(Precision.FLOAT32), null, 0);
        doubles.forward(first);
        singles.forward(second);

        for (int l = 0; l < 2; l++) {
            double[] mask = doubles.mask[l];
            float[] floatMask = singles.mask[l];
            int dropped = 0;
            for (int i = 0; i < mask.length; i++) {
                assertThat(floatMask[i] == 0).as("element %d of layer %d", i, l).isEqualTo(mask[i] == 0);
                dropped += mask[i] == 0 ? 1 : 0;
            }
            assertThat(dropped).isBetween(mask.length / 5, mask.length * 3 / 5);
        }
        assertThat(second.state()).isEqualTo(first.state());
    }

    /** One full-batch step with every penalty and constraint: the float32 step is the float64 step, rounded. */
    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void oneStepOfEveryOptimizerWithPenaltiesAndConstraintsAgreesWithFloat64(OptimizerKind optimizer) {
        Examples data = Fixtures.classification(60, 8, 3, 0.5, 12);
        for (PenaltySpec penalty : List.of(new PenaltySpec(0.5, 1.0, true, L1Update.PROXIMAL, 0.01, 0.8, List.of()),
                new PenaltySpec(0.3, 0.0, false, L1Update.SUBGRADIENT, 0, null, List.of()))) {
            for (GradientClipping clipping : List.of(new GradientClipping(0.5, null),
                    new GradientClipping(null, 0.01))) {
                TrainingPlan plan = Fixtures.aPlan(8, Output.SOFTMAX, 3).hiddenWithBatchNorm(10, Activation.RELU)
                        .hidden(6, Activation.SIGMOID).penalty(penalty).clipping(clipping)
                        .optimizer(OptimizerSpec.of(optimizer, 0.05)).batchSize(0).epochs(2).seed(4).build();
                double[][] single = Trainer.start(plan.withPrecision(Precision.FLOAT32), data, null,
                        EngineContext.DEFAULT).run(new Runs(), () -> false).model().values();
                double[][] reference = Trainer.start(plan, data, null, EngineContext.DEFAULT)
                        .run(new Runs(), () -> false).model().values();

                assertThat(Fixtures.relativeError(single, reference)).as(penalty + ", " + clipping)
                        .isLessThan(1e-5);
            }
        }
    }
}
