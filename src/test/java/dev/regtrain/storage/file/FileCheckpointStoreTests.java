package dev.regtrain.storage.file;

import dev.regtrain.storage.TestProperties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.Examples;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.PenaltySpec;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.Trainer;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.CheckpointKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTests {

    @TempDir
    Path dataDir;

    private FileCheckpointStore store;
    private final String job = UUID.randomUUID().toString();
    private final List<TrainingState> states = new ArrayList<>();

    static RegtrainProperties properties(Path dataDir) {
        return TestProperties.with("regtrain.data-dir", dataDir.toString());
    }

    @BeforeEach
    void sixEpochsOfStates() {
        store = new FileCheckpointStore(properties(dataDir), Clock.systemUTC());
        java.util.Random random = new java.util.Random(1);
        double[] x = new double[40];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[2 * i] = random.nextGaussian();
            x[2 * i + 1] = random.nextGaussian();
            y[i] = x[2 * i] > 0 ? 1 : 0;
        }
        NetworkSpec spec = new NetworkSpec(2, List.of(new LayerSpec(3, Activation.TANH)), Output.SIGMOID, 1,
                Initialization.XAVIER);
        TrainingPlan plan = new TrainingPlan(spec, OptimizerSpec.sgd(0.1), PenaltySpec.NONE,
                new DropoutSpec(0, List.of(0.0)), EarlyStoppingSpec.trackingOnly(Monitor.TRAIN_LOSS), 6, 5, true, 3);
        Trainer.start(plan, new Examples(x, y, 20, 2, 1), null, EngineContext.DEFAULT).run(new TrainingListener() {
            @Override
            public void onEpoch(dev.regtrain.engine.EpochMetrics row, Supplier<TrainingState> state) {
                states.add(state.get());
            }
        }, () -> false);
    }

    private Path checkpoints() {
        return dataDir.resolve("jobs").resolve(job).resolve("checkpoints");
    }

    @Test
    void listsTheBestFirstThenByEpochAndPrunesOldPeriodicOnes() {
        for (int e = 1; e <= 6; e++) {
            store.save(job, CheckpointKind.PERIODIC, states.get(e - 1), null);
        }
        store.save(job, CheckpointKind.BEST, states.get(2), 0.5);
        store.prune(job, 2);

        List<CheckpointInfo> list = store.list(job);

        assertThat(list).extracting(CheckpointInfo::ref).containsExactly("best", "5", "6");
        assertThat(list.get(0).monitorValue()).isEqualTo(0.5);
        assertThat(list.get(0).sha256()).hasSize(64);
        assertThat(list.get(1).sizeBytes()).isPositive();
    }

    @Test
    void aFinalCheckpointReplacesThePeriodicOneOfTheSameEpoch() {
        store.save(job, CheckpointKind.PERIODIC, states.get(5), null);
        store.save(job, CheckpointKind.FINAL, states.get(5), null);

        assertThat(store.list(job)).extracting(CheckpointInfo::kind).containsExactly(CheckpointKind.FINAL);
    }

    @Test
    void aDamagedCheckpointIsNeverLoadedAndThePreviousIntactOneIsUsed() throws Exception {
        store.save(job, CheckpointKind.PERIODIC, states.get(3), null);
        store.save(job, CheckpointKind.PERIODIC, states.get(4), null);
        store.save(job, CheckpointKind.BEST, states.get(1), 0.9);
        store.save(job, CheckpointKind.BEST, states.get(3), 0.7);
        flipAByte(checkpoints().resolve("periodic-00000005.ckpt"));
        flipAByte(checkpoints().resolve("best-00000004.ckpt"));

        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(4);
        assertThat(store.load(job, "5")).isEmpty();
        assertThat(store.load(job, "best").orElseThrow().state().epoch()).isEqualTo(2);
    }

    @Test
    void aTornCheckpointFromACrashIsDetected() throws Exception {
        store.save(job, CheckpointKind.PERIODIC, states.get(1), null);
        store.save(job, CheckpointKind.PERIODIC, states.get(2), null);
        Path newest = checkpoints().resolve("periodic-00000003.ckpt");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(2);
    }

    @Test
    void aCheckpointWhoseDescriptionWasLostStillCounts() throws Exception {
        store.save(job, CheckpointKind.PERIODIC, states.get(2), null);
        Files.delete(checkpoints().resolve("periodic-00000003.json"));

        assertThat(store.list(job)).extracting(CheckpointInfo::epoch).containsExactly(3);
        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(3);
    }

    /** A damaged description does not hide an intact checkpoint: it is rebuilt from the checkpoint file. */
    @Test
    void aCheckpointWhoseDescriptionIsDamagedStillCounts() throws Exception {
        store.save(job, CheckpointKind.PERIODIC, states.get(1), null);
        store.save(job, CheckpointKind.PERIODIC, states.get(2), null);
        Files.writeString(checkpoints().resolve("periodic-00000003.json"), "{\"ref\": ");

        assertThat(store.load(job, "latest").orElseThrow().state().epoch()).isEqualTo(3);
        assertThat(store.list(job)).extracting(CheckpointInfo::epoch).contains(3);
    }

    private static void flipAByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
    }
}
