package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What L1 does that L2 does not: exact zeros with the proximal update, and mass concentrated in few weights. */
class SparsityTests {

    /** Four informative inputs followed by sixteen pure-noise inputs. */
    private static final Examples DATA = withNoiseColumns(Fixtures.classification(300, 4, 3, 0.3, 99), 16);

    private static TrainingPlan plan(PenaltySpec penalty) {
        return Fixtures.aPlan(20, Output.SOFTMAX, 3).hidden(16, Activation.RELU).penalty(penalty)
                .optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.05)).batchSize(30).epochs(60).build();
    }

    private static EpochMetrics lastRow(PenaltySpec penalty) {
        EpochMetrics[] last = new EpochMetrics[1];
        Trainer.start(plan(penalty), DATA, null, EngineContext.DEFAULT).run(new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics row, LiveState state) {
                last[0] = row;
            }
        }, () -> false);
        return last[0];
    }

    private static PenaltySpec l1(double lambda, L1Update update) {
        return new PenaltySpec(lambda, 0, false, update, 0, null, List.of());
    }

    private static PenaltySpec l2(double lambda) {
        return new PenaltySpec(0, lambda, false, L1Update.SUBGRADIENT, 0, null, List.of());
    }

    @Test
    void proximalL1GivesExactZerosWhereSubgradientL1OfTheSameRunGivesNone() {
        EpochMetrics subgradient = lastRow(l1(15, L1Update.SUBGRADIENT));
        EpochMetrics proximal = lastRow(l1(15, L1Update.PROXIMAL));

        for (LayerMetrics layer : subgradient.layers()) {
            assertThat(layer.zeroFraction()).as("subgradient layer %d", layer.layer()).isZero();
        }
        assertThat(proximal.layers().get(0).zeroFraction()).as("proximal, first layer").isGreaterThan(0.5);
    }

    @Test
    void l1LeavesMoreWeightsNearZeroThanL2ThatShrinksTheWeightsAsMuch() {
        EpochMetrics withL1 = lastRow(l1(15, L1Update.PROXIMAL));
        double l1Mass = totalWeightL1(withL1);
        // Raise λ₂ until L2 shrinks the total |w| at least as much as L1 did: comparable strength, measured.
        EpochMetrics withL2 = null;
        for (double lambda = 15; lambda < 15 * 1024; lambda *= 2) {
            withL2 = lastRow(l2(lambda));
            if (totalWeightL1(withL2) <= l1Mass) {
                break;
            }
        }
        assertThat(totalWeightL1(withL2)).isLessThanOrEqualTo(l1Mass);
        for (int l = 0; l < 2; l++) {
            assertThat(withL1.layers().get(l).nearZeroFraction()).as("layer %d", l + 1)
                    .isGreaterThan(withL2.layers().get(l).nearZeroFraction());
        }
    }

    private static double totalWeightL1(EpochMetrics row) {
        return row.layers().stream().mapToDouble(LayerMetrics::weightL1).sum();
    }

    private static Examples withNoiseColumns(Examples base, int extra) {
        Rng rng = new Rng(123);
        int inputs = base.inputs() + extra;
        double[] x = new double[base.rows() * inputs];
        for (int i = 0; i < base.rows(); i++) {
            System.arraycopy(base.features(), i * base.inputs(), x, i * inputs, base.inputs());
            for (int j = base.inputs(); j < inputs; j++) {
                x[i * inputs + j] = rng.nextGaussian();
            }
        }
        return new Examples(x, base.targets(), base.rows(), inputs, base.outputs());
    }
}
