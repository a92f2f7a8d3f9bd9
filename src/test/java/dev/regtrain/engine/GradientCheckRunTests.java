package dev.regtrain.engine;

import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gradient check a job runs on its own objective (GradientCheck), as the HTTP endpoint serves it. */
class GradientCheckRunTests {

    private static TrainingPlan everything() {
        return Fixtures.aPlan(6, Output.SOFTMAX, 3).hiddenWithBatchNorm(7, Activation.TANH)
                .hidden(5, Activation.SIGMOID).hiddenWithBatchNorm(4, Activation.LEAKY_RELU).dropout(0.2, 0.5)
                .penalty(new PenaltySpec(0.3, 2.0, true, L1Update.PROXIMAL, 0.01, 2.0, List.of(), true))
                .loss(new LossSpec(0.1, ClassWeights.BALANCED)).optimizer(OptimizerSpec.of(OptimizerKind.ADAM, 0.01))
                .epochs(3).build();
    }

    @Test
    void aTrainedNetworkWithEveryKindOfLayerAndPenaltyPassesOnItsOwnObjective() {
        TrainingPlan plan = everything();
        Network trained = Trainer.start(plan, Runs.TRAIN, null, EngineContext.DEFAULT).run(new Runs(), () -> false)
                .model();

        GradientCheck.Result result = GradientCheck.run(plan, trained, Runs.TRAIN.rows(0, 32), Runs.TRAIN.rows(),
                20, OjalgoKernel.INSTANCE);

        assertThat(result.verdict()).isEqualTo(GradientCheck.Verdict.OK);
        assertThat(result.maxRelativeError()).isLessThan(1e-7);
        assertThat(result.epsilon()).isEqualTo(1e-5);
        assertThat(result.examples()).isEqualTo(32);
        assertThat(result.layers()).extracting(GradientCheck.LayerResult::layer).containsExactly(1, 2, 3, 4);
        assertThat(result.layers()).allSatisfy(layer -> assertThat(layer.parameters()).isBetween(1, 20));
        assertThat(result.detail()).contains("penalties included", "dropout off");
    }

    @Test
    void theCheckIsDeterministicAndLeavesTheNetworkAlone() {
        TrainingPlan plan = everything();
        Network network = Network.initialise(plan.network(), new Rng(3));
        double[][] before = network.values();

        GradientCheck.Result first = GradientCheck.run(plan, network, Runs.TRAIN.rows(0, 16), 90, 10,
                OjalgoKernel.INSTANCE);
        GradientCheck.Result second = GradientCheck.run(plan, network, Runs.TRAIN.rows(0, 16), 90, 10,
                OjalgoKernel.INSTANCE);

        assertThat(second).isEqualTo(first);
        assertThat(network.values()).isDeepEqualTo(before);
    }

    @Test
    void everyBlockOfALayerGetsAtLeastOneCheckAndTheRestGoInProportion() {
        assertThat(GradientCheck.quotas(new int[] {4096, 64, 64}, 50)).containsExactly(47, 2, 1);
        assertThat(GradientCheck.quotas(new int[] {30, 5}, 50)).containsExactly(30, 5);
        assertThat(GradientCheck.quotas(new int[] {100, 1}, 3)).containsExactly(2, 1);
        assertThat(Arrays.stream(GradientCheck.quotas(new int[] {999, 7, 7}, 100)).sum()).isEqualTo(100);
    }

    @Test
    void theVerdictFollowsTheContractsThresholds() {
        assertThat(GradientCheck.verdict(9.9e-8)).isEqualTo(GradientCheck.Verdict.OK);
        assertThat(GradientCheck.verdict(1e-7)).isEqualTo(GradientCheck.Verdict.CHECK);
        assertThat(GradientCheck.verdict(1e-4)).isEqualTo(GradientCheck.Verdict.CHECK);
        assertThat(GradientCheck.verdict(1.1e-4)).isEqualTo(GradientCheck.Verdict.WRONG);
    }

    @Test
    void aGradientThatDisagreesWithTheObjectiveIsWrong() {
        // The gradient of the objective with label smoothing, checked against the objective without: a real
        // disagreement, which the check must call WRONG, while the right gradient passes.
        TrainingPlan plan = Fixtures.aPlan(6, Output.SOFTMAX, 3).hidden(5, Activation.TANH).build();
        Network network = Network.initialise(plan.network(), new Rng(8));
        Examples sample = Runs.TRAIN.rows(0, 16);
        double[][] wrong = new Objective(network, PenaltySpec.NONE, new LossSpec(0.5, ClassWeights.NONE), sample, 16,
                OjalgoKernel.INSTANCE).gradient();
        Objective objective = new Objective(network, PenaltySpec.NONE, sample, OjalgoKernel.INSTANCE);

        GradientCheck.Result result = GradientCheck.compare(objective, network, wrong, 50, 16);

        assertThat(result.verdict()).isEqualTo(GradientCheck.Verdict.WRONG);
        assertThat(result.detail()).contains("disagrees");
        assertThat(GradientCheck.compare(objective, network, objective.gradient(), 50, 16).verdict())
                .isEqualTo(GradientCheck.Verdict.OK);
    }
}
