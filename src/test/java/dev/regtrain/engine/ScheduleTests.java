package dev.regtrain.engine;

import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.engine.state.StateLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Learning-rate schedules: each epoch's α against MATH.md's formulas, and their state across a resume. */
class ScheduleTests {

    private static List<Double> rates(TrainingPlan plan) {
        Runs runs = new Runs();
        Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT).run(runs, () -> false);
        return runs.rows.stream().map(EpochMetrics::learningRate).toList();
    }

    private static Fixtures.PlanBuilder plan(ScheduleSpec schedule, int epochs) {
        return Fixtures.aPlan(6, Output.SOFTMAX, 3).hidden(8, Activation.TANH).optimizer(OptimizerSpec.sgd(0.2))
                .schedule(schedule).epochs(epochs);
    }

    @Test
    void aStepScheduleMultipliesByItsFactorEveryFewEpochs() {
        List<Double> rates = rates(plan(ScheduleSpec.step(3, 0.5), 8).build());

        for (int e = 1; e <= 8; e++) {
            assertThat(rates.get(e - 1)).as("epoch %d", e).isEqualTo(0.2 * Math.pow(0.5, Math.floor((e - 1) / 3.0)));
        }
    }

    @Test
    void anExponentialScheduleMultipliesByItsFactorEveryEpoch() {
        List<Double> rates = rates(plan(ScheduleSpec.exponential(0.9), 6).build());

        for (int e = 1; e <= 6; e++) {
            assertThat(rates.get(e - 1)).as("epoch %d", e).isCloseTo(0.2 * Math.pow(0.9, e - 1), within(1e-16));
        }
    }

    @Test
    void aCosineScheduleWarmsUpLinearlyThenFallsFromTheFullRateToTheMinimumAtTheLastEpoch() {
        int epochs = 10;
        int warmup = 3;
        List<Double> rates = rates(plan(ScheduleSpec.cosine(0.01, warmup), epochs).build());

        assertThat(rates.get(0)).isCloseTo(0.2 / 3, within(1e-16));
        assertThat(rates.get(1)).isCloseTo(0.2 * 2 / 3, within(1e-16));
        assertThat(rates.get(2)).isEqualTo(0.2);
        assertThat(rates.get(warmup)).as("the first epoch after the warm-up").isEqualTo(0.2);
        assertThat(rates.get(epochs - 1)).as("the last epoch").isCloseTo(0.01, within(1e-15));
        for (int e = warmup + 1; e <= epochs; e++) {
            double t = e - warmup - 1;
            double total = epochs - warmup - 1;
            assertThat(rates.get(e - 1)).as("epoch %d", e)
                    .isCloseTo(0.01 + 0.5 * (0.2 - 0.01) * (1 + Math.cos(Math.PI * t / total)), within(1e-15));
        }
    }

    @Test
    void aCosineScheduleWithNoEpochsAfterItsWarmUpKeepsTheFullRate() {
        assertThat(rates(plan(ScheduleSpec.cosine(0.01, 4), 5).build()).get(4)).isEqualTo(0.2);
    }

    @Test
    void reduceOnPlateauCutsTheRateAfterPatienceEpochsWithoutImprovementAndCountsAfresh() {
        // A monitor that only improves in epochs 1, 2 and 7, patience 2, factor 0.5, floor 0.03: reductions after
        // epochs 4 and 6 (patience counted afresh after 4), none after 7, after 9 only down to the floor, where it
        // stays after 11 and 13.
        ScheduleSpec spec = ScheduleSpec.reduceOnPlateau(Monitor.VAL_LOSS, 0.5, 2, 0.0, 0.03);
        LearningRateSchedule schedule = new LearningRateSchedule(spec, 0.2, 100, ScheduleState.INITIAL);
        double[] values = {1.0, 0.9, 0.95, 0.91, 0.92, 0.93, 0.5, 0.6, 0.6, 0.7, 0.7, 0.8, 0.8};
        double[] expected = {0.2, 0.2, 0.2, 0.2, 0.1, 0.1, 0.05, 0.05, 0.05, 0.03, 0.03, 0.03, 0.03};
        for (int e = 1; e <= values.length; e++) {
            assertThat(schedule.rate(e)).as("epoch %d", e).isEqualTo(expected[e - 1]);
            schedule.observe(e, rowWithValidationLoss(e, values[e - 1]));
        }
    }

    @Test
    void reduceOnPlateauFollowsImprovementAsEarlyStoppingDefinesIt() {
        // minDelta 0.1: 0.95 is no improvement on 1.0, so patience 1 cuts the rate at once.
        ScheduleSpec spec = ScheduleSpec.reduceOnPlateau(Monitor.VAL_ACCURACY, 0.1, 1, 0.1, 0.0);
        LearningRateSchedule schedule = new LearningRateSchedule(spec, 1.0, 100, ScheduleState.INITIAL);
        schedule.observe(1, rowWithValidationAccuracy(1, 0.5));
        schedule.observe(2, rowWithValidationAccuracy(2, 0.65)); // improves by more than 0.1 (mode max)
        assertThat(schedule.rate(3)).isEqualTo(1.0);
        schedule.observe(3, rowWithValidationAccuracy(3, 0.7)); // +0.05: not an improvement
        assertThat(schedule.rate(4)).isCloseTo(0.1, within(1e-16));
    }

    private static EpochMetrics rowWithValidationLoss(int epoch, double value) {
        return new EpochMetrics(epoch, 0, 0, 0, 0, 0, 0, 0, null, value, null, null, null, List.of());
    }

    private static EpochMetrics rowWithValidationAccuracy(int epoch, double value) {
        return new EpochMetrics(epoch, 0, 0, 0, 0, 0, 0, 0, null, 1.0, value, null, null, List.of());
    }

    @Test
    void aPlateauScheduleInATrainingRunLowersTheRateWhenTheTrainingObjectiveStalls() {
        // No epoch after the first improves by minDelta = 10: with patience 1 every later epoch halves α.
        TrainingPlan plan = plan(ScheduleSpec.reduceOnPlateau(Monitor.TRAIN_LOSS, 0.5, 1, 10.0, 0.0), 4).build();

        assertThat(rates(plan)).containsExactly(0.2, 0.2, 0.1, 0.05);
    }

    @Test
    void aPlateauScheduleOnAValidationMonitorNeedsAValidationSplit() {
        TrainingPlan plan = plan(ScheduleSpec.reduceOnPlateau(Monitor.VAL_LOSS, 0.5, 1, 0, 0), 2).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trainer.start(plan, Runs.TRAIN, null,
                EngineContext.DEFAULT)).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "val_loss needs a validation split");
    }

    static Stream<Arguments> schedules() {
        return Stream.of(Arguments.of(ScheduleSpec.CONSTANT), Arguments.of(ScheduleSpec.step(2, 0.5)),
                Arguments.of(ScheduleSpec.exponential(0.8)), Arguments.of(ScheduleSpec.cosine(0.001, 2)),
                Arguments.of(ScheduleSpec.reduceOnPlateau(Monitor.VAL_LOSS, 0.5, 1, 0.001, 0.001)));
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void aRunResumedFromItsSerialisedStateKeepsItsScheduleAndEndsBitIdentical(ScheduleSpec schedule) {
        TrainingPlan plan = plan(schedule, 9).hiddenWithBatchNorm(5, Activation.RELU).dropout(0.1, 0.2)
                .optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.2)).batchSize(7).build();
        Runs uninterrupted = new Runs(4);
        TrainingOutcome expected = Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(uninterrupted, () -> false);

        TrainingState restored = StateCodec.decode(StateCodec.encode(uninterrupted.states.get(0)),
                StateLimits.DEFAULT);
        Runs continued = new Runs();
        TrainingOutcome actual = Trainer.resume(plan, restored, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(continued, () -> false);

        assertThat(restored.schedule()).isEqualTo(uninterrupted.states.get(0).schedule());
        assertThat(actual.model().values()).isDeepEqualTo(expected.model().values());
        assertThat(continued.rows).isEqualTo(uninterrupted.rows.subList(4, 9));
    }
}
