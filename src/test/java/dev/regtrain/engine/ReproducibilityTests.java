package dev.regtrain.engine;

import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.engine.state.StateLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Same plan, data and seed: bit-identical weights and metrics, whether a run is interrupted or not. */
class ReproducibilityTests {

    private static TrainingOutcome run(TrainingPlan plan, Runs listener) {
        return Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT).run(listener, () -> false);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class)
    void theSameSeedGivesBitIdenticalWeightsAndMetrics(OptimizerKind optimizer) {
        TrainingPlan plan = Runs.richPlan(optimizer, 12);
        Runs first = new Runs();
        Runs second = new Runs();

        TrainingOutcome a = run(plan, first);
        TrainingOutcome b = run(plan, second);

        assertThat(b.model().values()).isDeepEqualTo(a.model().values());
        assertThat(second.rows).isEqualTo(first.rows);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class)
    void anotherSeedGivesOtherWeights(OptimizerKind optimizer) {
        TrainingPlan plan = Runs.richPlan(optimizer, 2);
        TrainingOutcome a = run(plan, new Runs());
        TrainingOutcome b = run(new TrainingPlan(plan.network(), plan.optimizer(), plan.penalty(), plan.dropout(),
                plan.earlyStopping(), plan.epochs(), plan.batchSize(), plan.shuffle(), plan.seed() + 1), new Runs());

        assertThat(b.model().values()[0]).isNotEqualTo(a.model().values()[0]);
    }

    @ParameterizedTest(name = "{0} resumed after epoch {1}")
    @CsvSource({"MOMENTUM, 1", "MOMENTUM, 6", "ADAM, 1", "ADAM, 6", "NESTEROV, 6", "SGD, 6"})
    void aRunResumedFromItsSerialisedStateEndsBitIdentical(OptimizerKind optimizer, int k) {
        TrainingPlan plan = Runs.richPlan(optimizer, 12);
        Runs uninterrupted = new Runs(k);
        TrainingOutcome expected = run(plan, uninterrupted);

        byte[] bytes = StateCodec.encode(uninterrupted.states.get(0));
        TrainingState restored = StateCodec.decode(bytes, StateLimits.DEFAULT);
        Runs continued = new Runs();
        TrainingOutcome actual = Trainer.resume(plan, restored, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(continued, () -> false);

        assertThat(actual.model().values()).isDeepEqualTo(expected.model().values());
        assertThat(actual.reason()).isEqualTo(expected.reason());
        assertThat(actual.bestEpoch()).isEqualTo(expected.bestEpoch());
        assertThat(actual.detail()).isEqualTo(expected.detail());
        assertThat(continued.rows).isEqualTo(uninterrupted.rows.subList(k, uninterrupted.rows.size()));
    }

    @org.junit.jupiter.api.Test
    void aRunResumedFromTheStateAtWhichEarlyStoppingEndedItEndsThereAgain() {
        TrainingPlan plan = Fixtures.aPlan(6, Output.SOFTMAX, 3).hidden(12, Activation.RELU)
                .optimizer(OptimizerSpec.of(OptimizerKind.ADAM, 0.05))
                .earlyStopping(EarlyStoppingSpec.stopping(Monitor.VAL_LOSS, 2, 0))
                .batchSize(7).epochs(200).seed(2025).build();
        Trainer uninterrupted = Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT);
        TrainingOutcome expected = uninterrupted.run(new Runs(), () -> false);
        TrainingState last = StateCodec.decode(StateCodec.encode(uninterrupted.state()), StateLimits.DEFAULT);

        Runs continued = new Runs();
        TrainingOutcome actual = Trainer.resume(plan, last, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(continued, () -> false);

        assertThat(expected.reason()).isEqualTo(StopReason.EARLY_STOPPED);
        assertThat(expected.stopEpoch()).isLessThan(200);
        assertThat(continued.rows).as("no epoch is trained past the stop").isEmpty();
        assertThat(actual.reason()).isEqualTo(StopReason.EARLY_STOPPED);
        assertThat(actual.stopEpoch()).isEqualTo(expected.stopEpoch());
        assertThat(actual.detail()).isEqualTo(expected.detail());
        assertThat(actual.model().values()).isDeepEqualTo(expected.model().values());
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"MOMENTUM", "ADAM"})
    void aRunCancelledMidEpochRollsBackToTheEpochBoundaryAndResumesBitIdentical(OptimizerKind optimizer) {
        TrainingPlan plan = Runs.richPlan(optimizer, 10);
        TrainingOutcome expected = run(plan, new Runs());
        AtomicInteger batches = new AtomicInteger();
        int stopAtBatch = 13 * 4 + 5; // 13 batches per epoch: stop in the middle of epoch 5

        Trainer interrupted = Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT);
        TrainingOutcome cancelled = interrupted.run(new Runs(), () -> batches.incrementAndGet() > stopAtBatch);
        TrainingState state = StateCodec.decode(StateCodec.encode(interrupted.state()), StateLimits.DEFAULT);
        TrainingOutcome resumed = Trainer.resume(plan, state, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(new Runs(), () -> false);

        assertThat(cancelled.reason()).isEqualTo(StopReason.CANCELLED);
        assertThat(cancelled.stopEpoch()).isEqualTo(4);
        assertThat(state.epoch()).isEqualTo(4);
        assertThat(resumed.model().values()).isDeepEqualTo(expected.model().values());
    }
}
