package dev.regtrain.engine;

import dev.regtrain.engine.kernel.Kernels;
import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.OjalgoKernel;
import dev.regtrain.engine.kernel.VectorKernel;
import dev.regtrain.engine.kernel.Sparsity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training with the vector kernel: the same weights as with the ojalgo kernel up to rounding (the two sum in different
 * orders, and training could amplify that, so the run is short: 3 epochs, where the measured difference is ~3e−16),
 * and bit-identical from run to run.
 */
class VectorTrainingTests {

    private static final Examples DATA = Fixtures.classification(600, 20, 4, 0.5, 9);

    /** Two hidden layers, dropout on the inputs and both hidden layers, L2, a ragged last batch. */
    private static TrainingPlan plan(OptimizerKind optimizer) {
        return Fixtures.aPlan(20, Output.SOFTMAX, 4).hidden(48, Activation.RELU).hidden(24, Activation.TANH)
                .dropout(0.1, 0.3).l2(1.0)
                .optimizer(OptimizerSpec.of(optimizer, optimizer == OptimizerKind.ADAM ? 0.01 : 0.05))
                .batchSize(35).epochs(3).seed(5).build();
    }

    /** Two relu layers of 64 and 48 units behind dropout: most of δ is zero, and some units are flat. */
    private static TrainingPlan reluPlan(OptimizerKind optimizer, double inputDropout, int batchSize, int epochs,
                                         long seed) {
        return Fixtures.aPlan(20, Output.SOFTMAX, 4).hidden(64, Activation.RELU).hidden(48, Activation.RELU)
                .dropout(inputDropout, 0.5).l2(1.0)
                .optimizer(OptimizerSpec.of(optimizer, optimizer == OptimizerKind.ADAM ? 0.01 : 0.05))
                .batchSize(batchSize).epochs(epochs).seed(seed).build();
    }

    /** The final weights and the per-epoch metrics of a run. */
    private record Run(double[][] weights, List<EpochMetrics> rows) {
    }

    private static Run train(TrainingPlan plan, MatrixKernel kernel) {
        Runs runs = new Runs();
        TrainingOutcome outcome = Trainer.start(plan, DATA, null, EngineContext.DEFAULT.withKernel(kernel))
                .run(runs, () -> false);
        return new Run(outcome.model().values(), runs.rows);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"MOMENTUM", "ADAM"})
    void aShortRunEndsWithTheOjalgoKernelsWeightsToWithin1eMinus12(OptimizerKind optimizer) {
        Run ojalgo = train(plan(optimizer), OjalgoKernel.INSTANCE);
        Run vector = train(plan(optimizer), Kernels.select("vector"));

        double[][] expected = ojalgo.weights();
        double[][] actual = vector.weights();
        assertThat(Fixtures.relativeError(actual, expected)).isLessThan(1e-12);
        assertThat(vector.rows()).hasSize(3);
        for (int e = 0; e < 3; e++) {
            assertThat(vector.rows().get(e).trainLoss()).isCloseTo(ojalgo.rows().get(e).trainLoss(),
                    withinPercentage(1e-10));
        }
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"MOMENTUM", "ADAM"})
    void theVectorKernelTrainsBitIdenticallyFromRunToRun(OptimizerKind optimizer) {
        Run first = train(plan(optimizer), Kernels.select("vector"));
        Run second = train(plan(optimizer), Kernels.select("vector"));

        assertThat(second.weights()).isDeepEqualTo(first.weights());
        assertThat(second.rows()).isEqualTo(first.rows());
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"MOMENTUM", "ADAM"})
    void weightGradientsOnTheSparsePathTrainTheDenseTilesBits(OptimizerKind optimizer) {
        // relu and dropout leave most of δ zero; 64 and 48 units give the weight gradients of layers 2 and 3 at
        // least a group of rows, so the default policy takes the sparse path where B is sparse enough
        TrainingPlan plan = reluPlan(optimizer, 0.1, 35, 3, 5);
        Run dense = train(plan, VectorKernel.INSTANCE.dense());
        Run always = train(plan, VectorKernel.INSTANCE.withSparsity(Sparsity.ALWAYS));
        Run byDefault = train(plan, VectorKernel.INSTANCE);

        assertThat(always.weights()).isDeepEqualTo(dense.weights());
        assertThat(always.rows()).isEqualTo(dense.rows());
        assertThat(byDefault.weights()).isDeepEqualTo(dense.weights());
        assertThat(byDefault.rows()).isEqualTo(dense.rows());
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"MOMENTUM", "ADAM"})
    void unitsFlatForAWholeBatchAreSkippedWithTheDenseKernelsBits(OptimizerKind optimizer) {
        // batches of 4 with dropout 0.5 behind relu: about a third of the units are zero in every row of a batch,
        // so the forward products skip their columns and the backward products their columns of δ
        TrainingPlan plan = reluPlan(optimizer, 0.0, 4, 2, 6);
        Run dense = train(plan, VectorKernel.INSTANCE.dense());
        Run skipping = train(plan, VectorKernel.INSTANCE);

        assertThat(skipping.weights()).isDeepEqualTo(dense.weights());
        assertThat(skipping.rows()).isEqualTo(dense.rows());
    }
}
