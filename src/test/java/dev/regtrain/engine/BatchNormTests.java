package dev.regtrain.engine;

import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch normalisation (MATH.md) against a hand-computed example and direct implementations of its definitions:
 * training statistics, the running averages with ρ = 0.9 and B/(B − 1), the inference form, and γ and β left out of
 * the penalties unless {@code regularizeBatchNorm}. Its backward pass is checked by finite differences in
 * {@link GradientCheckTests}.
 */
class BatchNormTests {

    /** One input, one batch-normalised linear unit with w = 1, then a linear output with w = 1, b = 0. */
    private static Network oneUnit(double gamma, double beta) {
        NetworkSpec spec = new NetworkSpec(1, List.of(new LayerSpec(1, Activation.LINEAR, true)), Output.LINEAR, 1,
                Initialization.XAVIER);
        Network network = Network.initialise(spec, new Rng(1));
        network.weights(1).data[0] = 1.0;
        network.weights(2).data[0] = 1.0;
        network.biases(2).data[0] = 0.0;
        network.gamma(1)[0] = gamma;
        network.beta(1)[0] = beta;
        return network;
    }

    private static Examples inputs(double... x) {
        return new Examples(x, new double[x.length], x.length, 1, 1);
    }

    @Test
    void aBatchIsNormalisedWithItsOwnMeanAndBiasedVarianceThenScaledAndShifted() {
        // z = 1, 2, 3, 6: μ = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5, ẑ = (z − 3)/√3.50001, y = 2·ẑ + 0.5
        Network network = oneUnit(2.0, 0.5);
        Workspace<double[]> w = Workspace.of(network, 4, null, Network.zeros(network.spec()), OjalgoKernel.INSTANCE);
        w.gather(inputs(1, 2, 3, 6), null, 0);

        w.forward(null);

        double s = Math.sqrt(3.5 + 1e-5);
        assertThat(w.outputs()).containsExactly(new double[] {2 * -2 / s + 0.5, 2 * -1 / s + 0.5, 0.5,
                2 * 3 / s + 0.5}, within(1e-15));
        assertThat(w.batchMean[1][0]).isEqualTo(3.0);
        assertThat(w.batchVariance[1][0]).isEqualTo(3.5);
    }

    @Test
    void theRunningAveragesFollowEachTrainingBatchWithTheUnbiasedVariance() {
        // from μ_r = 0, σ²_r = 1: μ_r = 0.1·3 = 0.3, σ²_r = 0.9·1 + 0.1·3.5·4/3 = 1.3666…; then a second batch
        Network network = oneUnit(1.0, 0.0);
        Workspace<double[]> w = Workspace.of(network, 4, null, Network.zeros(network.spec()), OjalgoKernel.INSTANCE);
        w.gather(inputs(1, 2, 3, 6), null, 0);
        w.forward(null);
        w.updateRunningAverages();

        assertThat(network.runningMean(1)[0]).isCloseTo(0.3, within(1e-15));
        assertThat(network.runningVariance(1)[0]).isCloseTo(0.9 + 0.1 * 3.5 * 4 / 3, within(1e-15));

        w.gather(inputs(-1, -1, 1, 1), null, 0); // μ = 0, σ² = 1
        w.forward(null);
        w.updateRunningAverages();

        assertThat(network.runningMean(1)[0]).isCloseTo(0.9 * 0.3, within(1e-15));
        assertThat(network.runningVariance(1)[0]).isCloseTo(0.9 * (0.9 + 0.1 * 3.5 * 4 / 3) + 0.1 * 4.0 / 3,
                within(1e-15));
    }

    @Test
    void aBatchOfOneRowLeavesTheRunningAveragesAlone() {
        Network network = oneUnit(1.0, 0.0);
        Workspace<double[]> w = Workspace.of(network, 1, null, Network.zeros(network.spec()), OjalgoKernel.INSTANCE);
        w.gather(inputs(5), null, 0);
        w.forward(null);
        w.updateRunningAverages();

        assertThat(network.runningMean(1)[0]).isEqualTo(0.0);
        assertThat(network.runningVariance(1)[0]).isEqualTo(1.0);
    }

    @Test
    void inferenceUsesTheRunningAveragesWhateverTheBatch() {
        Network network = oneUnit(2.0, 0.5);
        network.runningMean(1)[0] = 1.5;
        network.runningVariance(1)[0] = 4.0;

        double[] predictions = Predictor.predict(network, new double[] {1, 2, 3, 6}, 4, OjalgoKernel.INSTANCE);
        double[] alone = Predictor.predict(network, new double[] {6}, 1, OjalgoKernel.INSTANCE);

        double s = Math.sqrt(4.0 + 1e-5);
        assertThat(predictions).containsExactly(new double[] {2 * (1 - 1.5) / s + 0.5, 2 * (2 - 1.5) / s + 0.5,
                2 * (3 - 1.5) / s + 0.5, 2 * (6 - 1.5) / s + 0.5}, within(1e-15));
        assertThat(alone[0]).isEqualTo(predictions[3]);
    }

    @Test
    void everyUnitIsNormalisedOnItsOwnAcrossTheBatch() {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec(4, Activation.TANH, true)), Output.SOFTMAX, 3,
                Initialization.AUTO);
        Network network = Network.initialise(spec, new Rng(3));
        for (int j = 0; j < 4; j++) {
            network.gamma(1)[j] = 0.5 + j;
            network.beta(1)[j] = -0.25 * j;
        }
        Examples data = Fixtures.classification(9, 3, 3, 0.5, 2);
        Workspace<double[]> w = Workspace.of(network, 9, null, Network.zeros(spec), OjalgoKernel.INSTANCE);
        w.gather(data, null, 0);

        w.forward(null);

        for (int j = 0; j < 4; j++) {
            double[] z = new double[9];
            for (int i = 0; i < 9; i++) {
                for (int k = 0; k < 3; k++) {
                    z[i] += data.features()[i * 3 + k] * network.weights(1).data[k + j * 3];
                }
            }
            double mean = java.util.Arrays.stream(z).average().orElseThrow();
            double variance = java.util.Arrays.stream(z).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
            for (int i = 0; i < 9; i++) {
                double y = network.gamma(1)[j] * (z[i] - mean) / Math.sqrt(variance + 1e-5) + network.beta(1)[j];
                assertThat(w.activation(1)[i + j * 9]).isCloseTo(Math.tanh(y), within(1e-14));
            }
        }
    }

    @Test
    void gammaAndBetaAreLeftOutOfThePenaltiesUnlessAsked() {
        NetworkSpec spec = new NetworkSpec(2, List.of(new LayerSpec(3, Activation.RELU, true)), Output.SIGMOID, 1,
                Initialization.AUTO);
        Network network = Network.initialise(spec, new Rng(5));
        java.util.Arrays.fill(network.gamma(1), 2.0);
        java.util.Arrays.fill(network.beta(1), -1.0);
        double weights = Norms.squaredL2(network.weights(1).data) + Norms.squaredL2(network.weights(2).data);
        double biases = Norms.squaredL2(network.biases(2).data);
        int m = 10;

        PenaltySpec plain = new PenaltySpec(0, 1.0, true, L1Update.SUBGRADIENT, 0, null, List.of(), false);
        PenaltySpec withBatchNorm = new PenaltySpec(0, 1.0, true, L1Update.SUBGRADIENT, 0, null, List.of(), true);

        assertThat(new Penalties(plain, m).l2Value(network)).isCloseTo((weights + biases) / (2.0 * m), within(1e-15));
        assertThat(new Penalties(withBatchNorm, m).l2Value(network))
                .isCloseTo((weights + biases + 3 * 4.0 + 3 * 1.0) / (2.0 * m), within(1e-15));
    }

    @Test
    void trainingMovesGammaBetaAndTheRunningStatisticsAndValidationUsesThem() {
        TrainingPlan plan = Fixtures.aPlan(6, Output.SOFTMAX, 3).hiddenWithBatchNorm(8, Activation.RELU)
                .optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.05)).epochs(3).build();
        Network initial = Network.initialise(plan.network(), Rng.of(plan.seed(), RandomPurpose.INIT));

        Runs runs = new Runs();
        TrainingOutcome outcome = Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(runs, () -> false);

        Network trained = outcome.model();
        assertThat(trained.gamma(1)).isNotEqualTo(initial.gamma(1));
        assertThat(trained.beta(1)).isNotEqualTo(initial.beta(1));
        assertThat(trained.runningMean(1)).isNotEqualTo(initial.runningMean(1));
        assertThat(trained.runningVariance(1)).isNotEqualTo(initial.runningVariance(1));
        double validationLoss = new Objective(trained, PenaltySpec.NONE, Runs.VALIDATION, OjalgoKernel.INSTANCE)
                .dataLoss(); // the objective normalises with the batch's own statistics
        double[] predictions = Predictor.predict(trained, Runs.VALIDATION.features(), Runs.VALIDATION.rows(),
                OjalgoKernel.INSTANCE);
        double inferenceLoss = 0;
        for (int i = 0; i < Runs.VALIDATION.rows(); i++) {
            for (int k = 0; k < 3; k++) {
                inferenceLoss -= Runs.VALIDATION.targets()[i * 3 + k] * Math.log(predictions[i * 3 + k]);
            }
        }
        inferenceLoss /= Runs.VALIDATION.rows();
        assertThat(runs.rows.get(2).valLoss()).isCloseTo(inferenceLoss, within(1e-12)).isNotEqualTo(validationLoss);
    }

    @Test
    void monteCarloDropoutKeepsBatchNormalisationInItsInferenceForm() {
        NetworkSpec spec = new NetworkSpec(6, List.of(new LayerSpec(8, Activation.RELU, true)), Output.SOFTMAX, 3,
                Initialization.AUTO);
        Network network = Network.initialise(spec, new Rng(12));
        java.util.Arrays.fill(network.runningMean(1), 0.3);
        java.util.Arrays.fill(network.runningVariance(1), 2.0);
        double[] features = Runs.VALIDATION.features();

        double[] plain = Predictor.predict(network, features, 40, OjalgoKernel.INSTANCE);
        Predictor.Distribution noDrops = Predictor.predictWithDropout(network, DropoutSpec.none(1), features, 40, 3,
                new Rng(1), OjalgoKernel.INSTANCE, () -> false);
        Predictor.Distribution withDrops = Predictor.predictWithDropout(network, new DropoutSpec(0, List.of(0.5)),
                features, 40, 50, new Rng(1), OjalgoKernel.INSTANCE, () -> false);

        assertThat(noDrops.mean()).containsExactly(plain, within(1e-15));
        assertThat(java.util.Arrays.stream(noDrops.std()).max().orElseThrow()).isLessThan(1e-7);
        assertThat(java.util.Arrays.stream(withDrops.std()).max().orElseThrow()).isGreaterThan(0.01);
    }
}
