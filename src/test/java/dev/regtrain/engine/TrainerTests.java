package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.engine.state.StateCodec;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class TrainerTests {

    /** Few noisy examples and a wide network: validation loss falls, then rises as the network overfits. */
    private final Examples train = Fixtures.classification(40, 5, 3, 2.0, 8);
    private final Examples validation = Fixtures.classification(200, 5, 3, 2.0, 9);

    private TrainingPlan overfitting(EarlyStoppingSpec earlyStopping, int epochs) {
        return Fixtures.aPlan(5, Output.SOFTMAX, 3).hidden(64, Activation.RELU).hidden(64, Activation.RELU)
                .optimizer(OptimizerSpec.of(OptimizerKind.ADAM, 0.01)).batchSize(8).epochs(epochs)
                .earlyStopping(earlyStopping).build();
    }

    @Test
    void earlyStoppingStopsPatienceEpochsAfterTheBestAndRestoresTheBestWeights() {
        Runs runs = new Runs();
        TrainingOutcome outcome = Trainer.start(overfitting(EarlyStoppingSpec.stopping(Monitor.VAL_LOSS, 5, 0), 300),
                train, validation, EngineContext.DEFAULT).run(runs, () -> false);

        EpochMetrics lowest = runs.rows.stream().min(Comparator.comparing(EpochMetrics::valLoss)).orElseThrow();
        assertThat(outcome.reason()).isEqualTo(StopReason.EARLY_STOPPED);
        assertThat(outcome.bestEpoch()).isEqualTo(lowest.epoch());
        assertThat(outcome.stopEpoch()).isEqualTo(outcome.bestEpoch() + 5);
        assertThat(runs.rows).hasSize(outcome.stopEpoch());
        assertThat(outcome.restoredBestWeights()).isTrue();
        assertThat(outcome.modelEpoch()).isEqualTo(outcome.bestEpoch());
        TrainingState best = runs.bests.get(runs.bests.size() - 1);
        assertThat(best.epoch()).isEqualTo(outcome.bestEpoch());
        assertThat(outcome.model().values()).isDeepEqualTo(best.parameters());
        assertThat(outcome.detail()).startsWith("val_loss did not improve for 5 epochs; best ")
                .contains("at epoch " + outcome.bestEpoch()).contains("restored the best weights");
    }

    @Test
    void restoreBestWeightsAppliesAlsoWhenTrainingRanToTheEnd() {
        Runs runs = new Runs();
        TrainingOutcome outcome = Trainer.start(overfitting(EarlyStoppingSpec.stopping(Monitor.VAL_LOSS, 1000, 0), 60),
                train, validation, EngineContext.DEFAULT).run(runs, () -> false);

        assertThat(outcome.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(outcome.stopEpoch()).isEqualTo(60);
        assertThat(outcome.bestEpoch()).isLessThan(60);
        assertThat(outcome.restoredBestWeights()).isTrue();
        assertThat(outcome.model().values()).isDeepEqualTo(runs.bests.get(runs.bests.size() - 1).parameters());
    }

    @Test
    void withoutRestoringTheModelIsTheLastWeights() {
        EarlyStoppingSpec noRestore = new EarlyStoppingSpec(Monitor.VAL_LOSS, false, 5, 0, false, 0, null, false, true);
        Trainer trainer = Trainer.start(overfitting(noRestore, 300), train, validation, EngineContext.DEFAULT);
        TrainingOutcome outcome = trainer.run(new Runs(), () -> false);

        assertThat(outcome.restoredBestWeights()).isFalse();
        assertThat(outcome.modelEpoch()).isEqualTo(outcome.stopEpoch());
        assertThat(outcome.model().values()).isDeepEqualTo(trainer.network().values());
    }

    @Test
    void aNonFiniteLossEndsTheRunAsDivergedAtThatEpoch() {
        TrainingPlan plan = Fixtures.aPlan(5, Output.LINEAR, 1).hidden(16, Activation.RELU)
                .optimizer(OptimizerSpec.sgd(50.0)).epochs(100).build();
        Examples data = Fixtures.regression(64, 5, 1, 0.1, 4);
        Runs runs = new Runs();

        TrainingOutcome outcome = Trainer.start(plan, data, null, EngineContext.DEFAULT).run(runs, () -> false);

        assertThat(outcome.reason()).isEqualTo(StopReason.DIVERGED);
        assertThat(outcome.stopEpoch()).isLessThan(100).isEqualTo(runs.rows.size());
        assertThat(runs.rows.get(runs.rows.size() - 1).trainLoss()).isNotFinite();
        assertThat(outcome.detail()).contains("in epoch " + outcome.stopEpoch()).contains("diverged");
        assertThat(java.util.Arrays.stream(outcome.model().values()).flatMapToDouble(java.util.Arrays::stream)
                .allMatch(Double::isFinite)).as("the model holds the last finite weights").isTrue();
    }

    @Test
    void validationMonitorsNeedAValidationSplitAndTheRightTask() {
        TrainingPlan plan = overfitting(EarlyStoppingSpec.stopping(Monitor.VAL_LOSS, 5, 0), 3);
        TrainingPlan rmse = overfitting(EarlyStoppingSpec.stopping(Monitor.VAL_RMSE, 5, 0), 3);

        assertThatThrownBy(() -> Trainer.start(plan, train, null, EngineContext.DEFAULT))
                .hasMessageContaining("val_loss needs a validation split");
        assertThatThrownBy(() -> Trainer.start(rmse, train, validation, EngineContext.DEFAULT))
                .hasMessageContaining("val_rmse does not exist for this task");
    }

    @Test
    void theTrainingLoopPollsForCancellationBeforeEveryMiniBatch() {
        int[] polls = {0};
        TrainingPlan plan = overfitting(EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS), 2);

        Trainer.start(plan, train, validation, EngineContext.DEFAULT).run(TrainingListener.NONE, () -> {
            polls[0]++;
            return false;
        });

        assertThat(polls[0]).isEqualTo(2 * 5); // 40 examples in batches of 8, two epochs
    }

    @Test
    void aListenerReadsTheStateInPlaceAndKeepsOnlyWhatItCopies() {
        TrainingState[] view = new TrainingState[1];
        TrainingState[] copy = new TrainingState[1];
        double[][][] weightsAtEpoch2 = new double[1][][];
        Trainer trainer = Trainer.start(overfitting(EarlyStoppingSpec.stopping(Monitor.VAL_LOSS, 1000, 0), 5), train,
                validation, EngineContext.DEFAULT);
        trainer.run(new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics row, LiveState state) {
                if (row.epoch() == 2) {
                    view[0] = state.view();
                    copy[0] = state.copy();
                    weightsAtEpoch2[0] = trainer.network().values();
                    assertThat(StateCodec.encode(view[0])).as("a view and a copy are the same state")
                            .isEqualTo(StateCodec.encode(copy[0]));
                }
            }
        }, () -> false);

        assertThat(copy[0].parameters()).isDeepEqualTo(weightsAtEpoch2[0]);
        assertThat(view[0].parameters()).as("the view read the trainer's own buffers, which trained on")
                .isDeepEqualTo(trainer.network().values());
        assertThat(view[0].parameters()[0]).isNotEqualTo(weightsAtEpoch2[0][0]);
        assertThat(trainer.stateView().parameters()[0]).as("a double run's view copies nothing")
                .isSameAs(trainer.stateView().parameters()[0]);
    }

    @Test
    void aCopyTakenAtTheBestEpochHoldsTheWeightsOnceForBoth() {
        Runs runs = new Runs();
        Trainer.start(overfitting(EarlyStoppingSpec.stopping(Monitor.VAL_LOSS, 1000, 0), 3), train, validation,
                EngineContext.DEFAULT).run(runs, () -> false);

        TrainingState best = runs.bests.get(0);
        assertThat(best.bestParameters()).isSameAs(best.parameters());
    }
}
