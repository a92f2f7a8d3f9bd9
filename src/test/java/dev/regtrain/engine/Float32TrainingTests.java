package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.engine.kernel.Kernels;
import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.OjalgoKernel;
import dev.regtrain.engine.kernel.VectorKernel;
import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.engine.state.StateLimits;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training in single precision: every value it keeps is a float, it is bit-identical from run to run, on any number
 * of threads and across a stop and resume, and it ends near the double-precision run of the same plan.
 */
class Float32TrainingTests {

    private static final Examples TRAIN = Fixtures.classification(600, 20, 4, 0.5, 9);
    private static final Examples VALIDATION = Fixtures.classification(300, 20, 4, 0.5, 10);

    /** Relu layers behind dropout (sparse δ, flat units), L2, a ragged last batch. */
    private static TrainingPlan plan(OptimizerKind optimizer, Precision precision) {
        return plan(optimizer, precision, Monitor.VAL_LOSS);
    }

    private static TrainingPlan plan(OptimizerKind optimizer, Precision precision, Monitor monitor) {
        return Fixtures.aPlan(20, Output.SOFTMAX, 4).hidden(64, Activation.RELU).hidden(48, Activation.RELU)
                .dropout(0.1, 0.5).l2(1.0)
                .optimizer(OptimizerSpec.of(optimizer, optimizer == OptimizerKind.ADAM ? 0.01 : 0.05))
                .earlyStopping(EarlyStoppingSpec.trackingOnly(monitor))
                .batchSize(35).epochs(4).seed(5).build().withPrecision(precision);
    }

    private static TrainingOutcome train(TrainingPlan plan, EngineContext context, Runs runs) {
        return Trainer.start(plan, TRAIN, VALIDATION, context).run(runs, () -> false);
    }

    private static EngineContext vector() {
        return EngineContext.DEFAULT.withKernel(Kernels.select("vector"));
    }

    private static boolean allFloats(double[][] blocks) {
        for (double[] block : blocks) {
            for (double v : block) {
                if ((float) v != v) {
                    return false;
                }
            }
        }
        return true;
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class)
    void everyValueAFloat32RunKeepsIsAFloat(OptimizerKind optimizer) {
        Runs runs = new Runs(2);
        TrainingOutcome outcome = train(plan(optimizer, Precision.FLOAT32), vector(), runs);
        TrainingState state = runs.states.get(0);

        assertThat(state.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(allFloats(outcome.model().values())).isTrue();
        assertThat(allFloats(state.parameters())).isTrue();
        assertThat(allFloats(state.optimizer().slots())).isTrue();
        assertThat(allFloats(state.bestParameters())).isTrue();
        Runs doubles = new Runs(2);
        train(plan(optimizer, Precision.FLOAT64), vector(), doubles);
        assertThat(allFloats(doubles.states.get(0).parameters())).as("a float64 run's values are not floats")
                .isFalse();
    }

    @Test
    void aFloat32RunIsBitIdenticalFromRunToRunAndOnAnyNumberOfThreads() {
        try (ShuffledRunner three = new ShuffledRunner(3)) {
            TrainingPlan plan = plan(OptimizerKind.MOMENTUM, Precision.FLOAT32);
            Runs first = new Runs();
            Runs second = new Runs();
            Runs threads = new Runs();
            TrainingOutcome a = train(plan, vector(), first);
            TrainingOutcome b = train(plan, vector(), second);
            TrainingOutcome c = train(plan, EngineContext.DEFAULT.withKernel(Kernels.select("vector", three))
                    .withRunner(three), threads);
            TrainingOutcome dense = train(plan, EngineContext.DEFAULT.withKernel(
                    ((VectorKernel) Kernels.select("vector")).dense()), new Runs());

            assertThat(b.model().values()).isDeepEqualTo(a.model().values());
            assertThat(second.rows).isEqualTo(first.rows);
            assertThat(c.model().values()).as("three threads").isDeepEqualTo(a.model().values());
            assertThat(threads.rows.stream().map(r -> r.withSeconds(0)).toList())
                    .isEqualTo(first.rows.stream().map(r -> r.withSeconds(0)).toList());
            assertThat(dense.model().values()).as("without skipping zeros").isDeepEqualTo(a.model().values());
            assertThat(three.runs).isGreaterThan(0);
        }
    }

    @ParameterizedTest(name = "{0} resumed after epoch {1}")
    @CsvSource({"MOMENTUM, 1", "ADAM, 2", "NESTEROV, 3", "SGD, 2"})
    void aFloat32RunResumedFromItsSerialisedStateEndsBitIdentical(OptimizerKind optimizer, int k) {
        TrainingPlan plan = Runs.richPlan(optimizer, 6).withPrecision(Precision.FLOAT32);
        Runs uninterrupted = new Runs(k);
        TrainingOutcome expected = Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(uninterrupted, () -> false);

        TrainingState restored = StateCodec.decode(StateCodec.encode(uninterrupted.states.get(0)),
                StateLimits.DEFAULT);
        Runs continued = new Runs();
        TrainingOutcome actual = Trainer.resume(plan, restored, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(continued, () -> false);

        assertThat(restored.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(actual.model().values()).isDeepEqualTo(expected.model().values());
        assertThat(continued.rows).isEqualTo(uninterrupted.rows.subList(k, 6));
    }

    @Test
    void aStateIsNotResumedInAnotherPrecision() {
        Runs runs = new Runs(1);
        TrainingPlan plan = Runs.richPlan(OptimizerKind.MOMENTUM, 2);
        Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT).run(runs, () -> false);

        assertThatThrownBy(() -> Trainer.resume(plan.withPrecision(Precision.FLOAT32), runs.states.get(0), Runs.TRAIN,
                Runs.VALIDATION, EngineContext.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("float64");
    }

    @Test
    void examplesHeldInFloat32TrainBitIdenticallyToTheSameExamplesGivenInDouble() {
        TrainingPlan plan = plan(OptimizerKind.MOMENTUM, Precision.FLOAT32, Monitor.TRAIN_LOSS); // J over train too
        Examples train = TRAIN.inPrecision(Precision.FLOAT32);
        Examples validation = VALIDATION.inPrecision(Precision.FLOAT32);
        Runs fromDoubles = new Runs();
        Runs fromFloats = new Runs();
        TrainingOutcome a = Trainer.start(plan, TRAIN, VALIDATION, vector()).run(fromDoubles, () -> false);
        TrainingOutcome b = Trainer.start(plan, train, validation, vector()).run(fromFloats, () -> false);

        assertThat(train.values()).isInstanceOf(FeatureValues.Floats.class);
        assertThat(b.model().values()).isDeepEqualTo(a.model().values());
        assertThat(fromFloats.rows.stream().map(r -> r.withSeconds(0)).toList())
                .isEqualTo(fromDoubles.rows.stream().map(r -> r.withSeconds(0)).toList());
        assertThatThrownBy(() -> Trainer.start(plan.withPrecision(Precision.FLOAT64), train, validation, vector()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("examples held in float32 cannot train in float64");
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"MOMENTUM", "ADAM"})
    void aShortFloat32RunEndsNearTheFloat64RunOnEitherKernel(OptimizerKind optimizer) {
        for (MatrixKernel kernel : List.of(OjalgoKernel.INSTANCE, Kernels.select("vector"))) {
            EngineContext context = EngineContext.DEFAULT.withKernel(kernel);
            Runs singles = new Runs();
            Runs doubles = new Runs();
            double[][] single = train(plan(optimizer, Precision.FLOAT32), context, singles).model().values();
            double[][] reference = train(plan(optimizer, Precision.FLOAT64), context, doubles).model().values();

            assertThat(Fixtures.relativeError(single, reference)).as(kernel.name()).isLessThan(1e-4)
                    .isGreaterThan(0);
            for (int e = 0; e < 4; e++) {
                assertThat(singles.rows.get(e).trainLoss()).as(kernel.name() + ", epoch " + (e + 1))
                        .isCloseTo(doubles.rows.get(e).trainLoss(), org.assertj.core.api.Assertions.withinPercentage(0.01));
            }
        }
    }

    /** Accuracy after the same epochs within half a point of float64 (issue 22), on a larger generated problem. */
    @Test
    void aLongerFloat32RunReachesTheFloat64AccuracyWithinHalfAPoint() {
        Examples all = Fixtures.classification(6000, 30, 5, 0.6, 21); // one teacher for both splits
        Examples train = all.rows(0, 4000);
        Examples validation = all.rows(4000, 6000);
        TrainingPlan plan = Fixtures.aPlan(30, Output.SOFTMAX, 5).hidden(96, Activation.RELU)
                .hidden(48, Activation.RELU).dropout(0, 0.3).l2(2.0)
                .optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.02))
                .earlyStopping(EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS)).batchSize(64).epochs(12).seed(3)
                .build();
        EngineContext context = vector();
        Runs singles = new Runs();
        Runs doubles = new Runs();
        Trainer.start(plan.withPrecision(Precision.FLOAT32), train, validation, context).run(singles, () -> false);
        Trainer.start(plan, train, validation, context).run(doubles, () -> false);

        double single = singles.rows.get(11).valAccuracy();
        double reference = doubles.rows.get(11).valAccuracy();
        assertThat(reference).as("the problem is learnt").isGreaterThan(0.8);
        assertThat(single).isCloseTo(reference, org.assertj.core.api.Assertions.within(0.005));
    }
}
