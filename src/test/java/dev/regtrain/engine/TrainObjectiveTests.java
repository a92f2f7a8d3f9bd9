package dev.regtrain.engine;

import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With {@code train_loss} monitored the monitored value is J at the end-of-epoch weights (MATH.md's correction), so
 * that "the best" is one point in time: restoring it never gives a model whose J is worse than the last one's.
 */
class TrainObjectiveTests {

    private static final PenaltySpec PENALTY = new PenaltySpec(0.2, 3.0, false, L1Update.SUBGRADIENT, 0, null,
            List.of());

    private static Fixtures.PlanBuilder noisyPlan() {
        return Fixtures.aPlan(6, Output.SOFTMAX, 3).hidden(12, Activation.RELU).dropout(0.2, 0.5).penalty(PENALTY)
                .optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.3)).batchSize(5).epochs(25);
    }

    @Test
    void theTrainingObjectiveIsJAtTheEndOfEpochWeightsWithoutDropout() {
        Runs runs = new Runs(4);
        Trainer.start(noisyPlan().epochs(4).build(), Runs.TRAIN, null, EngineContext.DEFAULT).run(runs, () -> false);

        Network atEpoch4 = runs.states.get(0).toNetwork();
        double j = new Objective(atEpoch4, PENALTY, Runs.TRAIN, OjalgoKernel.INSTANCE).value();
        EpochMetrics row = runs.rows.get(3);
        assertThat(row.trainObjective()).isCloseTo(j, within(1e-13));
        assertThat(row.trainObjective()).isNotCloseTo(row.trainLoss(), within(1e-6));
        assertThat(Monitor.TRAIN_LOSS.valueOf(row)).isEqualTo(row.trainObjective());
    }

    @Test
    void withoutATrainLossMonitorTheRowHasNoTrainingObjective() {
        Runs runs = new Runs();
        TrainingPlan plan = noisyPlan().epochs(2)
                .earlyStopping(EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS)).build();
        Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT).run(runs, () -> false);

        assertThat(runs.rows).allSatisfy(row -> assertThat(row.trainObjective()).isNull());
    }

    @Test
    void restoringTheBestNeverGivesAModelWorseInJThanTheLast() {
        TrainingPlan plan = noisyPlan().earlyStopping(new EarlyStoppingSpec(Monitor.TRAIN_LOSS, false, 1000, 0, false,
                0, null, true, true)).build();
        Runs runs = new Runs(25);

        TrainingOutcome outcome = Trainer.start(plan, Runs.TRAIN, null, EngineContext.DEFAULT).run(runs, () -> false);

        double best = new Objective(outcome.model(), PENALTY, Runs.TRAIN, OjalgoKernel.INSTANCE).value();
        double last = new Objective(runs.states.get(0).toNetwork(), PENALTY, Runs.TRAIN, OjalgoKernel.INSTANCE)
                .value();
        assertThat(outcome.restoredBestWeights()).isTrue();
        assertThat(best).isLessThanOrEqualTo(last);
        assertThat(best).isCloseTo(outcome.bestValue(), within(1e-13));
        double lowest = runs.rows.stream().mapToDouble(EpochMetrics::trainObjective).min().orElseThrow();
        assertThat(outcome.bestValue()).isEqualTo(lowest);
    }
}
