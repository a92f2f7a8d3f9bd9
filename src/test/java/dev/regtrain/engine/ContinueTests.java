package dev.regtrain.engine;

import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.engine.state.StateLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Continuing a finished run by N epochs from its final state (weights, optimizer moments, schedule, random streams,
 * history) gives bit-identically the run that was asked for N more epochs at first, with any schedule that does not
 * depend on the total number of epochs.
 */
class ContinueTests {

    static Stream<Arguments> schedules() {
        return Stream.of(Arguments.of(ScheduleSpec.CONSTANT), Arguments.of(ScheduleSpec.step(4, 0.5)),
                Arguments.of(ScheduleSpec.exponential(0.9)),
                Arguments.of(ScheduleSpec.reduceOnPlateau(Monitor.TRAIN_LOSS, 0.5, 1, 0.01, 0.001)));
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void aFinishedRunContinuedByMoreEpochsIsTheLongerRunBitForBit(ScheduleSpec schedule) {
        TrainingPlan longer = Fixtures.aPlan(6, Output.SOFTMAX, 3).hiddenWithBatchNorm(10, Activation.RELU)
                .hidden(6, Activation.TANH).dropout(0.1, 0.3)
                .penalty(new PenaltySpec(0.1, 1.0, false, L1Update.PROXIMAL, 0.001, 4.0, java.util.List.of()))
                .optimizer(OptimizerSpec.of(OptimizerKind.ADAM, 0.01)).clipping(new GradientClipping(1.0, 0.5))
                .loss(new LossSpec(0.1, ClassWeights.BALANCED)).schedule(schedule).batchSize(16).epochs(12).build();
        TrainingPlan shorter = longer.withEpochs(7);
        Runs all = new Runs();
        TrainingOutcome expected = Trainer.start(longer, Runs.TRAIN, null, EngineContext.DEFAULT).run(all, () -> false);

        Trainer first = Trainer.start(shorter, Runs.TRAIN, null, EngineContext.DEFAULT);
        TrainingOutcome finished = first.run(new Runs(), () -> false);
        TrainingState last = StateCodec.decode(StateCodec.encode(first.state()), StateLimits.DEFAULT);
        Runs more = new Runs();
        TrainingOutcome continued = Trainer.resume(longer, last, Runs.TRAIN, null, EngineContext.DEFAULT)
                .run(more, () -> false);

        assertThat(finished.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(continued.model().values()).isDeepEqualTo(expected.model().values());
        assertThat(more.rows).isEqualTo(all.rows.subList(7, 12));
        assertThat(more.rows.get(0).epoch()).isEqualTo(8);
    }
}
