package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code init: auto} is decided per layer, from that layer's own activation; the output layer by Xavier. */
class InitializationTests {

    @Test
    void autoDrawsEachLayerWithTheRuleOfItsOwnActivation() {
        NetworkSpec spec = new NetworkSpec(4, List.of(new LayerSpec(6, Activation.RELU),
                new LayerSpec(5, Activation.TANH, true), new LayerSpec(3, Activation.LEAKY_RELU)), Output.SOFTMAX, 3,
                Initialization.AUTO);

        Network network = Network.initialise(spec, new Rng(77));

        Rng rng = new Rng(77);
        int[] units = {4, 6, 5, 3, 3};
        Initialization[] rules = {Initialization.HE, Initialization.XAVIER, Initialization.HE, Initialization.XAVIER};
        for (int l = 1; l <= 4; l++) {
            double[] expected = new double[units[l - 1] * units[l]];
            rules[l - 1].fill(expected, units[l - 1], units[l], rng);
            assertThat(network.weights(l).data).as("layer %d", l).containsExactly(expected);
        }
        assertThat(network.gamma(2)).containsOnly(1.0);
        assertThat(network.beta(2)).containsOnly(0.0);
        assertThat(network.runningMean(2)).containsOnly(0.0);
        assertThat(network.runningVariance(2)).containsOnly(1.0);
    }

    @Test
    void aNamedRuleDrawsEveryLayer() {
        NetworkSpec spec = new NetworkSpec(4, List.of(new LayerSpec(6, Activation.RELU),
                new LayerSpec(5, Activation.TANH)), Output.SIGMOID, 1, Initialization.HE);

        assertThat(spec.initialization(1)).isEqualTo(Initialization.HE);
        assertThat(spec.initialization(2)).isEqualTo(Initialization.HE);
        assertThat(spec.initialization(3)).isEqualTo(Initialization.HE);
    }
}
