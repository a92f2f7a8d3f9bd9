package dev.regtrain.jobs.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.Activation;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.PenaltySpec;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.TrainingPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The estimate's arithmetic, against sizes worked out by hand (MemoryEstimateIT holds it to measured peaks). */
class MemoryEstimateTests {

    private static final long MIB = 1 << 20;

    private static TrainingPlan plan(int inputs, int hidden, int outputs, OptimizerKind optimizer, int batch) {
        return plan(inputs, new LayerSpec(hidden, Activation.RELU), outputs, optimizer, batch);
    }

    private static TrainingPlan plan(int inputs, LayerSpec hidden, int outputs, OptimizerKind optimizer, int batch) {
        NetworkSpec spec = new NetworkSpec(inputs, List.of(hidden), Output.LINEAR, outputs, Initialization.HE);
        return new TrainingPlan(spec, OptimizerSpec.of(optimizer, 0.01), PenaltySpec.NONE, DropoutSpec.none(1),
                EarlyStoppingSpec.trackingOnly(Monitor.TRAIN_LOSS), 10, batch, true, 1);
    }

    private static MemoryEstimate estimate(TrainingPlan plan, long regionBytes) {
        return MemoryEstimate.of(plan, 1000, 800, 800, false, regionBytes);
    }

    /** 20 → 32 → 1: W1, b1, W2, b2 of 640, 32, 32 and 1 values, each an array with a 16-byte header. */
    private static final long ONE_COPY = (8 * 640 + 16) + (8 * 32 + 16) + (8 * 32 + 16) + (8 + 16);

    @Test
    void eachSlotOfTheOptimizerIsTwoCopiesOfTheParametersWhileTrainingAndOneMoreAtACheckpoint() {
        MemoryEstimate sgd = estimate(plan(20, 32, 1, OptimizerKind.SGD, 50), 0);
        MemoryEstimate momentum = estimate(plan(20, 32, 1, OptimizerKind.MOMENTUM, 50), 0);
        MemoryEstimate adam = estimate(plan(20, 32, 1, OptimizerKind.ADAM, 50), 0);

        assertThat(sgd.parameterBytes()).as("weights, gradients, best, epoch start").isEqualTo(4 * ONE_COPY);
        assertThat(sgd.checkpointBytes()).as("a kept best and the outcome's weights").isEqualTo(2 * ONE_COPY);
        assertThat(momentum.parameterBytes()).isEqualTo(6 * ONE_COPY);
        assertThat(momentum.checkpointBytes()).isEqualTo(3 * ONE_COPY);
        assertThat(adam.parameterBytes()).isEqualTo(8 * ONE_COPY);
        assertThat(adam.checkpointBytes()).isEqualTo(4 * ONE_COPY);
        assertThat(adam.batchBytes()).as("the optimizer has no buffers per batch").isEqualTo(sgd.batchBytes());
    }

    @Test
    void inFloat32TheNetworkItsWorkspacesAndTheFeaturesAreCountedInFloatsTheTargetsAndCheckpointsInDoubles() {
        TrainingPlan doubles = plan(20, 32, 1, OptimizerKind.MOMENTUM, 50);
        TrainingPlan floats = doubles.withPrecision(Precision.FLOAT32);
        long oneCopyInFloats = (4 * 640 + 16) + (4 * 32 + 16) + (4 * 32 + 16) + (4 + 16);

        MemoryEstimate f64 = estimate(doubles, 0);
        MemoryEstimate f32 = estimate(floats, 0);

        assertThat(f32.parameterBytes()).isEqualTo(6 * oneCopyInFloats);
        assertThat(f32.checkpointBytes()).as("a training state holds doubles").isEqualTo(f64.checkpointBytes());
        long features = 1000 * 20; // 800 training and 200 validation rows of 20 inputs
        assertThat(f64.dataBytes() - f32.dataBytes()).as("the features are floats, the targets doubles")
                .isEqualTo(4 * features);
        assertThat(f32.loadingBytes()).isEqualTo(f64.loadingBytes());
        assertThat(f32.batchBytes()).isLessThan(f64.batchBytes()).isGreaterThan(f64.batchBytes() * 4 / 10);
        assertThat(f32.validationBytes()).isLessThan(f64.validationBytes());
    }

    @Test
    void anArrayOfHalfARegionOrMoreTakesWholeRegions() {
        TrainingPlan plan = plan(256, 1024, 1, OptimizerKind.SGD, 50); // W1 is 2 MiB (and a header): 3 regions

        long unrounded = estimate(plan, 0).parameterBytes();
        long inRegions = estimate(plan, MIB).parameterBytes();

        assertThat(inRegions - unrounded).isEqualTo(4 * (3 * MIB - (2 * MIB + 16)));
    }

    @Test
    void theDataIsCountedTwiceWhilePreparedAndOnceWhileTraining() {
        TrainingPlan plan = plan(100, 4, 1, OptimizerKind.SGD, 100);
        MemoryEstimate estimate = MemoryEstimate.of(plan, 100_000, 100_000, 100_000, false, 0);

        assertThat(estimate.loadingBytes()).isEqualTo((8 * 10_000_000 + 16) + (8 * 100_000 + 16));
        long preparing = estimate.loadingBytes() + estimate.dataBytes() + estimate.checkpointBytes();
        long arrays = preparing + estimate.historyBytes();
        assertThat(estimate.bytes()).as("preparing dominates a tiny network")
                .isEqualTo(arrays + arrays / 8 + MemoryEstimate.FIXED_BYTES);
    }

    @Test
    void batchNormalisationAddsItsBlocksToEveryCopyAndItsNormalisedValuesToEveryTrainingWorkspace() {
        MemoryEstimate plain = estimate(plan(20, new LayerSpec(32, Activation.RELU), 1, OptimizerKind.SGD, 50), 0);
        MemoryEstimate normalised = estimate(plan(20, new LayerSpec(32, Activation.RELU, true), 1, OptimizerKind.SGD,
                50), 0);

        long fourVectors = 4 * (8 * 32 + 16); // γ, β, running mean and variance; the bias is gone
        assertThat(normalised.parameterBytes() - plain.parameterBytes()).isEqualTo(4 * (fourVectors - (8 * 32 + 16)));
        long normalisedValues = (8 * 50 * 32 + 16) + 3 * (8 * 32 + 16); // 50 rows; the batch's mean, variance, 1/σ
        assertThat(normalised.batchBytes() - plain.batchBytes()).as("800 rows in batches of 50: one workspace")
                .isEqualTo(normalisedValues);
    }
}
