package dev.regtrain.jobs;

import dev.regtrain.engine.LiveState;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Examples;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.PenaltySpec;
import dev.regtrain.engine.Trainer;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.engine.TrainingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Real training states to checkpoint: a tiny network's epochs 1..n. */
public final class TrainingStates {

    private TrainingStates() {
    }

    public static List<TrainingState> epochs(int count) {
        Random random = new Random(1);
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
                new DropoutSpec(0, List.of(0.0)), EarlyStoppingSpec.trackingOnly(Monitor.TRAIN_LOSS), count, 5, true,
                3);
        List<TrainingState> states = new ArrayList<>();
        Trainer.start(plan, new Examples(x, y, 20, 2, 1), null, EngineContext.DEFAULT).run(new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics row, LiveState state) {
                states.add(state.copy());
            }
        }, () -> false);
        return states;
    }
}
