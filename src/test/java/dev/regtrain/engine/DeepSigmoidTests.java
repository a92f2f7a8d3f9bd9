package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lecture's vanishing gradients on generated data: ten sigmoid layers with Xavier initialisation do not learn a
 * linearly separable problem (the gradient reaching the first layer is about a millionth of the output layer's,
 * and the diagnostics say so), and the same network with batch normalisation before every sigmoid does.
 */
class DeepSigmoidTests {

    private static final Examples ALL = Fixtures.classification(1000, 2, 1, 0.3, 5);
    private static final Examples TRAIN = ALL.rows(0, 800);
    private static final Examples VALIDATION = ALL.rows(800, 1000);

    private static Runs train(boolean batchNorm) {
        List<LayerSpec> hidden = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hidden.add(new LayerSpec(16, Activation.SIGMOID, batchNorm));
        }
        NetworkSpec spec = new NetworkSpec(2, hidden, Output.SIGMOID, 1, Initialization.AUTO);
        TrainingPlan plan = new TrainingPlan(spec, OptimizerSpec.sgd(0.1), PenaltySpec.NONE, DropoutSpec.none(10),
                EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS), 30, 32, true, 7);
        Runs runs = new Runs();
        Trainer.start(plan, TRAIN, VALIDATION, EngineContext.DEFAULT).run(runs, () -> false);
        return runs;
    }

    @Test
    void withoutBatchNormalisationTheGradientVanishesAndTheNetworkLearnsNothing() {
        Runs runs = train(false);

        EpochMetrics last = runs.rows.get(29);
        assertThat(last.valAccuracy()).isLessThan(0.6);
        assertThat(last.layers().get(0).gradientNorm()).isLessThan(1e-5 * last.layers().get(10).gradientNorm());
        List<Finding> findings = Diagnostics.findings(runs.rows);
        assertThat(findings).extracting(Finding::kind).containsOnly(Finding.Kind.VANISHING_GRADIENTS);
        assertThat(findings).extracting(Finding::layer).contains(1, 2, 3);
        assertThat(findings.get(0).fromEpoch()).isEqualTo(1);
    }

    @Test
    void withBatchNormalisationTheSameNetworkLearns() {
        Runs runs = train(true);

        EpochMetrics last = runs.rows.get(29);
        assertThat(last.valAccuracy()).isGreaterThan(0.9);
        assertThat(last.layers().get(0).gradientNorm()).isGreaterThan(0.1 * last.layers().get(10).gradientNorm());
        assertThat(Diagnostics.findings(runs.rows)).isEmpty();
    }
}
