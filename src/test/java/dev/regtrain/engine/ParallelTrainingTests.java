package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        Runs sequentialRows = new Runs();
        TrainingOutcome sequential = train(plan(optimizer), EngineContext.DEFAULT.withKernel(VectorKernel.INSTANCE),
                sequentialRows);
        Runs parallelRows = new Runs();
        try (ShuffledRunner runner = new ShuffledRunner(2)) {
            EngineContext parallel = EngineContext.DEFAULT.withKernel(VectorKernel.parallel(runner)).withRunner(runner);
            TrainingOutcome outcome = train(plan(optimizer), parallel, parallelRows);

            assertThat(outcome.model().values()).isDeepEqualTo(sequential.model().values());
            assertThat(parallelRows.rows).isEqualTo(sequentialRows.rows);
            long values = Network.zeros(plan(optimizer).network()).parameters().stream().mapToLong(Parameter::size).sum();
            assertThat(values / Trainer.UPDATE_VALUES_PER_PART).as("the update is split").isGreaterThanOrEqualTo(2);
            assertThat(64 * 150 / Workspace.PARALLEL_MIN_ELEMENTS).as("the gather is split").isGreaterThanOrEqualTo(2);
        }
    }
}
