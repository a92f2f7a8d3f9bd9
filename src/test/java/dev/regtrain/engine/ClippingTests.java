package dev.regtrain.engine;

import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gradient clipping (MATH.md) against a direct implementation of its definition: one full-batch SGD step is
 * W ← W − α·clip(g), with g the objective's gradient (data term plus the coupled L2 and subgradient-L1 terms) over
 * every parameter of every layer.
 */
class ClippingTests {

    private static final Examples DATA = Fixtures.classification(40, 5, 3, 0.5, 21);
    private static final double ALPHA = 0.3;
    private static final PenaltySpec PENALTY = new PenaltySpec(0.4, 1.5, true, L1Update.SUBGRADIENT, 0, null,
            List.of());

    private static TrainingPlan oneFullBatchStep(GradientClipping clipping) {
        return Fixtures.aPlan(5, Output.SOFTMAX, 3).hidden(6, Activation.TANH).hiddenWithBatchNorm(4, Activation.RELU)
                .optimizer(OptimizerSpec.sgd(ALPHA)).penalty(PENALTY).clipping(clipping).batchSize(0).shuffle(false)
                .epochs(1).build();
    }

    private static double[][] trainedParameters(TrainingPlan plan) {
        Network model = Trainer.start(plan, DATA, null, EngineContext.DEFAULT).run(new Runs(), () -> false).model();
        return model.parameters().stream().map(p -> p.values().clone()).toArray(double[][]::new);
    }

    /** W − α·clip(g) from the initial weights, with clip given as a function of the whole gradient. */
    private static double[][] directStep(TrainingPlan plan, java.util.function.UnaryOperator<double[][]> clip) {
        Network start = Network.initialise(plan.network(), Rng.of(plan.seed(), RandomPurpose.INIT));
        double[][] g = clip.apply(new Objective(start, PENALTY, DATA, OjalgoKernel.INSTANCE).gradient());
        double[][] expected = new double[g.length][];
        for (int p = 0; p < g.length; p++) {
            double[] w = start.parameters().get(p).values();
            expected[p] = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                expected[p][i] = w[i] - ALPHA * g[p][i];
            }
        }
        return expected;
    }

    private static double norm(double[][] g) {
        double sum = 0;
        for (double[] block : g) {
            for (double v : block) {
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    private static double[][] scaled(double[][] g, double factor) {
        double[][] result = new double[g.length][];
        for (int p = 0; p < g.length; p++) {
            result[p] = new double[g[p].length];
            for (int i = 0; i < g[p].length; i++) {
                result[p][i] = g[p][i] * factor;
            }
        }
        return result;
    }

    private static double[][] clamped(double[][] g, double bound) {
        double[][] result = new double[g.length][];
        for (int p = 0; p < g.length; p++) {
            result[p] = new double[g[p].length];
            for (int i = 0; i < g[p].length; i++) {
                result[p][i] = Math.max(-bound, Math.min(bound, g[p][i]));
            }
        }
        return result;
    }

    @Test
    void clippingByNormRescalesTheWholeGradientWhenItIsLonger() {
        TrainingPlan plan = oneFullBatchStep(new GradientClipping(0.05, null));
        double[][] expected = directStep(plan, g -> {
            assertThat(norm(g)).as("the bound binds").isGreaterThan(0.05);
            return scaled(g, 0.05 / norm(g));
        });

        assertThat(Fixtures.relativeError(trainedParameters(plan), expected)).isLessThan(1e-14);
    }

    @Test
    void clippingByNormLeavesAShorterGradientBitForBitAlone() {
        assertThat(trainedParameters(oneFullBatchStep(new GradientClipping(1e6, null))))
                .isDeepEqualTo(trainedParameters(oneFullBatchStep(GradientClipping.NONE)));
    }

    @Test
    void clippingByValueClampsEachComponent() {
        TrainingPlan plan = oneFullBatchStep(new GradientClipping(null, 0.02));
        double[][] expected = directStep(plan, g -> clamped(g, 0.02));

        assertThat(Fixtures.relativeError(trainedParameters(plan), expected)).isLessThan(1e-14);
    }

    @Test
    void withBothTheComponentsAreClampedFirstAndThenTheNormCapped() {
        TrainingPlan plan = oneFullBatchStep(new GradientClipping(0.03, 0.02));
        double[][] expected = directStep(plan, g -> {
            double[][] clamped = clamped(g, 0.02);
            return scaled(clamped, Math.min(1, 0.03 / norm(clamped)));
        });

        assertThat(Fixtures.relativeError(trainedParameters(plan), expected)).isLessThan(1e-14);
    }

    @Test
    void momentumSeesTheClippedGradient() {
        // Two full-batch steps of momentum: v₁ = clip(g₀), v₂ = μ·v₁ + clip(g₁); clipping by norm keeps every step
        // within α·‖v‖ ≤ α·c·(1 + μ).
        TrainingPlan plan = Fixtures.aPlan(5, Output.SOFTMAX, 3).hidden(6, Activation.TANH)
                .optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 1.0)).clipping(new GradientClipping(0.01, null))
                .batchSize(0).shuffle(false).epochs(2).build();
        Runs runs = new Runs(1);
        Network start = Network.initialise(plan.network(), Rng.of(plan.seed(), RandomPurpose.INIT));
        Network end = Trainer.start(plan, DATA, null, EngineContext.DEFAULT).run(runs, () -> false).model();
        double[][] afterOne = runs.states.get(0).parameters();

        assertThat(distance(start.values(), afterOne)).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(distance(afterOne, end.values())).isLessThanOrEqualTo(0.01 * 1.9 + 1e-12);
    }

    private static double distance(double[][] a, double[][] b) {
        double sum = 0;
        for (int p = 0; p < a.length; p++) {
            for (int i = 0; i < a[p].length; i++) {
                sum += (a[p][i] - b[p][i]) * (a[p][i] - b[p][i]);
            }
        }
        return Math.sqrt(sum);
    }
}
