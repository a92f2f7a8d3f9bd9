package dev.regtrain.engine;

import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropoutTests {

    private final NetworkSpec spec = new NetworkSpec(20, List.of(new LayerSpec(60, Activation.TANH),
            new LayerSpec(40, Activation.TANH)), Output.SOFTMAX, 3, Initialization.XAVIER);
    private final Network network = Network.initialise(spec, new Rng(1));
    private final Examples data = Fixtures.classification(400, 20, 3, 0.5, 3);

    @Test
    void trainingKeepsAboutOneMinusPOfTheUnitsAndScalesThemByOneOverOneMinusP() {
        double[] rates = {0.2, 0.5, 0.3};
        Workspace<double[]> w = Workspace.of(network, 400, rates, null, OjalgoKernel.INSTANCE);
        w.gather(data, null, 0);
        w.forward(new Rng(77));

        for (int l = 0; l < rates.length; l++) {
            double[] before = l == 0 ? w.input : w.activation(l);
            double[] after = w.layerOutput(l);
            double scale = 1.0 / (1.0 - rates[l]);
            int kept = 0;
            for (int i = 0; i < after.length; i++) {
                if (after[i] != 0.0) {
                    kept++;
                    assertThat(after[i]).isEqualTo(before[i] * scale);
                }
            }
            double keptShare = (double) kept / after.length;
            double standardError = Math.sqrt(rates[l] * (1 - rates[l]) / after.length);
            assertThat(keptShare).as("layer %d kept share", l).isBetween(1 - rates[l] - 4 * standardError,
                    1 - rates[l] + 4 * standardError);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void theMaskIsOneDrawPerElementInOrderDroppedWhenTheDrawIsBelowTheRate(int parallelism) {
        double[] rates = {0.2, 0.5, 0.3};
        Rng generator = new Rng(77);
        try (ShuffledRunner runner = new ShuffledRunner(parallelism)) {
            Workspace<double[]> w = Workspace.of(network, 400, rates, null, OjalgoKernel.INSTANCE, runner);
            w.gather(data, null, 0);
            w.forward(generator);
            checkMasks(w, rates);
            assertThat(runner.maxParts).isEqualTo(parallelism == 1 ? 1 : 4);
        }
        Rng reference = new Rng(77);
        reference.advance(400 * (20 + 60 + 40));
        assertThat(generator.state()).as("the generator moved past every draw").isEqualTo(reference.state());
    }

    private static void checkMasks(Workspace<double[]> w, double[] rates) {
        Rng reference = new Rng(77);
        for (int l = 0; l < rates.length; l++) {
            double[] before = l == 0 ? w.input : w.activation(l);
            double[] after = w.layerOutput(l);
            double keepScale = 1.0 / (1.0 - rates[l]);
            for (int i = 0; i < after.length; i++) {
                double scale = reference.nextDouble() < rates[l] ? 0.0 : keepScale;
                assertThat(after[i]).as("layer %d element %d", l, i).isEqualTo(before[i] * scale);
            }
        }
    }

    @Test
    void dropoutRateZeroLeavesTheLayerUntouched() {
        Workspace<double[]> w = Workspace.of(network, 400, new double[] {0.0, 0.5, 0.0}, null, OjalgoKernel.INSTANCE);
        w.gather(data, null, 0);
        w.forward(new Rng(77));

        assertThat(w.layerOutput(0)).isSameAs(w.input);
        assertThat(w.layerOutput(2)).isSameAs(w.activation(2));
    }

    @Test
    void inferenceIsDeterministicAndUnscaled() {
        double[] first = Predictor.predict(network, data.features(), data.rows(), OjalgoKernel.INSTANCE);
        double[] second = Predictor.predict(network, data.features(), data.rows(), OjalgoKernel.INSTANCE);
        Workspace<double[]> plain = Workspace.of(network, 400, null, null, OjalgoKernel.INSTANCE);
        plain.gather(data, null, 0);
        plain.forward(null);

        assertThat(second).containsExactly(first);
        for (int i = 0; i < data.rows(); i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(first[i * 3 + k]).isEqualTo(plain.outputs()[i + k * 400]);
            }
        }
    }

    @Test
    void monteCarloPassesStopWhenTheirCallerSaysSo() {
        DropoutSpec dropout = new DropoutSpec(0.0, List.of(0.5, 0.5));
        double[] rows = java.util.Arrays.copyOf(data.features(), 50 * 20);
        int[] asked = {0};

        assertThatThrownBy(() -> Predictor.predictWithDropout(network, dropout, rows, 50, 1000, new Rng(5),
                OjalgoKernel.INSTANCE, () -> ++asked[0] > 3)).isInstanceOf(Stopped.class);
        assertThat(asked[0]).as("asked before each pass's chunk, not after all 1000 passes").isEqualTo(4);
    }

    @Test
    void monteCarloDropoutReportsSpreadAndIsReproducibleForAGivenGenerator() {
        DropoutSpec dropout = new DropoutSpec(0.0, List.of(0.5, 0.5));
        double[] rows = java.util.Arrays.copyOf(data.features(), 50 * 20);
        Predictor.Distribution a = Predictor.predictWithDropout(network, dropout, rows, 50, 30, new Rng(5),
                OjalgoKernel.INSTANCE, () -> false);
        Predictor.Distribution b = Predictor.predictWithDropout(network, dropout, rows, 50, 30, new Rng(5),
                OjalgoKernel.INSTANCE, () -> false);

        assertThat(a.mean()).containsExactly(b.mean());
        assertThat(java.util.Arrays.stream(a.std()).min().orElseThrow()).isGreaterThan(0.0);
        for (int i = 0; i < 50; i++) {
            assertThat(a.mean()[3 * i] + a.mean()[3 * i + 1] + a.mean()[3 * i + 2]).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
