package dev.regtrain.engine.state;

import dev.regtrain.engine.Activation;
import dev.regtrain.engine.EarlyStoppingState;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerState;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.Runs;
import dev.regtrain.engine.Trainer;
import dev.regtrain.engine.TrainingState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.engine.ClassWeights;
import dev.regtrain.engine.Fixtures;
import dev.regtrain.engine.GradientClipping;
import dev.regtrain.engine.LossSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.ScheduleSpec;
import dev.regtrain.engine.ScheduleState;
import dev.regtrain.engine.TrainingPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateCodecTests {

    private static TrainingState stateAfterEpoch(int k) {
        Runs runs = new Runs(k);
        Trainer.start(Runs.richPlan(OptimizerKind.ADAM, k), Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT)
                .run(runs, () -> false);
        return runs.states.get(0);
    }

    @Test
    void aStateSurvivesTheRoundTripExactly() {
        TrainingState state = stateAfterEpoch(3);

        TrainingState decoded = StateCodec.decode(StateCodec.encode(state), StateLimits.DEFAULT);

        assertThat(decoded.network()).isEqualTo(state.network());
        assertThat(decoded.epoch()).isEqualTo(3);
        assertThat(decoded.parameters()).isDeepEqualTo(state.parameters());
        assertThat(decoded.optimizer().step()).isEqualTo(state.optimizer().step());
        assertThat(decoded.optimizer().slots()).isDeepEqualTo(state.optimizer().slots());
        assertThat(decoded.shuffleRandom()).isEqualTo(state.shuffleRandom());
        assertThat(decoded.dropoutRandom()).isEqualTo(state.dropoutRandom());
        assertThat(decoded.augmentRandom()).isEqualTo(state.augmentRandom());
        assertThat(decoded.earlyStopping()).isEqualTo(state.earlyStopping());
        assertThat(decoded.bestParameters()).isDeepEqualTo(state.bestParameters());
        assertThat(decoded.history()).isEqualTo(state.history());
    }

    @Test
    void aStateWithBatchNormalisationAPlateauScheduleAndDiagnosticsSurvivesTheRoundTrip() {
        TrainingPlan plan = Fixtures.aPlan(6, Output.SOFTMAX, 3).hiddenWithBatchNorm(7, Activation.RELU)
                .hidden(4, Activation.SIGMOID)
                .schedule(ScheduleSpec.reduceOnPlateau(Monitor.TRAIN_LOSS, 0.5, 1, 0.5, 0.001))
                .clipping(new GradientClipping(1.0, null)).loss(new LossSpec(0.1, ClassWeights.BALANCED))
                .optimizer(OptimizerSpec.sgd(0.1)).epochs(3).build();
        Runs runs = new Runs(3);
        Trainer.start(plan, Runs.TRAIN, null, EngineContext.DEFAULT).run(runs, () -> false);
        TrainingState state = runs.states.get(0);

        TrainingState decoded = StateCodec.decode(StateCodec.encode(state), StateLimits.DEFAULT);

        assertThat(decoded.network()).isEqualTo(state.network());
        assertThat(decoded.network().batchNorm(1)).isTrue();
        assertThat(decoded.parameters()).isDeepEqualTo(state.parameters());
        assertThat(decoded.optimizer().slots()).isDeepEqualTo(state.optimizer().slots());
        assertThat(decoded.schedule()).isEqualTo(state.schedule()).isNotEqualTo(ScheduleState.INITIAL);
        assertThat(decoded.history()).isEqualTo(state.history());
        assertThat(decoded.history().get(2).trainObjective()).isNotNull();
        assertThat(decoded.history().get(2).layers().get(0).deadFraction()).isNotNull();
        assertThat(decoded.history().get(2).layers().get(1).saturatedFraction()).isNotNull();
    }

    /** A checkpoint written by format version 1 (commit f113c15, src/test/resources/fixtures) still decodes. */
    @Test
    void aVersionOneCheckpointStillDecodesWithAConstantScheduleAndNoBatchNormalisation() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/fixtures/f113c15/job/checkpoints/"
                + "final-00000030.ckpt"));
        assertThat(bytes[7]).isEqualTo((byte) 1);

        TrainingState state = StateCodec.decode(bytes, StateLimits.DEFAULT);

        assertThat(state.epoch()).isEqualTo(30);
        assertThat(state.network().hasBatchNorm()).isFalse();
        assertThat(state.schedule()).isEqualTo(ScheduleState.INITIAL);
        assertThat(state.history()).hasSize(30).allSatisfy(row -> assertThat(row.trainObjective()).isNull());
        assertThat(state.history().get(0).layers().get(0).updateRatio()).isNull();
        byte[] again = StateCodec.encode(state);
        assertThat(again[7]).isEqualTo((byte) StateCodec.VERSION);
        assertThat(StateCodec.decode(again, StateLimits.DEFAULT).parameters()).isDeepEqualTo(state.parameters());
    }

    @Test
    void everySingleFlippedByteIsDetected() {
        byte[] bytes = StateCodec.encode(stateAfterEpoch(1));
        for (int i = 0; i < bytes.length; i += Math.max(1, bytes.length / 200)) {
            byte[] corrupt = bytes.clone();
            corrupt[i] ^= 0x10;
            assertThatThrownBy(() -> StateCodec.decode(corrupt, StateLimits.DEFAULT))
                    .as("byte %d flipped", i).isInstanceOf(CorruptStateException.class);
        }
    }

    @Test
    void aTornStateIsDetected() {
        byte[] bytes = StateCodec.encode(stateAfterEpoch(1));
        for (int length : new int[] {0, 5, 11, bytes.length / 2, bytes.length - 1}) {
            byte[] torn = java.util.Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> StateCodec.decode(torn, StateLimits.DEFAULT))
                    .isInstanceOf(CorruptStateException.class);
        }
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        byte[] bytes = StateCodec.encode(stateAfterEpoch(1));
        bytes[7] = 9;

        assertThatThrownBy(() -> StateCodec.decode(bytes, StateLimits.DEFAULT))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("version 9");
    }

    @Test
    void dimensionsBeyondTheLimitsAreRefusedBeforeAllocating() {
        // A well-formed header with a valid checksum that claims 2³⁰ inputs: decoding must refuse it at once.
        ByteWriter out = new ByteWriter();
        out.putInt(StateCodec.MAGIC);
        out.putInt(StateCodec.VERSION);
        out.putInt(1 << 30);
        out.putInt(1);
        out.putString("SIGMOID");
        out.putString("HE");
        out.putInt(0);
        byte[] body = out.toArray();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body, 0, body.length);
        out.putInt((int) crc.getValue());
        byte[] hostile = out.toArray();

        assertThatThrownBy(() -> StateCodec.decode(hostile, StateLimits.DEFAULT))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void aStateLargerThanTheConfiguredLimitsIsRefused() {
        byte[] bytes = StateCodec.encode(stateAfterEpoch(1));
        StateLimits tight = new StateLimits(64, 10, 1_000_000, 1000);

        assertThatThrownBy(() -> StateCodec.decode(bytes, tight))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("12 units exceeds the limit of 10");
    }

    @Test
    void aStateNeedsOneMetricsRowPerEpoch() {
        TrainingState state = stateAfterEpoch(2);

        assertThatThrownBy(() -> new TrainingState(state.network(), 3, state.parameters(), state.optimizer(), 0, 0, 0,
                state.earlyStopping(), null, List.copyOf(state.history())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStreamedStateIsTheSameBytesAsOneInMemoryAndNeverMoreThanTheBufferAtOnce() {
        TrainingState large = largeState();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int[] largestWrite = {0};

        long written = StateCodec.encode(large, (bytes, offset, length) -> {
            received.write(bytes, offset, length);
            largestWrite[0] = Math.max(largestWrite[0], length);
        });

        byte[] inMemory = StateCodec.encode(large);
        assertThat(inMemory.length).as("the state is many buffers long").isGreaterThan(8 * ByteWriter.STREAM_BUFFER_BYTES);
        assertThat(received.toByteArray()).isEqualTo(inMemory);
        assertThat(written).isEqualTo(inMemory.length);
        assertThat(largestWrite[0]).isLessThanOrEqualTo(ByteWriter.STREAM_BUFFER_BYTES);
        assertThat(StateCodec.decode(received.toByteArray(), StateLimits.DEFAULT).optimizer().slots())
                .isDeepEqualTo(large.optimizer().slots());
    }

    /** Adam's state of a 100 → 300 → 3 network with random values: about a megabyte. */
    private static TrainingState largeState() {
        NetworkSpec spec = new NetworkSpec(100, List.of(new LayerSpec(300, Activation.RELU)), Output.SOFTMAX, 3,
                Initialization.HE);
        Random random = new Random(5);
        int[] sizes = spec.parameterSizes();
        double[][] parameters = new double[sizes.length][];
        double[][] slots = new double[2 * sizes.length][];
        double[][] best = new double[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            parameters[i] = random.doubles(sizes[i]).toArray();
            slots[i] = random.doubles(sizes[i]).toArray();
            slots[sizes.length + i] = random.doubles(sizes[i]).toArray();
            best[i] = random.doubles(sizes[i]).toArray();
        }
        return new TrainingState(spec, 0, parameters, new OptimizerState(17, slots), 1, 2, 3,
                EarlyStoppingState.INITIAL, best, List.of());
    }
}
