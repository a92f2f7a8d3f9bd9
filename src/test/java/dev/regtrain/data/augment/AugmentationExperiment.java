package dev.regtrain.data.augment;

import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.Preparation;
import dev.regtrain.data.PreparedData;
import dev.regtrain.data.Split;
import dev.regtrain.engine.LiveState;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.PenaltySpec;
import dev.regtrain.engine.Trainer;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.engine.TrainingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small-data run on generated shapes, with or without augmentation, through the engine as a job would use it. */
final class AugmentationExperiment {

    record Result(List<EpochMetrics> rows, TrainingState stateAtEpoch, double[][] weights) {
        double bestValidationLoss() {
            return rows.stream().mapToDouble(EpochMetrics::valLoss).min().orElseThrow();
        }
    }

    static final AugmentationSettings SETTINGS = new AugmentationSettings(2, false, false, 15, 0.1, 0, 0, 0, 0);

    private AugmentationExperiment() {
    }

    static TrainingPlan plan(long seed, int epochs) {
        NetworkSpec network = new NetworkSpec(144, List.of(new LayerSpec(64, Activation.RELU)), Output.SOFTMAX, 4,
                Initialization.HE);
        return new TrainingPlan(network, OptimizerSpec.of(OptimizerKind.ADAM, 0.003), PenaltySpec.NONE,
                new DropoutSpec(0, List.of(0.0)), EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS), epochs, 16, true,
                seed);
    }

    /** 80 training images of 12×12 shapes, 320 for validation. */
    static Result run(long seed, AugmentationSettings settings, int epochs, int keepStateAtEpoch) {
        return run(seed, settings, epochs, keepStateAtEpoch, null);
    }

    /** As {@link #run}, or, with a state, the same run continued from that state. */
    static Result run(long seed, AugmentationSettings settings, int epochs, int keepStateAtEpoch,
                      TrainingState resumeFrom) {
        Dataset data = BuiltinDatasets.generate("shapes", Map.of("samples", 400.0, "size", 12.0, "noise", 0.05), seed);
        Split split = Split.of(data, 0.8, seed);
        PreparedData prepared = Preparation.prepare(data, split, true, Output.SOFTMAX);
        EngineContext context = EngineContext.DEFAULT;
        if (!settings.isNone()) {
            context = context.withAugmenter(Augmenter.forTraining(settings, data, split.train(),
                    prepared.standardization(), 4));
        }
        List<EpochMetrics> rows = new ArrayList<>();
        TrainingState[] kept = new TrainingState[1];
        Trainer trainer = resumeFrom == null
                ? Trainer.start(plan(seed, epochs), prepared.train(), prepared.validation(), context)
                : Trainer.resume(plan(seed, epochs), resumeFrom, prepared.train(), prepared.validation(), context);
        trainer.run(new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics row, LiveState state) {
                rows.add(row);
                if (row.epoch() == keepStateAtEpoch) {
                    kept[0] = state.copy();
                }
            }
        }, () -> false);
        return new Result(rows, kept[0], trainer.network().values());
    }
}
