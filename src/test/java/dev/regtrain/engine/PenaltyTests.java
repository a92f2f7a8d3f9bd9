package dev.regtrain.engine;

import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PenaltyTests {

    private final Examples data = Fixtures.classification(40, 4, 3, 0.3, 5);

    /** W ← W − α·dW with the L2 gradient is the weight-decay form W ← (1 − αλ/m)·W − α·(1/B)·A[l−1]ᵀ·dZ[l]. */
    @Test
    void sgdStepWithL2EqualsWeightDecayForm() {
        double alpha = 0.3;
        double lambda = 6.0;
        TrainingPlan plan = Fixtures.aPlan(4, Output.SOFTMAX, 3).hidden(5, Activation.TANH).l2(lambda)
                .optimizer(OptimizerSpec.sgd(alpha)).batchSize(0).epochs(1).build();
        Network initial = Network.initialise(plan.network(), Rng.of(plan.seed(), RandomPurpose.INIT));
        double[][] dataGradient = new Objective(initial.copy(), PenaltySpec.NONE, data, OjalgoKernel.INSTANCE).gradient();

        Network after = Trainer.start(plan, data, null, EngineContext.DEFAULT).run(TrainingListener.NONE, () -> false).model();

        double m = data.rows();
        for (int p = 0; p < initial.parameters().size(); p++) {
            Parameter before = initial.parameters().get(p);
            double decay = !before.isWeights() ? 1.0 : 1.0 - alpha * lambda / m;
            for (int i = 0; i < before.size(); i++) {
                double expected = decay * before.values()[i] - alpha * dataGradient[p][i];
                assertThat(after.parameters().get(p).values()[i]).isCloseTo(expected, within(1e-14));
            }
        }
    }

    @Test
    void decoupledWeightDecayShrinksWeightsByAlphaTimesDecayAfterTheStep() {
        double alpha = 0.3;
        double decay = 0.5;
        TrainingPlan plan = Fixtures.aPlan(4, Output.SOFTMAX, 3).hidden(5, Activation.TANH)
                .penalty(new PenaltySpec(0, 0, false, L1Update.SUBGRADIENT, decay, null, List.of()))
                .optimizer(OptimizerSpec.sgd(alpha)).batchSize(0).epochs(1).build();
        Network initial = Network.initialise(plan.network(), Rng.of(plan.seed(), RandomPurpose.INIT));
        double[][] dataGradient = new Objective(initial.copy(), PenaltySpec.NONE, data, OjalgoKernel.INSTANCE).gradient();

        Network after = Trainer.start(plan, data, null, EngineContext.DEFAULT).run(TrainingListener.NONE, () -> false).model();

        for (int p = 0; p < initial.parameters().size(); p++) {
            Parameter before = initial.parameters().get(p);
            double factor = !before.isWeights() ? 1.0 : 1.0 - alpha * decay;
            for (int i = 0; i < before.size(); i++) {
                double expected = factor * (before.values()[i] - alpha * dataGradient[p][i]);
                assertThat(after.parameters().get(p).values()[i]).isCloseTo(expected, within(1e-14));
            }
        }
    }

    @Test
    void maxNormCapsEveryUnitsIncomingWeightNorm() {
        double cap = 0.5;
        TrainingPlan plan = Fixtures.aPlan(4, Output.SOFTMAX, 3).hidden(8, Activation.RELU)
                .penalty(new PenaltySpec(0, 0, false, L1Update.SUBGRADIENT, 0, cap, List.of()))
                .optimizer(OptimizerSpec.sgd(0.5)).epochs(5).build();

        Network after = Trainer.start(plan, data, null, EngineContext.DEFAULT).run(TrainingListener.NONE, () -> false).model();

        boolean someColumnAtTheCap = false;
        for (Parameter p : after.parameters()) {
            if (!p.isWeights()) {
                continue;
            }
            for (int j = 0; j < p.columns(); j++) {
                double squared = 0;
                for (int i = 0; i < p.rows(); i++) {
                    squared += p.values()[j * p.rows() + i] * p.values()[j * p.rows() + i];
                }
                assertThat(Math.sqrt(squared)).isLessThanOrEqualTo(cap + 1e-12);
                someColumnAtTheCap |= Math.abs(Math.sqrt(squared) - cap) < 1e-12;
            }
        }
        assertThat(someColumnAtTheCap).as("the cap was active").isTrue();
    }
}
