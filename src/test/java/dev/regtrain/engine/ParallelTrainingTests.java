package dev.regtrain.engine;

import dev.regtrain.engine.kernel.VectorKernel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.jobs.cores.SharedCores;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run whose step and products are split among threads ends bit-identical to the same run on one thread. */
class ParallelTrainingTests {

    private static final Examples DATA = Fixtures.classification(300, 150, 4, 0.5, 12);
    private static final Examples VALIDATION = Fixtures.classification(100, 150, 4, 0.5, 13);

    /**
     * About 110 000 parameters and batches of 64 × 150 inputs, so that the step, the gather and every layer's loops are
     * split; every penalty and constraint that works per element, dropout on the inputs and the hidden layers.
     */
    private static TrainingPlan plan(OptimizerKind optimizer) {
        return Fixtures.aPlan(150, Output.SOFTMAX, 4).hidden(256, Activation.RELU).hidden(256, Activation.TANH)
                .dropout(0.1, 0.3)
                .penalty(new PenaltySpec(0.5, 2.0, true, optimizer == OptimizerKind.SGD ? L1Update.SUBGRADIENT
                        : L1Update.PROXIMAL, 0.01, 3.0, List.of()))
                .optimizer(OptimizerSpec.of(optimizer, optimizer == OptimizerKind.ADAM ? 0.01 : 0.05))
                .batchSize(64).epochs(2).seed(3).build();
    }

    private static TrainingOutcome train(TrainingPlan plan, EngineContext context, Runs runs) {
        return Trainer.start(plan, DATA, VALIDATION, context).run(runs, () -> false);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"SGD", "MOMENTUM", "ADAM"})
    void aParallelStepAndParallelProductsGiveTheSequentialRunBitForBit(OptimizerKind optimizer) {
        TrainingPlan plan = plan(optimizer);
        Runs sequentialRows = new Runs();
        TrainingOutcome sequential = train(plan, EngineContext.DEFAULT.withKernel(VectorKernel.INSTANCE),
                sequentialRows);
        Runs parallelRows = new Runs();
        try (ShuffledRunner runner = new ShuffledRunner(2)) {
            EngineContext parallel = EngineContext.DEFAULT.withKernel(VectorKernel.parallel(runner)).withRunner(runner);
            TrainingOutcome outcome = train(plan, parallel, parallelRows);

            assertThat(outcome.model().values()).isDeepEqualTo(sequential.model().values());
            assertThat(parallelRows.rows).isEqualTo(sequentialRows.rows);
            long values = Network.zeros(plan.network()).parameters().stream().mapToLong(Parameter::size).sum();
            assertThat(values / ParameterUpdate.VALUES_PER_PART).as("the update is split").isGreaterThanOrEqualTo(2);
            assertThat(64 * 150 / WorkspaceParts.PARALLEL_MIN_ELEMENTS).as("the gather is split").isGreaterThanOrEqualTo(2);
        }
    }

    /**
     * Batch normalisation, clipping by norm (whose norm is summed over columns that different threads filled), class
     * weights, label smoothing and a schedule: still the sequential run's bits.
     */
    @Test
    void theTrainingDepthOptionsGiveTheSequentialRunBitForBitToo() {
        TrainingPlan plan = Fixtures.aPlan(150, Output.SOFTMAX, 4).hiddenWithBatchNorm(256, Activation.RELU)
                .hiddenWithBatchNorm(256, Activation.TANH).dropout(0.1, 0.3)
                .penalty(new PenaltySpec(0.5, 2.0, true, L1Update.SUBGRADIENT, 0.01, 3.0, List.of(), true))
                .clipping(new GradientClipping(0.5, 0.05)).loss(new LossSpec(0.1, ClassWeights.BALANCED))
                .schedule(ScheduleSpec.exponential(0.7)).optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.05))
                .batchSize(64).epochs(2).seed(3).build();
        Runs sequentialRows = new Runs();
        TrainingOutcome sequential = train(plan, EngineContext.DEFAULT.withKernel(VectorKernel.INSTANCE),
                sequentialRows);
        Runs parallelRows = new Runs();
        try (ShuffledRunner runner = new ShuffledRunner(2)) {
            EngineContext parallel = EngineContext.DEFAULT.withKernel(VectorKernel.parallel(runner)).withRunner(runner);
            TrainingOutcome outcome = train(plan, parallel, parallelRows);

            assertThat(outcome.model().values()).isDeepEqualTo(sequential.model().values());
            assertThat(parallelRows.rows).isEqualTo(sequentialRows.rows);
        }
    }

    /**
     * The service's policy (all cores for a lone job, one per job when several train) switches a running job from
     * parallel to sequential and back; the job's numbers do not change.
     */
    @Test
    void aJobThatIsJoinedAndLeftBySecondJobEndsAsIfItHadTrainedAlone() {
        TrainingPlan plan = Fixtures.aPlan(150, Output.SOFTMAX, 4).hidden(256, Activation.RELU).dropout(0.1, 0.3)
                .l2(1.0).optimizer(OptimizerSpec.of(OptimizerKind.ADAM, 0.01)).batchSize(64).epochs(3).seed(8).build();
        Runs alone = new Runs();
        TrainingOutcome sequential = train(plan, EngineContext.DEFAULT.withKernel(VectorKernel.INSTANCE), alone);

        try (SharedCores cores = new SharedCores(2); SharedCores.Training job = cores.training()) {
            Runs shared = new Runs();
            TrainingListener joinedAndLeft = new TrainingListener() {
                private SharedCores.Training other;

                @Override
                public void onBest(LiveState best) {
                    shared.onBest(best);
                }

                @Override
                public void onEpoch(EpochMetrics row, LiveState state) {
                    shared.onEpoch(row, state);
                    if (row.epoch() == 1) {
                        other = cores.training();
                    } else if (row.epoch() == 2) {
                        other.close();
                    }
                }
            };
            EngineContext context = EngineContext.DEFAULT.withKernel(VectorKernel.parallel(cores)).withRunner(cores);
            TrainingOutcome outcome = Trainer.start(plan, DATA, VALIDATION, context).run(joinedAndLeft, () -> false);

            assertThat(outcome.model().values()).isDeepEqualTo(sequential.model().values());
            assertThat(shared.rows).isEqualTo(alone.rows);
        }
    }
}
