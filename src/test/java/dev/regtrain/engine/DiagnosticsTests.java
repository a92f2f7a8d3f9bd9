package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-layer diagnostics in every metrics row (update ratio, dead and saturated units) against direct
 * computations, and the findings' rules of MATH.md on rows made for them.
 */
class DiagnosticsTests {

    @Test
    void theUpdateRatioIsTheEpochsChangeOfTheWeightsOverTheirNormAtItsStart() {
        TrainingPlan plan = Fixtures.aPlan(6, Output.SOFTMAX, 3).hidden(8, Activation.RELU).hidden(5, Activation.TANH)
                .optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.05)).epochs(3).build();
        Runs runs = new Runs(2);
        Network end = Trainer.start(plan, Runs.TRAIN, null, EngineContext.DEFAULT).run(runs, () -> false).model();
        Network start = runs.states.get(0).toNetwork();

        for (int l = 1; l <= 3; l++) {
            double[] before = start.weights(l).data;
            double[] after = end.weights(l).data;
            double change = 0;
            double norm = 0;
            for (int i = 0; i < before.length; i++) {
                change += (after[i] - before[i]) * (after[i] - before[i]);
                norm += before[i] * before[i];
            }
            assertThat(runs.rows.get(2).layers().get(l - 1).updateRatio()).as("layer %d", l)
                    .isCloseTo(Math.sqrt(change / norm), within(1e-15));
        }
    }

    @Test
    void unitsThatAreZeroForEveryExampleCountAsDeadAndOnlyInReluLikeLayers() {
        TrainingPlan plan = Fixtures.aPlan(6, Output.SOFTMAX, 3).hidden(8, Activation.RELU).hidden(4, Activation.TANH)
                .optimizer(OptimizerSpec.sgd(1e-9)).epochs(1).build();
        Network initial = Network.initialise(plan.network(), Rng.of(plan.seed(), RandomPurpose.INIT));
        initial.biases(1).data[2] = -1e6; // units 2 and 5 never fire
        initial.biases(1).data[5] = -1e6;
        Runs runs = new Runs();

        Trainer.warmStart(plan, initial, Runs.TRAIN, null, EngineContext.DEFAULT).run(runs, () -> false);

        List<LayerMetrics> layers = runs.rows.get(0).layers();
        int alwaysZero = 0;
        for (int j = 0; j < 8; j++) {
            boolean everPositive = false;
            for (int i = 0; i < Runs.TRAIN.rows(); i++) {
                double z = initial.biases(1).data[j];
                for (int k = 0; k < 6; k++) {
                    z += Runs.TRAIN.features()[i * 6 + k] * initial.weights(1).data[k + j * 6];
                }
                everPositive |= z > 0;
            }
            alwaysZero += everPositive ? 0 : 1;
        }
        assertThat(alwaysZero).isGreaterThanOrEqualTo(2);
        assertThat(layers.get(0).deadFraction()).isEqualTo(alwaysZero / 8.0);
        assertThat(layers.get(1).deadFraction()).isNull();
        assertThat(layers.get(2).deadFraction()).isNull();
    }

    @Test
    void sigmoidAndTanhUnitsWithALargeMeanInputCountAsSaturated() {
        TrainingPlan plan = Fixtures.aPlan(6, Output.SOFTMAX, 3).hidden(4, Activation.SIGMOID).hidden(8, Activation.RELU)
                .optimizer(OptimizerSpec.sgd(1e-9)).epochs(1).build();
        Network initial = Network.initialise(plan.network(), Rng.of(plan.seed(), RandomPurpose.INIT));
        initial.biases(1).data[0] = 50; // mean |z| ≈ 50
        initial.biases(1).data[3] = -3.9; // mean |z| ≈ 3.9 + something: computed below
        Runs runs = new Runs();

        Trainer.warmStart(plan, initial, Runs.TRAIN, null, EngineContext.DEFAULT).run(runs, () -> false);

        int saturated = 0;
        for (int j = 0; j < 4; j++) {
            double sum = 0;
            for (int i = 0; i < Runs.TRAIN.rows(); i++) {
                double z = initial.biases(1).data[j];
                for (int k = 0; k < 6; k++) {
                    z += Runs.TRAIN.features()[i * 6 + k] * initial.weights(1).data[k + j * 6];
                }
                sum += Math.abs(z);
            }
            saturated += sum / Runs.TRAIN.rows() > 4 ? 1 : 0;
        }
        assertThat(saturated).isBetween(1, 3);
        assertThat(runs.rows.get(0).layers().get(0).saturatedFraction()).isEqualTo(saturated / 4.0);
        assertThat(runs.rows.get(0).layers().get(1).saturatedFraction()).isNull();
    }

    private static EpochMetrics row(int epoch, double[] gradientNorms, Double[] dead, Double[] saturated) {
        List<LayerMetrics> layers = new ArrayList<>();
        for (int l = 0; l < gradientNorms.length; l++) {
            layers.add(new LayerMetrics(l + 1, 1, 1, 0, 0, 0, gradientNorms[l], 0.001, dead[l], saturated[l]));
        }
        return new EpochMetrics(epoch, 0, 0.1, 0.5, 0.5, 0, 0, 0, 0.5, null, null, null, null, layers);
    }

    private static List<EpochMetrics> history(double[][] gradientNorms) {
        List<EpochMetrics> rows = new ArrayList<>();
        Double[] none = new Double[gradientNorms[0].length];
        for (int e = 0; e < gradientNorms.length; e++) {
            rows.add(row(e + 1, gradientNorms[e], none, none));
        }
        return rows;
    }

    @Test
    void vanishingGradientsNeedThreeEpochsInARowBelowOneThousandthOfTheLargestLayer() {
        List<Finding> findings = Diagnostics.findings(history(new double[][] {
            {1e-4, 0.5, 0.2}, {1e-4, 0.5, 0.2}, {1e-2, 0.5, 0.2}, // layer 1 recovers in epoch 3
            {4e-4, 0.5, 0.2}, {4e-4, 0.5, 0.2}, {4.9e-4, 0.5, 0.2}, {1e-9, 0.5, 0.2}}));

        assertThat(findings).hasSize(1);
        Finding vanishing = findings.get(0);
        assertThat(vanishing.kind()).isEqualTo(Finding.Kind.VANISHING_GRADIENTS);
        assertThat(vanishing.layer()).isEqualTo(1);
        assertThat(vanishing.fromEpoch()).isEqualTo(4);
        assertThat(vanishing.detail()).contains("0.00049", "0.5", "batch normalisation", "initialisation");
    }

    @Test
    void explodingGradientsGrowTenfoldWithinThreeEpochsAndExceedTen() {
        List<Finding> findings = Diagnostics.findings(history(new double[][] {
            {0.5, 2, 1}, {0.6, 9, 1}, {0.7, 19, 1}, {0.8, 15, 1}, {0.9, 25, 1}, // layer 2: no tenfold jump
            {1.0, 2.2, 1}, {1.1, 3, 1}, {1.2, 5, 1}, {1.3, 23, 1}})); // 23 > 10 × 2.2 three epochs before

        assertThat(findings).extracting(Finding::kind, Finding::layer, Finding::fromEpoch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.EXPLODING_GRADIENTS, 2, 9));
        assertThat(findings.get(0).detail()).contains("2.2", "23", "clip");
    }

    @Test
    void aNonFiniteGradientIsExploding() {
        List<Finding> findings = Diagnostics.findings(history(new double[][] {{0.5, 1}, {Double.NaN, 1}}));

        assertThat(findings).extracting(Finding::kind, Finding::layer, Finding::fromEpoch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.EXPLODING_GRADIENTS, 1, 2));
    }

    @Test
    void deadUnitsAndSaturationNeedMoreThanHalfOfTheLayerAndAreReportedOnceAtTheirFirstEpoch() {
        double[] norms = {0.1, 0.1, 0.1};
        List<EpochMetrics> rows = List.of(
                row(1, norms, new Double[] {0.5, null, null}, new Double[] {null, 0.5, null}),
                row(2, norms, new Double[] {0.625, null, null}, new Double[] {null, 0.75, null}),
                row(3, norms, new Double[] {0.75, null, null}, new Double[] {null, 1.0, null}));

        List<Finding> findings = Diagnostics.findings(rows);

        assertThat(findings).extracting(Finding::kind, Finding::layer, Finding::fromEpoch).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.DEAD_UNITS, 1, 2),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.SATURATION, 2, 2));
        assertThat(findings.get(0).detail()).contains("63 %", "learning rate");
        assertThat(findings.get(1).detail()).contains("75 %", "batch normalisation");
    }

    @Test
    void rowsWrittenBeforeTheDiagnosticsExistedFindNothingButGradients() {
        List<EpochMetrics> rows = Arrays.asList(new EpochMetrics(1, 0, 0.1, 0.5, 0.5, 0, 0, 0, 0.5, null, null, null,
                null, List.of(new LayerMetrics(1, 1, 1, 0, 0, 0, 0.2), new LayerMetrics(2, 1, 1, 0, 0, 0, 0.3))));

        assertThat(Diagnostics.findings(rows)).isEmpty();
    }
}
