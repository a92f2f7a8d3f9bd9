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

import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.Examples;
import dev.regtrain.engine.TrainingOutcome;
import dev.regtrain.engine.ClassWeights;
import dev.regtrain.engine.Fixtures;
import dev.regtrain.engine.GradientClipping;
import dev.regtrain.engine.LossSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.ScheduleSpec;
import dev.regtrain.engine.ScheduleState;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.fixtures.FixtureJdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /**
     * A checkpoint written by format version 2 (main at 67e50b4: batch normalisation, a step schedule, adam;
     * src/test/resources/fixtures/state-v2) decodes as a float64 state, and the run resumed from it ends with the
     * bits of the same run trained here from the start: the format is read right and float64 training is unchanged.
     */
    @Test
    void aVersionTwoCheckpointDecodesAsFloat64AndResumesToTheBitsOfAFreshRun() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/fixtures/state-v2/epoch-3.ckpt"));
        assertThat(bytes[7]).isEqualTo((byte) 2);
        Examples train = Fixtures.classification(120, 6, 3, 0.8, 41);
        Examples validation = Fixtures.classification(40, 6, 3, 0.8, 42);
        TrainingPlan plan = Fixtures.aPlan(6, Output.SOFTMAX, 3).hiddenWithBatchNorm(8, Activation.RELU)
                .hidden(5, Activation.TANH).dropout(0, 0.2).schedule(ScheduleSpec.step(2, 0.5))
                .optimizer(OptimizerSpec.of(OptimizerKind.ADAM, 0.01))
                .earlyStopping(EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS)).batchSize(16).epochs(4).seed(5)
                .build();

        TrainingState state = StateCodec.decode(bytes, StateLimits.DEFAULT);
        TrainingOutcome resumed = Trainer.resume(plan, state, train, validation, EngineContext.DEFAULT)
                .run(new Runs(), () -> false);
        TrainingOutcome fresh = Trainer.start(plan, train, validation, EngineContext.DEFAULT)
                .run(new Runs(), () -> false);

        assertThat(state.precision()).isEqualTo(Precision.FLOAT64);
        assertThat(state.epoch()).isEqualTo(3);
        assertThat(state.network().batchNorm(1)).isTrue();
        // the checkpoint was written on JDK 17: bit for bit there, within a few ulps on other releases (FixtureJdk)
        FixtureJdk.assertSameNumbers("resumed weights", resumed.model().values(), fresh.model().values());
    }

    @Test
    void aFloat32StateIsStoredAsFloatsAndComesBackExactlyWithItsPrecision() {
        Runs runs = new Runs(2);
        TrainingPlan plan = Runs.richPlan(OptimizerKind.ADAM, 2).withPrecision(Precision.FLOAT32);
        Trainer.start(plan, Runs.TRAIN, Runs.VALIDATION, EngineContext.DEFAULT).run(runs, () -> false);
        TrainingState state = runs.states.get(0);
        TrainingState asDoubles = new TrainingState(state.network(), state.epoch(), state.parameters(),
                state.optimizer(), state.shuffleRandom(), state.dropoutRandom(), state.augmentRandom(),
                state.earlyStopping(), state.bestParameters(), state.history(), state.schedule(), Precision.FLOAT64);

        byte[] bytes = StateCodec.encode(state);
        TrainingState decoded = StateCodec.decode(bytes, StateLimits.DEFAULT);

        assertThat(decoded.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(decoded.parameters()).isDeepEqualTo(state.parameters());
        assertThat(decoded.optimizer().slots()).isDeepEqualTo(state.optimizer().slots());
        assertThat(decoded.bestParameters()).isDeepEqualTo(state.bestParameters());
        long values = 0;
        for (double[][] blocks : List.of(state.parameters(), state.optimizer().slots(), state.bestParameters())) {
            for (double[] block : blocks) {
                values += block.length;
            }
        }
        assertThat(StateCodec.encode(asDoubles).length - bytes.length).isEqualTo(4 * values);
    }

    @Test
    void aFloat32StateHoldingAValueThatIsNoFloatIsRefusedRatherThanRounded() {
        TrainingState state = stateAfterEpoch(1);
        TrainingState mislabelled = new TrainingState(state.network(), state.epoch(), state.parameters(),
                state.optimizer(), state.shuffleRandom(), state.dropoutRandom(), state.augmentRandom(),
                state.earlyStopping(), state.bestParameters(), state.history(), state.schedule(), Precision.FLOAT32);

        assertThatThrownBy(() -> StateCodec.encode(mislabelled)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a float");
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
        out.putString("FLOAT64");
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

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aStreamedStateIsTheSameBytesAsOneInMemoryAndNeverMoreThanTheBufferAtOnce(Precision precision) {
        TrainingState large = largeState(precision);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int[] largestWrite = {0};

        long written = StateCodec.encode(large, (bytes, offset, length) -> {
            received.write(bytes, offset, length);
            largestWrite[0] = Math.max(largestWrite[0], length);
        });

        byte[] inMemory = StateCodec.encode(large);
        assertThat(inMemory.length).as("the state is many buffers long").isGreaterThan(4 * ByteWriter.STREAM_BUFFER_BYTES);
        assertThat(received.toByteArray()).isEqualTo(inMemory);
        assertThat(written).isEqualTo(inMemory.length);
        assertThat(largestWrite[0]).isLessThanOrEqualTo(ByteWriter.STREAM_BUFFER_BYTES);
        assertThat(StateCodec.decode(received.toByteArray(), StateLimits.DEFAULT).optimizer().slots())
                .isDeepEqualTo(large.optimizer().slots());
    }

    /** Adam's state of a 100 → 300 → 3 network with random values (floats for float32): about a megabyte. */
    private static TrainingState largeState(Precision precision) {
        NetworkSpec spec = new NetworkSpec(100, List.of(new LayerSpec(300, Activation.RELU)), Output.SOFTMAX, 3,
                Initialization.HE);
        Random random = new Random(5);
        int[] sizes = spec.parameterSizes();
        double[][] parameters = new double[sizes.length][];
        double[][] slots = new double[2 * sizes.length][];
        double[][] best = new double[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            parameters[i] = randomValues(random, sizes[i], precision);
            slots[i] = randomValues(random, sizes[i], precision);
            slots[sizes.length + i] = randomValues(random, sizes[i], precision);
            best[i] = randomValues(random, sizes[i], precision);
        }
        return new TrainingState(spec, 0, parameters, new OptimizerState(17, slots), 1, 2, 3,
                EarlyStoppingState.INITIAL, best, List.of(), ScheduleState.INITIAL, precision);
    }

    private static double[] randomValues(Random random, int count, Precision precision) {
        return random.doubles(count).map(v -> precision == Precision.FLOAT32 ? (float) v : v).toArray();
    }
}
